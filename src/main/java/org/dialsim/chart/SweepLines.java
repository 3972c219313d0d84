package org.dialsim.chart;

import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dialsim.stats.SweepAxis;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.SweepAxis;
import org.dialsim.stats.RunReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * {@code sweep}: for a one-parameter sweep, the first-call failure rate against the swept
 * value, one line per configuration with its 95 % interval band.
 */
public final class SweepLines {
  /** File name without extension (binding, SPEC 4). */
  public static final String NAME = "sweep";

  private SweepLines() {}

  /**
   * Everything the chart shows, without pixels.
   *
   * @param axis the swept parameter's values
   * @param lines one per configuration in scenario order, points in axis order
   * @param upper the top of the percent axis (its bottom is 0)
   * @param subtitle what is shown
   */
  public record Model(SweepValues axis, List<Bands.Line> lines, double upper, String subtitle) {
    /** Copies the list. */
    public Model {
      lines = List.copyOf(lines);
    }
  }

  /** The model of a one-parameter sweep; {@code report} must sweep exactly one path. */
  public static Model model(RunReport report) {
    if (report.sweptPaths().size() != 1) {
      throw new IllegalArgumentException("the sweep chart needs exactly one swept parameter, not "
          + report.sweptPaths().size());
    }
    String path = report.sweptPaths().get(0);
    SweepValues axis = SweepValues.of(report.sweep().get(0));
    List<String> configurations = Rows.configurations(report);
    List<Bands.Line> lines = new ArrayList<>();
    for (String c : configurations) {
      List<Bands.Point> points = new ArrayList<>();
      for (ResultRow r : report.rows()) {
        if (r.configuration().equals(c)) {
          Bands.Point p = Bands.Point.of(axis.position(r.point().getOrDefault(path, "")), r.metrics().firstCall());
          if (p != null) {
            points.add(p);
          }
        }
      }
      points.sort(Comparator.comparingDouble(Bands.Point::x));
      lines.add(new Bands.Line(c, configurations.indexOf(c), points));
    }
    String subtitle = "Share of client instances whose first call failed, by " + path
        + "; " + Bands.bandNote(lines);
    return new Model(axis, lines, Percent.upper(Bands.maxHigh(lines), 0.95), subtitle);
  }

  /** The lines as a dataset: one series per configuration, x = the swept value's position. */
  public static YIntervalSeriesCollection dataset(Model model) {
    return Bands.dataset(model.lines());
  }

  /** The x axis for the swept values: numeric (linear or log) or one tick per written value. */
  static ValueAxis axis(SweepValues v) {
    List<Double> pos = v.positions();
    if (!v.numeric()) {
      SymbolAxis a = new SymbolAxis(v.path(), v.labels().toArray(new String[0]));
      a.setGridBandsVisible(false);
      a.setAutoRange(false);
      a.setRange(-0.5, Math.max(0.5, v.labels().size() - 0.5));
      return a;
    }
    double min = pos.get(0);
    double max = pos.get(pos.size() - 1);
    if (v.logScale()) {
      LogAxis a = new LogAxis(v.path() + " (log scale)");
      a.setBase(10);
      a.setNumberFormatOverride(v.kind() == SweepAxis.Kind.DURATION ? new SecondsFormat() : Ticks.plain());
      a.setTickUnit(new NumberTickUnit(1), false, true);
      a.setAutoRange(false);
      a.setRange(min / 1.3, max * 1.3);
      return a;
    }
    NumberAxis a = new NumberAxis(v.path());
    a.setNumberFormatOverride(v.kind() == SweepAxis.Kind.DURATION ? new SecondsFormat() : Ticks.plain());
    // a margin on both sides so the end points and their bands are not cut by the frame
    double span = max - min;
    double pad = span == 0 ? Math.max(Math.abs(min) * 0.1, 1) : span * 0.06;
    a.setAutoRange(false);
    a.setRange(min - pad, max + pad);
    return a;
  }

  /** The chart of {@code model} in {@code theme}. */
  public static JFreeChart chart(Model model, Theme theme) {
    NumberAxis y = Percent.axis("first-call failure rate", model.upper());
    XYPlot plot = new XYPlot(dataset(model), axis(model.axis()), y, null);
    JFreeChart chart = new JFreeChart("First-call failure rate by " + model.axis().path(),
        theme.font(Font.BOLD, theme.titleSize()), plot, true);
    chart.addSubtitle(new TextTitle(model.subtitle()));
    theme.apply(chart);
    plot.setRenderer(Bands.renderer(model.lines(), theme));
    // later lines on top: a dashed line over an identical earlier one lets it show through
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    return chart;
  }
}
