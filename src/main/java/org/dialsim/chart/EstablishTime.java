package org.dialsim.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.engine.Time;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.dialsim.stats.Metrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.LengthAdjustmentType;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code establish-time}: how long successful calls took to connect, per configuration, as a
 * cumulative distribution on a logarithmic time axis, with the stack limits that shape it (the
 * per-attempt give-up and the call deadline) drawn as vertical markers.
 */
public final class EstablishTime {
  /** File name without extension (binding, SPEC 4). */
  public static final String NAME = "establish-time";

  /** Shortest time the axis shows: the tally's resolution is 1 us. */
  static final double MIN_SECONDS = 1e-6;

  /** A marker label right of its line needs this share of the axis; nearer the end it goes left. */
  static final double LABEL_ROOM = 0.82;

  private EstablishTime() {}

  /** What a marker marks. */
  public enum Limit {
    /** The per-attempt limit: the SYN give-up or the application's attempt timeout. */
    ATTEMPT("attempt"),
    /** The overall establishment limit of one call. */
    DEADLINE("deadline");

    private final String word;

    Limit(String word) {
      this.word = word;
    }

    /** The word in the marker label. */
    public String word() {
      return word;
    }
  }

  /**
   * One point of a cumulative distribution.
   *
   * @param seconds establishment time
   * @param share share of successful calls established by then, 0 to 1
   */
  public record CdfPoint(double seconds, double share) {}

  /**
   * One configuration's distribution.
   *
   * @param configuration its name
   * @param colour its index in scenario order
   * @param points in increasing order
   */
  public record Curve(String configuration, int colour, List<CdfPoint> points) {
    /** Copies the list. */
    public Curve {
      points = List.copyOf(points);
    }
  }

  /**
   * A vertical line at a stack limit.
   *
   * @param seconds where
   * @param limit which limit
   * @param label e.g. {@code 21 s attempt}
   * @param colour the configuration's colour index when only one of several has this limit,
   *     else -1 (neutral)
   * @param configurations the configurations with this limit
   * @param labelLeft true when the label goes left of the line (too near the axis end)
   */
  public record Marker(double seconds, Limit limit, String label, int colour, List<String> configurations,
      boolean labelLeft) {
    /** Copies the list. */
    public Marker {
      configurations = List.copyOf(configurations);
    }
  }

  /**
   * Everything the chart shows, without pixels.
   *
   * @param curves configurations with successful calls, in scenario order
   * @param omitted configurations without a successful call
   * @param markers limits in increasing time
   * @param lower the left end of the log time axis, seconds
   * @param upper its right end
   * @param subtitle what is shown
   */
  public record Model(List<Curve> curves, List<String> omitted, List<Marker> markers, double lower, double upper,
      String subtitle) {
    /** Copies the lists. */
    public Model {
      curves = List.copyOf(curves);
      omitted = List.copyOf(omitted);
      markers = List.copyOf(markers);
    }
  }

  /** The model of {@code report}'s establishment-time chart; in a sweep, at its first point. */
  public static Model model(RunReport report) {
    return model(report, Rows.first(report));
  }

  /** The model of {@code report}'s establishment-time chart at sweep point {@code point} ({} without a sweep). */
  public static Model model(RunReport report, Map<String, String> point) {
    List<String> configurations = Rows.configurations(report);
    List<Curve> curves = new ArrayList<>();
    List<String> omitted = new ArrayList<>();
    // (limit, ns) -> configurations, in order of first appearance
    Map<Limit, Map<Long, List<String>>> limits = new LinkedHashMap<>();
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (ResultRow r : Rows.at(report, point)) {
      List<CdfPoint> points = new ArrayList<>();
      for (Metrics.Quantile q : r.metrics().establishQuantiles()) {
        if (Double.isNaN(q.seconds())) {
          continue;
        }
        // a log axis has no 0: the tally never records less than 1 us anyway
        double s = Math.max(MIN_SECONDS, q.seconds());
        points.add(new CdfPoint(s, q.percentile() / 100));
        min = Math.min(min, s);
        max = Math.max(max, s);
      }
      if (points.isEmpty()) {
        omitted.add(r.configuration());
        continue;
      }
      curves.add(new Curve(r.configuration(), configurations.indexOf(r.configuration()), points));
      addLimit(limits, Limit.ATTEMPT, r.attemptLimitNs(), r.configuration());
      addLimit(limits, Limit.DEADLINE, r.deadlineNs(), r.configuration());
    }
    List<Marker> markers = new ArrayList<>();
    for (Map.Entry<Limit, Map<Long, List<String>>> byLimit : limits.entrySet()) {
      for (Map.Entry<Long, List<String>> e : byLimit.getValue().entrySet()) {
        double s = Time.seconds(e.getKey());
        min = Math.min(min, s);
        max = Math.max(max, s);
        List<String> who = e.getValue();
        int colour = who.size() == 1 && curves.size() > 1 ? configurations.indexOf(who.get(0)) : -1;
        markers.add(new Marker(s, byLimit.getKey(), SecondsFormat.text(s) + " " + byLimit.getKey().word(), colour, who,
            false));
      }
    }
    if (curves.isEmpty()) {
      min = 0.01;
      max = 10;
    }
    double lower = Math.pow(10, Math.floor(Math.log10(min)));
    // a little room past the slowest call or limit, so neither sits on the frame
    double upper = Math.pow(10, Math.ceil(Math.log10(max * 1.05)));
    List<Marker> placed = new ArrayList<>();
    for (Marker m : markers) {
      double at = (Math.log10(m.seconds()) - Math.log10(lower)) / (Math.log10(upper) - Math.log10(lower));
      placed.add(new Marker(m.seconds(), m.limit(), m.label(), m.colour(), m.configurations(), at > LABEL_ROOM));
    }
    placed.sort(Comparator.comparingDouble(Marker::seconds).thenComparing(Marker::limit));
    StringBuilder subtitle = new StringBuilder("Successful calls only; dashed lines: per-attempt limit and call deadline");
    String note = Rows.pointNote(report, point);
    if (note != null) {
      subtitle.append("; ").append(note);
    }
    if (!omitted.isEmpty()) {
      subtitle.append("\nNot shown, no successful call: ").append(String.join(", ", omitted));
    }
    return new Model(curves, omitted, placed, lower, upper, subtitle.toString());
  }

