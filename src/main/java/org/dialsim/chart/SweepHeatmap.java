package org.dialsim.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * {@code heatmap-<configuration>}: for a two-parameter sweep, one heat map per configuration,
 * the first swept parameter across, the second up, each cell coloured and labelled with the
 * first-call failure rate. All maps of a run share one colour scale, so they compare.
 */
public final class SweepHeatmap {
  /** File name prefix (SPEC 4: a heat map for two-parameter sweeps). */
  public static final String PREFIX = "heatmap-";

  private SweepHeatmap() {}

  /**
   * One cell.
   *
   * @param xi index of the first parameter's value in axis order
   * @param yi index of the second parameter's value in axis order
   * @param x the first parameter's value as written
   * @param y the second parameter's value as written
   * @param value the first-call failure rate; NaN where this point has no result
   */
  public record Cell(int xi, int yi, String x, String y, double value) {}

  /**
   * Everything one heat map shows, without pixels.
   *
   * @param configuration the configuration's name
   * @param name file name without extension: {@code heatmap-} and the configuration's slug
   * @param x the first swept parameter (across)
   * @param y the second swept parameter (up)
   * @param cells every (x, y) pair, x-major
   * @param upper the top of the colour scale, shared by every map of the run (its bottom is 0)
   */
  public record Model(String configuration, String name, SweepValues x, SweepValues y, List<Cell> cells,
      double upper) {
    /** Copies the list. */
    public Model {
      cells = List.copyOf(cells);
    }

    /** The cell at these indexes. */
    public Cell cell(int xi, int yi) {
      return cells.get(xi * y.labels().size() + yi);
    }
  }

  /** One model per configuration, in scenario order; {@code report} must sweep exactly two paths. */
  public static List<Model> models(RunReport report) {
    List<String> paths = report.sweptPaths();
    if (paths.size() != 2) {
      throw new IllegalArgumentException("a heat map needs exactly two swept parameters, not " + paths.size());
    }
    SweepValues x = SweepValues.of(report.sweep().get(0));
    SweepValues y = SweepValues.of(report.sweep().get(1));
    List<String> configurations = Rows.configurations(report);
    List<String> slugs = Slugs.unique(configurations);
    double max = 0;
    List<List<Cell>> all = new ArrayList<>();
    for (String c : configurations) {
      List<Cell> cells = new ArrayList<>();
      for (int i = 0; i < x.labels().size(); i++) {
        for (int j = 0; j < y.labels().size(); j++) {
          String xv = x.labels().get(i);
          String yv = y.labels().get(j);
          ResultRow r = Rows.find(report, c, Map.of(paths.get(0), xv, paths.get(1), yv));
          double v = r == null ? Double.NaN : Percent.clip(r.metrics().firstCall().value());
          if (!Double.isNaN(v)) {
            max = Math.max(max, v);
          }
          cells.add(new Cell(i, j, xv, yv, v));
        }
      }
      all.add(cells);
    }
    double upper = Percent.upper(max, 1.0);
    List<Model> out = new ArrayList<>();
    for (int k = 0; k < configurations.size(); k++) {
      out.add(new Model(configurations.get(k), PREFIX + slugs.get(k), x, y, all.get(k), upper));
    }
    return out;
  }

  /** The cells as a dataset: x and y are axis indexes, z the rate (NaN: no result). */
  public static DefaultXYZDataset dataset(Model model) {
    int n = model.cells().size();
    double[][] data = new double[3][n];
    for (int k = 0; k < n; k++) {
      Cell c = model.cells().get(k);
      data[0][k] = c.xi();
      data[1][k] = c.yi();
      data[2][k] = c.value();
    }
    DefaultXYZDataset d = new DefaultXYZDataset();
    d.addSeries("first-call failure", data);
    return d;
  }

  private static SymbolAxis axis(SweepValues v) {
    SymbolAxis a = new SymbolAxis(v.path(), v.labels().toArray(new String[0]));
    a.setGridBandsVisible(false);
    a.setAutoRange(false);
    a.setRange(-0.5, v.labels().size() - 0.5);
    return a;
  }

  /** The chart of {@code model} in {@code theme}. */
  public static JFreeChart chart(Model model, Theme theme) {
    SequentialScale scale = new SequentialScale(0, model.upper(), theme.sequential());
    XYBlockRenderer r = new XYBlockRenderer();
    r.setBlockWidth(1);
    r.setBlockHeight(1);
    r.setBlockAnchor(RectangleAnchor.CENTER);
    r.setPaintScale(scale);
    XYPlot plot = new XYPlot(dataset(model), axis(model.x()), axis(model.y()), r);
    JFreeChart chart = new JFreeChart("First-call failure rate: " + model.configuration(),
        theme.font(Font.BOLD, theme.titleSize()), plot, false);
    chart.addSubtitle(new TextTitle("Share of client instances whose first call failed, by " + model.x().path()
        + " and " + model.y().path()));
    NumberAxis legendAxis = Percent.axis(null, model.upper());
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    legend.setStripWidth(18);
    legend.setSubdivisionCount(128);
    legend.setMargin(new RectangleInsets(10, 16, 10, 0));
    legend.setStripOutlineVisible(false);
    chart.addSubtitle(legend);
    theme.apply(chart);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    legend.setBackgroundPaint(theme.background());
    Font cellFont = theme.font(Font.BOLD, theme.noteSize() + 1);
    for (Cell c : model.cells()) {
      XYTextAnnotation a = new XYTextAnnotation(Percent.label(c.value()), c.xi(), c.yi());
      a.setFont(cellFont);
      a.setTextAnchor(TextAnchor.CENTER);
      Color fill = scale.colour(c.value());
      a.setPaint(SequentialScale.whiteOn(fill, theme.text()) ? Color.WHITE : theme.text());
      plot.addAnnotation(a);
    }
    return chart;
  }
}
