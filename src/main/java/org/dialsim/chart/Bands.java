package org.dialsim.chart;

import java.util.List;
import org.dialsim.stats.Rate;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Lines with shaded 95 % interval bands, shared by the learning curve and the sweep chart. */
public final class Bands {
  private Bands() {}

  /**
   * One point of a line.
   *
   * @param x where it is on the x axis
   * @param value the rate
   * @param low the interval's lower end, clipped to [0, 1]
   * @param high the interval's upper end, clipped to [0, 1]
   */
  public record Point(double x, double value, double low, double high) {
    /** The point of {@code r} at {@code x}, or null when the rate has no trials. */
    public static Point of(double x, Rate r) {
      if (Double.isNaN(r.value())) {
        return null;
      }
      return new Point(x, Percent.clip(r.value()), Percent.clip(r.low()), Percent.clip(r.high()));
    }
  }

  /**
   * One configuration's line.
   *
   * @param configuration its name (the series key)
   * @param colour its index in scenario order
   * @param points its points in x order
   */
  public record Line(String configuration, int colour, List<Point> points) {
    /** Copies the list. */
    public Line {
      points = List.copyOf(points);
    }
  }

  /** The lines as a dataset, one series per line, in order. */
  static YIntervalSeriesCollection dataset(List<Line> lines) {
    YIntervalSeriesCollection d = new YIntervalSeriesCollection();
    for (Line l : lines) {
      YIntervalSeries s = new YIntervalSeries(l.configuration(), false, true);
      for (Point p : l.points()) {
        s.add(p.x(), p.value(), p.low(), p.high());
      }
      d.addSeries(s);
    }
    return d;
  }

  /** The highest interval end over all lines (0 when there is none). */
  static double maxHigh(List<Line> lines) {
    double max = 0;
    for (Line l : lines) {
      for (Point p : l.points()) {
        max = Math.max(max, p.high());
      }
    }
    return max;
  }

  /**
   * Beyond this many lines the bands are left out: overlapping translucent bands of five or
   * more colours blend into brown mud that hides the lines themselves.
   */
  public static final int MAX_BANDS = 4;

  /** True when {@code lines} are few enough to draw their bands. */
  public static boolean drawBands(List<Line> lines) {
    return lines.size() <= MAX_BANDS;
  }

  /** The subtitle's note on bands for {@code lines}. */
  static String bandNote(List<Line> lines) {
    return drawBands(lines) ? "bands: 95 % Wilson interval"
        : "intervals not drawn for " + lines.size() + " configurations (see results.json)";
  }

  /** Where lines of {@code lines} lie on each other (x and value of each point). */
  static Overlap overlap(List<Line> lines) {
    List<List<double[]>> xy = new java.util.ArrayList<>();
    for (Line l : lines) {
      xy.add(l.points().stream().map(p -> new double[] {p.x(), p.value()}).toList());
    }
    return Overlap.of(xy);
  }

  /**
   * A renderer drawing each line in its configuration's colour, over a light band when there
   * are few; lines that lie on earlier ones stay visible ({@link Overlap}): their own marker,
   * dashes, and "same as" in the legend. The plot must draw series in order
   * ({@code SeriesRenderingOrder.FORWARD}) so that later lines lie on top.
   */
  static XYLineAndShapeRenderer renderer(List<Line> lines, Theme theme) {
    XYLineAndShapeRenderer r;
    if (drawBands(lines)) {
      DeviationRenderer d = new DeviationRenderer(true, true);
      // light enough that overlapping bands of two configurations stay readable
      d.setAlpha(0.18f);
      r = d;
    } else {
      r = new XYLineAndShapeRenderer(true, true);
    }
    Overlap overlap = overlap(lines);
    List<String> names = lines.stream().map(Line::configuration).toList();
    r.setDrawOutlines(true);
    r.setUseOutlinePaint(false);
    for (int i = 0; i < lines.size(); i++) {
      int c = lines.get(i).colour();
      r.setSeriesPaint(i, theme.color(c));
      r.setSeriesFillPaint(i, theme.color(c));
      r.setSeriesStroke(i, overlap.dashed(i) ? overlap.stroke(i, 2.5f) : theme.stroke(c));
      r.setSeriesShape(i, overlap.shape(i));
      r.setSeriesShapesFilled(i, overlap.filled(i));
      r.setSeriesOutlineStroke(i, new java.awt.BasicStroke(2f));
    }
    r.setLegendItemLabelGenerator((dataset, series) -> overlap.legend(series, names));
    return r;
  }
}
