package org.dialsim.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.category.CategoryDataset;

/**
 * Bars with asymmetric interval whiskers and a value label. JFreeChart's statistical renderers
 * draw mean plus or minus one symmetric deviation; a Wilson interval near 0 % is far from
 * symmetric, so the whisker ends come from the model instead.
 */
final class WhiskerBarRenderer extends BarRenderer {
  private static final long serialVersionUID = 1L;

  /** The length of a 0 % bar, pixels: enough to show its colour, too little to read as a value. */
  static final double MIN_BAR_PIXELS = 5;

  private final transient FailureBars.Model model;
  private final transient Theme theme;

  WhiskerBarRenderer(FailureBars.Model model, Theme theme) {
    this.model = model;
    this.theme = theme;
  }

  /** Colours, bar widths and outlines; after {@link Theme#apply}, which resets some of them. */
  void style(Theme t) {
    setDrawBarOutline(false);
    setShadowVisible(false);
    setItemMargin(0.06);
    // bars shorter than a 0 % bar's stub are drawn as long as it (see zeroStub)
    setMinimumBarLength(MIN_BAR_PIXELS);
    // one bar per configuration would otherwise fill the whole width
    setMaximumBarWidth(model.grouped() ? 0.08 : 0.12);
    for (int i = 0; i < model.series().size(); i++) {
      setSeriesPaint(i, t.color(model.grouped() ? i : 0));
    }
  }

  /** A bar's colour is its configuration's, whether configurations are series or categories. */
  @Override
  public Paint getItemPaint(int row, int column) {
    return theme.color(model.grouped() ? row : column);
  }

  /** Pass 0 draws every bar, pass 1 every whisker and label, so no bar hides a neighbour's label. */
  @Override
  public int getPassCount() {
    return 2;
  }

