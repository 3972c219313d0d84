package org.dialsim.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.dialsim.stats.Rate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * {@code learning-curve}: the failure rate of call 1, 2, 3 ... of each client instance, per
 * configuration, with 95 % interval bands. A stack that learns which addresses work falls
 * after its first call; one that does not stays flat.
 */
public final class LearningCurve {
  /** File name without extension (binding, SPEC 4). */
  public static final String NAME = "learning-curve";

  private LearningCurve() {}

  /**
   * Everything the chart shows, without pixels.
   *
   * @param lines one per configuration in scenario order; x is the call number from 1
   * @param calls the highest call number
   * @param upper the top of the percent axis (its bottom is 0)
   * @param subtitle what is shown, and at which sweep point
   */
  public record Model(List<Bands.Line> lines, int calls, double upper, String subtitle) {
    /** Copies the list. */
    public Model {
      lines = List.copyOf(lines);
    }
  }

  /** The model of {@code report}'s learning curve; in a sweep, at its first point. */
  public static Model model(RunReport report) {
    return model(report, Rows.first(report));
  }

  /** The model of {@code report}'s learning curve at sweep point {@code point} ({} without a sweep). */
  public static Model model(RunReport report, Map<String, String> point) {
    List<String> configurations = Rows.configurations(report);
    List<Bands.Line> lines = new ArrayList<>();
    int calls = 1;
    for (ResultRow r : Rows.at(report, point)) {
      List<Bands.Point> points = new ArrayList<>();
      List<Rate> byCall = r.metrics().byCall();
      for (int i = 0; i < byCall.size(); i++) {
        Bands.Point p = Bands.Point.of(i + 1, byCall.get(i));
        if (p != null) {
          points.add(p);
        }
      }
      calls = Math.max(calls, byCall.size());
      lines.add(new Bands.Line(r.configuration(), configurations.indexOf(r.configuration()), points));
    }
    String note = Rows.pointNote(report, point);
    String subtitle = "Failure rate of each client's n-th call; " + Bands.bandNote(lines)
        + (note == null ? "" : "; " + note);
    return new Model(lines, calls, Percent.upper(Bands.maxHigh(lines), 0.95), subtitle);
  }

  /** The lines as a dataset: one series per configuration, x = call number. */
  public static YIntervalSeriesCollection dataset(Model model) {
    return Bands.dataset(model.lines());
  }

  /** The chart of {@code model} in {@code theme}. */
  public static JFreeChart chart(Model model, Theme theme) {
    NumberAxis x = new NumberAxis("call number (1 = each client's first call after start-up)");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setNumberFormatOverride(Ticks.plain());
    x.setAutoRange(false);
    x.setRange(0.7, model.calls() + 0.3);
    NumberAxis y = Percent.axis("failure rate", model.upper());
    XYPlot plot = new XYPlot(dataset(model), x, y, null);
    JFreeChart chart = new JFreeChart("Failure rate by call: learning after start-up",
        theme.font(java.awt.Font.BOLD, theme.titleSize()), plot, true);
    chart.addSubtitle(new TextTitle(model.subtitle()));
    theme.apply(chart);
    plot.setRenderer(Bands.renderer(model.lines(), theme));
    // later lines on top: a dashed line over an identical earlier one lets it show through
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    return chart;
  }
}
