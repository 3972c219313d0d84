package org.dialsim.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.sim.CallTrace;
import org.dialsim.sim.Outcome;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The timeline of one explained call: one row per address in the order the stack chose, a bar
 * per attempt coloured by outcome, a tick per SYN, a dashed mark where each attempt would have
 * timed out, and a vertical line at the deadline. Times are seconds from the call's start.
 */
public final class Timeline {
  /**
   * What the picture shows, before any drawing.
   *
   * @param title the chart title
   * @param rows addresses, top to bottom, in the order the stack tried them
   * @param bars one per attempt
   * @param syns every SYN: row and time
   * @param timeouts where each started attempt would have timed out, row and time, if that is
   *     before its try ended
   * @param deadlines each try's deadline in try order (one per try with a deadline; call retries
   *     give a try each)
   * @param retries when each try after the first began
   * @param endS when the call ended
   * @param connected true when the call connected
   */
  public record Model(String title, List<String> rows, List<Bar> bars, List<double[]> syns, List<double[]> timeouts,
      List<Double> deadlines, List<Double> retries, double endS, boolean connected) {
    /** Copies the lists. */
    public Model {
      rows = List.copyOf(rows);
      bars = List.copyOf(bars);
      syns = List.copyOf(syns);
      timeouts = List.copyOf(timeouts);
      deadlines = List.copyOf(deadlines);
      retries = List.copyOf(retries);
    }
  }

  /**
   * One attempt.
   *
   * @param row its address's row
   * @param startS start, seconds from the call's start
   * @param endS end
   * @param outcome how it ended
   */
  public record Bar(int row, double startS, double endS, Outcome outcome) {}

  private static final Map<Outcome, Color> COLOURS = new EnumMap<>(Outcome.class);

  /** The deadline's colour: a limit, not an outcome. */
  private static final Color DEADLINE = new Color(0xC0, 0x00, 0x00);

  static {
    // Okabe-Ito: readable by colour-blind viewers; success green, failures warm, cancels grey
    COLOURS.put(Outcome.CONNECTED, new Color(0x00, 0x9E, 0x73));
    COLOURS.put(Outcome.TIMEOUT, new Color(0xD5, 0x5E, 0x00));
    COLOURS.put(Outcome.REFUSED, new Color(0xCC, 0x79, 0xA7));
    COLOURS.put(Outcome.UNREACHABLE, new Color(0xE6, 0x9F, 0x00));
    COLOURS.put(Outcome.CANCELLED, new Color(0x99, 0x99, 0x99));
  }

  private Timeline() {}

  /**
   * The model of a traced call of a configuration. Rows follow the first try's order, so the
   * address tried first is on top; a later try's new addresses (call retries resolve anew) and
   * any address reached outside the order follow below.
   */
  public static Model model(String configuration, CallTrace trace) {
    List<String> rows = new ArrayList<>();
    List<Address> order = new ArrayList<>();
    for (CallTrace.Try t : trace.tries()) {
      for (Address a : t.order()) {
        if (!order.contains(a)) {
          order.add(a);
        }
      }
    }
    for (CallTrace.Attempt a : trace.attempts()) {
      if (!order.contains(a.address())) {
        order.add(a.address());
      }
    }
    for (Address a : order) {
      rows.add(a.text());
    }
    // relative times are differences of exact nanoseconds, converted once (no 30.000000001)
    long t0 = trace.startNs();
    List<Bar> bars = new ArrayList<>();
    List<double[]> syns = new ArrayList<>();
    List<double[]> timeouts = new ArrayList<>();
    for (CallTrace.Attempt a : trace.attempts()) {
      int row = order.indexOf(a.address());
      bars.add(new Bar(row, (a.startNs() - t0) / 1e9, (a.endNs() - t0) / 1e9, a.outcome()));
      for (long s : a.synsNs()) {
        syns.add(new double[] {row, (s - t0) / 1e9});
      }
      // the attempt's own limit, as the run set it (SYN give-up, attempt_timeout, a split);
      // none past the end of its try: the try was over, and a retry's bars may be drawn there
      if (a.timesOutNs() != Time.NEVER && a.timesOutNs() <= tryEnd(trace, a.tryNumber())) {
        timeouts.add(new double[] {row, (a.timesOutNs() - t0) / 1e9});
      }
    }
    List<Double> deadlines = new ArrayList<>();
    List<Double> retries = new ArrayList<>();
    for (CallTrace.Try t : trace.tries()) {
      if (t.deadlineNs() != Time.NEVER) {
        deadlines.add((t.deadlineNs() - t0) / 1e9);
      }
      if (t.number() > 1) {
        retries.add((t.startNs() - t0) / 1e9);
      }
    }
    String title = String.format(Locale.ROOT, "%s: client %d, call %d, replication %d", configuration, trace.client(),
        trace.call() + 1, trace.replication());
    return new Model(title, rows, bars, syns, timeouts, deadlines, retries, (trace.endNs() - t0) / 1e9, trace.connected());
  }

  /** When try {@code number} ended, or never if it is not recorded. */
  private static long tryEnd(CallTrace trace, int number) {
    for (CallTrace.Try t : trace.tries()) {
      if (t.number() == number) {
        return t.endNs();
      }
    }
    return Time.NEVER;
  }