  @Override
  public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
      CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
    if (pass == 0) {
      Number v = dataset.getValue(row, column);
      if (v != null && v.doubleValue() == 0 && state.getVisibleSeriesIndex(row) >= 0) {
        // JFreeChart draws nothing for a zero-length bar, whatever its minimum bar length
        zeroStub(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column);
        return;
      }
      super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
      return;
    }
    int visibleRow = state.getVisibleSeriesIndex(row);
    if (visibleRow < 0) {
      return;
    }
    FailureBars.Bar bar = model.bar((String) dataset.getRowKey(row), (String) dataset.getColumnKey(column));
    if (bar == null) {
      return;
    }
    double barWidth = state.getBarWidth();
    boolean vertical = plot.getOrientation() == PlotOrientation.VERTICAL;
    // c runs along the categories, v along the values; vertical bars: c = x, v = y
    double c = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column)
        + barWidth / 2;
    RectangleEdge edge = plot.getRangeAxisEdge();
    double vLow = rangeAxis.valueToJava2D(bar.low(), dataArea, edge);
    double vHigh = rangeAxis.valueToJava2D(bar.high(), dataArea, edge);
    double cap = Math.min(18, Math.max(6, barWidth * 0.45));
    Path2D.Double whisker = new Path2D.Double();
    line(whisker, vertical, c, vLow, c, vHigh);
    line(whisker, vertical, c - cap / 2, vLow, c + cap / 2, vLow);
    line(whisker, vertical, c - cap / 2, vHigh, c + cap / 2, vHigh);
    // an interval shorter than a 0 % bar's stub says nothing and would hide the stub's colour
    if (Math.abs(vHigh - vLow) > MIN_BAR_PIXELS + 2) {
      // a white halo under a dark line: visible on the bar's colour and on the white background
      g2.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g2.setPaint(Color.WHITE);
      g2.draw(whisker);
      g2.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g2.setPaint(theme.text());
      g2.draw(whisker);
    }
    String text = Percent.label(bar.value());
    Font font = theme.font(Font.PLAIN, theme.noteSize());
    g2.setFont(font);
    FontMetrics fm = g2.getFontMetrics(font);
    if (vertical) {
      double room = model.grouped() ? barWidth + 4 : categoryWidth(dataArea, plot, domainAxis, dataset, column);
      labelAbove(g2, fm, text, dataArea, c, vLow, vHigh, room);
    } else {
      labelRight(g2, fm, text, dataArea, c, vLow, vHigh);
    }
  }

  /**
   * A 0 % bar: a stub of {@link #MIN_BAR_PIXELS} in the configuration's colour on the zero line,
   * registered as the item's entity so that it can be found as the bar.
   */
  private void zeroStub(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
      CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column) {
    PlotOrientation o = plot.getOrientation();
    double w0 = calculateBarW0(plot, o, dataArea, domainAxis, state, state.getVisibleSeriesIndex(row), column);
    double base = rangeAxis.valueToJava2D(0, dataArea, plot.getRangeAxisEdge());
    Rectangle2D stub = o == PlotOrientation.VERTICAL
        ? new Rectangle2D.Double(w0, base - MIN_BAR_PIXELS, state.getBarWidth(), MIN_BAR_PIXELS)
        : new Rectangle2D.Double(base, w0, MIN_BAR_PIXELS, state.getBarWidth());
    g2.setPaint(getItemPaint(row, column));
    g2.fill(stub);
    org.jfree.chart.entity.EntityCollection entities = state.getEntityCollection();
    if (entities != null) {
      addItemEntity(entities, dataset, row, column, stub);
    }
  }

  private static void line(Path2D.Double p, boolean vertical, double c0, double v0, double c1, double v1) {
    if (vertical) {
      p.moveTo(c0, v0);
      p.lineTo(c1, v1);
    } else {
      p.moveTo(v0, c0);
      p.lineTo(v1, c1);
    }
  }

  private static double categoryWidth(Rectangle2D dataArea, CategoryPlot plot, CategoryAxis axis,
      CategoryDataset dataset, int column) {
    int n = dataset.getColumnCount();
    RectangleEdge e = plot.getDomainAxisEdge();
    return axis.getCategoryEnd(column, n, dataArea, e) - axis.getCategoryStart(column, n, dataArea, e);
  }

  /** Vertical bars: above the whisker, upright if the bar is narrow, inside the bar if no room is left. */
  private void labelAbove(Graphics2D g2, FontMetrics fm, String text, Rectangle2D dataArea, double x, double yLow,
      double yHigh, double room) {
    double w = fm.stringWidth(text);
    double h = fm.getAscent();
    double above = yHigh - dataArea.getMinY() - 6;
    g2.setPaint(theme.text());
    if (w <= room && h <= above) {
      TextUtils.drawAlignedString(text, g2, (float) x, (float) (yHigh - 5), TextAnchor.BOTTOM_CENTER);
    } else if (h <= room && w <= above) {
      // narrow bars in a big sweep: the label stands upright above the whisker
      TextUtils.drawRotatedString(text, g2, (float) x, (float) (yHigh - 5), TextAnchor.CENTER_LEFT, -Math.PI / 2,
          TextAnchor.CENTER_LEFT);
    } else if (w > room && h <= room) {
      // the whisker reaches the top of a narrow bar: upright under the lower cap, on a white
      // patch; level, "100.0 %" ran into its neighbour's label (node-abort-high-rtt at 510 ms)
      patch(g2, x - fm.getHeight() / 2.0 - 1, yLow + 4, fm.getHeight() + 2, w + 4);
      TextUtils.drawRotatedString(text, g2, (float) x, (float) (yLow + 6 + w), TextAnchor.CENTER_LEFT, -Math.PI / 2,
          TextAnchor.CENTER_LEFT);
    } else {
      // the whisker reaches the top: under the lower cap, on a white patch that reads on any bar
      float ty = (float) (yLow + 5);
      patch(g2, x - w / 2 - 3, ty - 1, w + 6, fm.getHeight() + 2);
      TextUtils.drawAlignedString(text, g2, (float) x, ty, TextAnchor.TOP_CENTER);
    }
  }

  /** Horizontal bars: right of the whisker, or inside the bar left of it when it reaches the end. */
  private void labelRight(Graphics2D g2, FontMetrics fm, String text, Rectangle2D dataArea, double y, double xLow,
      double xHigh) {
    double w = fm.stringWidth(text);
    g2.setPaint(theme.text());
    if (xHigh + 6 + w <= dataArea.getMaxX()) {
      TextUtils.drawAlignedString(text, g2, (float) (xHigh + 6), (float) y, TextAnchor.CENTER_LEFT);
    } else {
      float tx = (float) (xLow - 6);
      patch(g2, tx - w - 3, y - fm.getHeight() / 2.0 - 1, w + 6, fm.getHeight() + 2);
      TextUtils.drawAlignedString(text, g2, tx, (float) y, TextAnchor.CENTER_RIGHT);
    }
  }

  private void patch(Graphics2D g2, double x, double y, double w, double h) {
    g2.setPaint(new Color(255, 255, 255, 225));
    g2.fill(new Rectangle2D.Double(x, y, w, h));
    g2.setPaint(theme.text());
  }
}