  private static void addLimit(Map<Limit, Map<Long, List<String>>> limits, Limit limit, long ns, String configuration) {
    if (ns == Time.NEVER) {
      return; // no limit, nothing to mark
    }
    limits.computeIfAbsent(limit, k -> new LinkedHashMap<>()).computeIfAbsent(ns, k -> new ArrayList<>())
        .add(configuration);
  }

  /** Where the curves of {@code model} lie on each other. */
  static Overlap overlap(Model model) {
    List<List<double[]>> xy = new ArrayList<>();
    for (Curve c : model.curves()) {
      xy.add(c.points().stream().map(p -> new double[] {p.seconds(), p.share()}).toList());
    }
    return Overlap.of(xy);
  }

  /** The curves as a dataset: one series per configuration, x = seconds, y = share. */
  public static XYSeriesCollection dataset(Model model) {
    XYSeriesCollection d = new XYSeriesCollection();
    for (Curve c : model.curves()) {
      // duplicates allowed, no sorting: equal times at several percentiles draw a vertical step
      XYSeries s = new XYSeries(c.configuration(), false, true);
      for (CdfPoint p : c.points()) {
        s.add(p.seconds(), p.share());
      }
      d.addSeries(s);
    }
    return d;
  }

  /** The chart of {@code model} in {@code theme}. */
  public static JFreeChart chart(Model model, Theme theme) {
    LogAxis x = new LogAxis("establishment time (log scale)");
    x.setBase(10);
    x.setSmallestValue(MIN_SECONDS);
    x.setNumberFormatOverride(new SecondsFormat());
    x.setAutoRange(false);
    x.setRange(model.lower(), model.upper());
    // one labelled tick per decade (10 ms, 100 ms, 1 s ...): the default also labels half-decades
    // at 31.6 ms, which nobody reads as a time
    x.setTickUnit(new NumberTickUnit(1), false, true);
    x.setMinorTickCount(9);
    x.setMinorTickMarksVisible(true);
    NumberAxis y = Percent.axis("share of successful calls connected by then", 1.0);
    XYPlot plot = new XYPlot(dataset(model), x, y, null);
    JFreeChart chart = new JFreeChart("Establishment time (cumulative)", theme.font(Font.BOLD, theme.titleSize()),
        plot, true);
    TextTitle sub = new TextTitle(model.subtitle());
    chart.addSubtitle(sub);
    theme.apply(chart);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    // one path per curve: drawn segment by segment, a dash pattern starts afresh on each of the
    // many short steps of a distribution, and a dashed curve whose steps are shorter than its
    // leading gap vanished (timeout-grid's Happy Eyeballs curve showed two stray dashes)
    r.setDrawSeriesLineAsPath(true);
    Overlap overlap = overlap(model);
    List<String> names = model.curves().stream().map(Curve::configuration).toList();
    for (int i = 0; i < model.curves().size(); i++) {
      int c = model.curves().get(i).colour();
      r.setSeriesPaint(i, theme.color(c));
      r.setSeriesStroke(i, overlap.dashed(i) ? overlap.stroke(i, 2.5f) : theme.stroke(c));
    }
    r.setLegendItemLabelGenerator((dataset, series) -> overlap.legend(series, names));
    plot.setRenderer(r);
    // later curves on top, dashed where they lie on earlier ones
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    int row = 0;
    for (Marker m : model.markers()) {
      plot.addDomainMarker(marker(m, row++, theme), Layer.FOREGROUND);
    }
    return chart;
  }

  private static ValueMarker marker(Marker m, int row, Theme theme) {
    Color paint = m.colour() < 0 ? theme.neutral() : theme.color(m.colour());
    ValueMarker v = new ValueMarker(m.seconds(), paint, new BasicStroke(1.8f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER, 10f, m.limit() == Limit.DEADLINE ? new float[] {9f, 4f} : new float[] {3f, 3f}, 0f));
    v.setLabel(m.label());
    v.setLabelFont(theme.font(Font.BOLD, theme.noteSize()));
    v.setLabelPaint(paint);
    v.setLabelBackgroundColor(new Color(255, 255, 255, 210));
    // labels of neighbouring markers (21 s and 30 s are close on a log axis) go on separate rows
    double top = 6 + row * (theme.noteSize() + 8);
    v.setLabelOffsetType(LengthAdjustmentType.EXPAND);
    v.setLabelOffset(new RectangleInsets(top, 4, 0, 4));
    if (m.labelLeft()) {
      v.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      v.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
    } else {
      v.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      v.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    }
    return v;
  }
}