  /**
   * The right end of the time axis. A failed call shows everything up to the deadline; a
   * connected one is drawn to its own end, so a 300 ms Happy Eyeballs race is not squeezed
   * against a 30 s deadline that never mattered.
   */
  static double axisEnd(Model m) {
    double end = m.endS();
    for (Bar b : m.bars()) {
      end = Math.max(end, b.endS());
    }
    if (!m.connected()) {
      for (double d : m.deadlines()) {
        end = Math.max(end, d);
      }
    }
    return end <= 0 ? 0.1 : end * (m.connected() ? 1.15 : 1.06);
  }

  /** The chart for a model. */
  public static JFreeChart chart(Model m, String verdict, Theme theme) {
    XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    Map<Outcome, XYIntervalSeries> byOutcome = new EnumMap<>(Outcome.class);
    for (Bar b : m.bars()) {
      XYIntervalSeries s = byOutcome.computeIfAbsent(b.outcome(), o -> new XYIntervalSeries(o.key()));
      // x is the row (the domain, drawn vertically in a horizontal plot), y the time span;
      // rows are 0.5 high so SYN ticks and labels stay readable between them
      s.add(b.row(), b.row() - 0.25, b.row() + 0.25, b.startS(), b.startS(), b.endS());
    }
    byOutcome.values().forEach(bars::addSeries);
    XYBarRenderer barRenderer = new XYBarRenderer();
    barRenderer.setUseYInterval(true);
    barRenderer.setShadowVisible(false);
    barRenderer.setDrawBarOutline(false);
    barRenderer.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    for (int i = 0; i < bars.getSeriesCount(); i++) {
      barRenderer.setSeriesPaint(i, COLOURS.get(Outcome.valueOf(bars.getSeriesKey(i).toString().toUpperCase(Locale.ROOT).replace('-', '_'))));
    }
    SymbolAxis rows = new SymbolAxis("address (in the order tried)", m.rows().toArray(new String[0]));
    rows.setInverted(true);
    rows.setGridBandsVisible(false);
    NumberAxis time = new NumberAxis(m.timeouts().isEmpty() ? "seconds from the start of the call"
        : "seconds from the start of the call (dashed: where an attempt would time out)");
    time.setRange(0, axisEnd(m));
    XYPlot plot = new XYPlot(bars, rows, time, barRenderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    // SYN ticks (dataset 1) over the bars (dataset 0)
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);

    XYSeries synSeries = new XYSeries("SYN", false, true);
    for (double[] s : m.syns()) {
      synSeries.add(s[0], s[1]);
    }
    XYShapeRenderer synRenderer = new XYShapeRenderer();
    synRenderer.setDefaultShape(new Rectangle2D.Double(-1.5, -9, 3, 18));
    synRenderer.setSeriesPaint(0, new Color(0x22, 0x22, 0x22));
    plot.setDataset(1, new XYSeriesCollection(synSeries));
    plot.setRenderer(1, synRenderer);

    JFreeChart chart = new JFreeChart(m.title(), theme.font(Font.BOLD, theme.titleSize()), plot, true);
    theme.apply(chart);
    // after the theme: it resets renderers' paints and annotation fonts
    for (int i = 0; i < bars.getSeriesCount(); i++) {
      barRenderer.setSeriesPaint(i, COLOURS.get(Outcome.valueOf(bars.getSeriesKey(i).toString().toUpperCase(Locale.ROOT).replace('-', '_'))));
    }
    synRenderer.setSeriesPaint(0, new Color(0x22, 0x22, 0x22));
    BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);
    double right = axisEnd(m);
    for (double[] t : m.timeouts()) {
      if (t[1] > right) {
        continue; // the attempt ended long before it could time out; off the chart
      }
      plot.addAnnotation(new XYLineAnnotation(t[0] - 0.42, t[1], t[0] + 0.42, t[1], dashed, new Color(0x55, 0x55, 0x55)));
    }
    boolean several = m.deadlines().size() > 1;
    for (int i = 0; i < m.deadlines().size(); i++) {
      double d = m.deadlines().get(i);
      if (d > right) {
        continue; // a deadline after the call connected never mattered
      }
      ValueMarker deadline = new ValueMarker(d, DEADLINE, new BasicStroke(2.5f));
      deadline.setLabel(String.format(Locale.ROOT, "%sdeadline %s s", several ? "try " + (i + 1) + " " : "", trim(d)));
      deadline.setLabelFont(theme.font(Font.BOLD, theme.tickSize()));
      deadline.setLabelPaint(DEADLINE);
      deadline.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      deadline.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
      plot.addRangeMarker(deadline, Layer.FOREGROUND);
    }
    for (int i = 0; i < m.retries().size(); i++) {
      // where each retry began: the call's own retry, after its backoff
      ValueMarker retry = new ValueMarker(m.retries().get(i), theme.neutral(), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
      retry.setLabel("try " + (i + 2) + " begins");
      retry.setLabelFont(theme.font(Font.PLAIN, theme.noteSize()));
      retry.setLabelPaint(theme.neutral());
      retry.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
      retry.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      plot.addRangeMarker(retry, Layer.FOREGROUND);
    }
    TextTitle sub = new TextTitle(verdict, theme.font(Font.PLAIN, theme.noteSize()));
    sub.setMaximumLinesToDisplay(3);
    chart.addSubtitle(sub);
    return chart;
  }

  private static String trim(double s) {
    return s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%.3f", s);
  }
}
