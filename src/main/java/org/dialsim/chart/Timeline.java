package org.dialsim.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * timed out, and a vertical line at the deadline. Times are seconds from the call's start. For a
 * stack that queries HTTPS records (Happy Eyeballs v3) a row is an endpoint (transport, address,
 * port, ALPN), so QUIC and TCP attempts to one address are drawn apart: QUIC bars hatched, QUIC
 * Initials as diamonds beside TCP's SYN ticks, each with a legend entry.
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
   * @param byEndpoint true when rows are endpoints of a stack that queries HTTPS records, each
   *     labelled with its transport ({@code QUIC [2001:db8::1]:443 h3})
   * @param initials every QUIC Initial: row and time (empty unless {@code byEndpoint})
   */
  public record Model(String title, List<String> rows, List<Bar> bars, List<double[]> syns, List<double[]> timeouts,
      List<Double> deadlines, List<Double> retries, double endS, boolean connected, boolean byEndpoint,
      List<double[]> initials) {
    /** Copies the lists. */
    public Model {
      rows = List.copyOf(rows);
      bars = List.copyOf(bars);
      syns = List.copyOf(syns);
      timeouts = List.copyOf(timeouts);
      deadlines = List.copyOf(deadlines);
      retries = List.copyOf(retries);
      initials = List.copyOf(initials);
    }

    /** A model whose rows are addresses (a stack that does not query HTTPS records). */
    public Model(String title, List<String> rows, List<Bar> bars, List<double[]> syns, List<double[]> timeouts,
        List<Double> deadlines, List<Double> retries, double endS, boolean connected) {
      this(title, rows, bars, syns, timeouts, deadlines, retries, endS, connected, false, List.of());
    }
  }

  /**
   * One attempt.
   *
   * @param row its address's row
   * @param startS start, seconds from the call's start
   * @param endS end
   * @param outcome how it ended
   * @param quic true for a QUIC attempt
   */
  public record Bar(int row, double startS, double endS, Outcome outcome, boolean quic) {
    /** A TCP attempt. */
    public Bar(int row, double startS, double endS, Outcome outcome) {
      this(row, startS, endS, outcome, false);
    }
  }

  private static final Map<Outcome, Color> COLOURS = new EnumMap<>(Outcome.class);

  /** The deadline's colour: a limit, not an outcome. */
  private static final Color DEADLINE = new Color(0xC0, 0x00, 0x00);
  /** SYN ticks and QUIC Initial marks. */
  private static final Color TICK = new Color(0x22, 0x22, 0x22);
  /** The legend entry of the QUIC hatch: the pattern alone, in no outcome's colour. */
  private static final Color QUIC_LEGEND = new Color(0x55, 0x55, 0x55);
  /** A series key's suffix for QUIC attempts of one outcome (their legend entry is the hatch's). */
  private static final String QUIC_SERIES = " (QUIC)";
  /** The series of QUIC Initials, drawn as diamonds beside TCP's SYN ticks. */
  private static final String INITIAL_SERIES = "QUIC Initial";

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
   * The model of a traced call of a configuration: a row per address, or per endpoint for a
   * stack that queries HTTPS records, in the order tried.
   */
  public static Model model(String configuration, CallTrace trace) {
    return TimelineModel.model(configuration, trace);
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
    Map<Outcome, XYIntervalSeries> quicByOutcome = new EnumMap<>(Outcome.class);
    for (Bar b : m.bars()) {
      XYIntervalSeries s = b.quic() ? quicByOutcome.computeIfAbsent(b.outcome(), o -> new XYIntervalSeries(o.key() + QUIC_SERIES))
          : byOutcome.computeIfAbsent(b.outcome(), o -> new XYIntervalSeries(o.key()));
      // x is the row (the domain, drawn vertically in a horizontal plot), y the time span;
      // rows are 0.5 high so SYN ticks and labels stay readable between them
      s.add(b.row(), b.row() - 0.25, b.row() + 0.25, b.startS(), b.startS(), b.endS());
    }
    byOutcome.values().forEach(bars::addSeries);
    quicByOutcome.values().forEach(bars::addSeries);
    XYBarRenderer barRenderer = new XYBarRenderer();
    barRenderer.setUseYInterval(true);
    barRenderer.setShadowVisible(false);
    barRenderer.setDrawBarOutline(false);
    barRenderer.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    paintBars(barRenderer, bars);
    SymbolAxis rows = new SymbolAxis(m.byEndpoint() ? "endpoint (in the order tried)" : "address (in the order tried)",
        m.rows().toArray(new String[0]));
    rows.setInverted(true);
    rows.setGridBandsVisible(false);
    // a strip above the first row for the deadline labels, so that no attempt's bar, SYN or
    // timeout mark (which reaches 0.42 of a row from its row's centre) runs through one
    rows.setRange(-0.5 - labelStrip(m.rows().size()), m.rows().size() - 0.5);
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
    synRenderer.setSeriesPaint(0, TICK);
    XYSeriesCollection ticks = new XYSeriesCollection(synSeries);
    if (m.byEndpoint()) {
      if (m.syns().isEmpty()) {
        ticks.removeAllSeries(); // a call of QUIC attempts only: no "SYN" legend entry
      }
      if (!m.initials().isEmpty()) {
        XYSeries initialSeries = new XYSeries(INITIAL_SERIES, false, true);
        for (double[] s : m.initials()) {
          initialSeries.add(s[0], s[1]);
        }
        ticks.addSeries(initialSeries);
      }
    }
    plot.setDataset(1, ticks);
    plot.setRenderer(1, synRenderer);

    JFreeChart chart = new JFreeChart(m.title(), theme.font(Font.BOLD, theme.titleSize()), plot, true);
    theme.apply(chart);
    // after the theme: it resets renderers' paints and annotation fonts
    paintBars(barRenderer, bars);
    if (!quicByOutcome.isEmpty()) {
      barRenderer.setBarPainter(new HatchingPainter(byOutcome.size()));
    }
    for (int i = 0; i < ticks.getSeriesCount(); i++) {
      synRenderer.setSeriesPaint(i, TICK);
      if (ticks.getSeriesKey(i).equals(INITIAL_SERIES)) {
        synRenderer.setSeriesShape(i, diamond(8));
      }
    }
    if (!quicByOutcome.isEmpty()) {
      // one legend entry for the hatch instead of one per outcome of a QUIC attempt
      org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
      org.jfree.chart.LegendItemCollection all = plot.getLegendItems();
      for (int i = 0; i < all.getItemCount(); i++) {
        org.jfree.chart.LegendItem item = all.get(i);
        if (item.getLabel().equals(INITIAL_SERIES)) {
          // JFreeChart 1.5.5's AbstractXYItemRenderer.getLegendItem() looks the legend shape up
          // and then drops it (new LegendItem(label, paint)), so the diamond is set here
          item.setShape(diamond(10));
        }
        if (!item.getLabel().endsWith(QUIC_SERIES)) {
          items.add(item);
        } else if (!byOutcome.containsKey(outcomeOf(item.getLabel()))) {
          // an outcome only QUIC attempts had: its colour still needs a legend entry
          org.jfree.chart.LegendItem plain = new org.jfree.chart.LegendItem(outcomeOf(item.getLabel()).key(),
              item.getFillPaint());
          plain.setShape(item.getShape());
          plain.setLabelFont(item.getLabelFont());
          plain.setLabelPaint(item.getLabelPaint());
          items.add(plain);
        }
      }
      org.jfree.chart.LegendItem hatch = new org.jfree.chart.LegendItem("QUIC attempt (hatched)", null, null, null,
          hatchedSquare(12), QUIC_LEGEND);
      hatch.setLabelFont(theme.font(Font.PLAIN, theme.tickSize()));
      hatch.setLabelPaint(theme.text());
      items.add(hatch);
      plot.setFixedLegendItems(items);
    }
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

  /**
   * The height of the label strip in rows: a label is about a twentieth of the plot's height
   * high, and the plot spans the rows plus the strip, so the strip grows with the rows.
   */
  static double labelStrip(int rows) {
    return 0.1 + 0.06 * rows;
  }

  /** Bars in their outcome's colour, a QUIC attempt's too (its hatching is drawn over it). */
  private static void paintBars(XYBarRenderer renderer, XYIntervalSeriesCollection bars) {
    for (int i = 0; i < bars.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, COLOURS.get(outcomeOf(bars.getSeriesKey(i).toString())));
    }
  }

  /** The outcome a bar series stands for, by its key ({@code timeout}, {@code timeout (QUIC)}). */
  private static Outcome outcomeOf(String key) {
    String outcome = key.endsWith(QUIC_SERIES) ? key.substring(0, key.length() - QUIC_SERIES.length()) : key;
    return Outcome.valueOf(outcome.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /**
   * Paints bars as the standard painter does, then white diagonal stripes over those of the QUIC
   * series (from {@code firstQuic} on), so transport and outcome read apart, in greyscale too.
   * The stripes are lines, not an image pattern, so the SVG keeps them as vectors.
   */
  private static final class HatchingPainter extends org.jfree.chart.renderer.xy.StandardXYBarPainter {
    private static final long serialVersionUID = 1L;
    private final int firstQuic;

    HatchingPainter(int firstQuic) {
      this.firstQuic = firstQuic;
    }

    @Override
    public void paintBar(java.awt.Graphics2D g2, XYBarRenderer renderer, int row, int column,
        java.awt.geom.RectangularShape bar, org.jfree.chart.ui.RectangleEdge base) {
      super.paintBar(g2, renderer, row, column, bar, base);
      if (row < firstQuic) {
        return;
      }
      java.awt.Shape clip = g2.getClip();
      java.awt.Stroke stroke = g2.getStroke();
      java.awt.Paint paint = g2.getPaint();
      g2.clip(bar);
      g2.setPaint(Color.WHITE);
      g2.setStroke(new BasicStroke(2.5f));
      double h = bar.getHeight();
      for (double x = bar.getMinX() - h; x < bar.getMaxX(); x += 8) {
        g2.draw(new java.awt.geom.Line2D.Double(x, bar.getMaxY(), x + h, bar.getMinY()));
      }
      g2.setClip(clip);
      g2.setStroke(stroke);
      g2.setPaint(paint);
    }
  }

  /** A square {@code size} pixels across of diagonal stripes: the legend's picture of the hatching. */
  private static java.awt.Shape hatchedSquare(double size) {
    java.awt.geom.Area stripes = new java.awt.geom.Area();
    double h = size / 2;
    for (double x = -size - h; x < h; x += 4) {
      java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
      p.moveTo(x, h);
      p.lineTo(x + 2, h);
      p.lineTo(x + 2 + size, -h);
      p.lineTo(x + size, -h);
      p.closePath();
      stripes.add(new java.awt.geom.Area(p));
    }
    stripes.intersect(new java.awt.geom.Area(new Rectangle2D.Double(-h, -h, size, size)));
    return stripes;
  }

  /** A diamond {@code size} pixels across, centred on its point: a QUIC Initial's mark. */
  private static java.awt.Shape diamond(double size) {
    java.awt.geom.Path2D.Double d = new java.awt.geom.Path2D.Double();
    double h = size / 2;
    d.moveTo(0, -h);
    d.lineTo(h, 0);
    d.lineTo(0, h);
    d.lineTo(-h, 0);
    d.closePath();
    return d;
  }

  private static String trim(double s) {
    return s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%.3f", s);
  }
}
