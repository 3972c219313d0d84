package org.dialsim.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * How every dialsim chart looks: fonts, colours and size, applied to each chart so that all of
 * them read alike.
 *
 * @param fontFamily a font family; the logical "SansSerif" exists on every Java installation
 * @param titleSize chart title, points
 * @param labelSize axis labels and subtitles, points
 * @param tickSize tick labels and legend, points
 * @param noteSize value labels and marker labels, points
 * @param palette series colours, one per configuration in scenario order
 * @param sequential colours from low to high for heat maps
 * @param background the whole picture
 * @param plotBackground the data area
 * @param grid grid lines
 * @param text titles and labels
 * @param neutral markers and whiskers that belong to no one configuration
 * @param width image width, pixels
 * @param height image height, pixels
 */
public record Theme(
    String fontFamily,
    int titleSize,
    int labelSize,
    int tickSize,
    int noteSize,
    List<Color> palette,
    List<Color> sequential,
    Color background,
    Color plotBackground,
    Color grid,
    Color text,
    Color neutral,
    int width,
    int height) {
  static {
    // before the first java.awt.Color below: Color's initialiser asks AWT whether it is headless,
    // and AWT decides that once
    Headless.ensure();
  }

  /**
   * Okabe and Ito's colour-blind-safe palette ("Color Universal Design", 2008), reordered so the
   * first colours are the most distinct from each other; its yellow is last because it is faint
   * on white.
   */
  public static final List<Color> OKABE_ITO = List.of(
      new Color(0x0072B2), // blue
      new Color(0xD55E00), // vermillion
      new Color(0x009E73), // bluish green
      new Color(0xCC79A7), // reddish purple
      new Color(0xE69F00), // orange
      new Color(0x56B4E9), // sky blue
      new Color(0x000000), // black
      new Color(0xF0E442)); // yellow

  /**
   * Viridis (matplotlib), reversed so that 0 % is pale and high failure is dark; it stays
   * ordered in lightness for every common colour-vision deficiency and in greyscale.
   */
  public static final List<Color> VIRIDIS_REVERSED = List.of(
      new Color(0xFDE725), new Color(0x90D743), new Color(0x35B779), new Color(0x21918C),
      new Color(0x31688E), new Color(0x443983), new Color(0x440154));

  /** The theme every report uses: 1000 x 600 pixels, SansSerif. */
  public static final Theme DEFAULT = new Theme("SansSerif", 20, 15, 13, 12, OKABE_ITO, VIRIDIS_REVERSED,
      Color.WHITE, Color.WHITE, new Color(0xDDDDDD), new Color(0x222222), new Color(0x555555), 1000, 600);

  /** Checks the values. */
  public Theme {
    Headless.ensure();
    palette = List.copyOf(palette);
    sequential = List.copyOf(sequential);
    if (palette.isEmpty() || sequential.size() < 2) {
      throw new IllegalArgumentException("a theme needs a palette and at least two sequential colours");
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("chart size must be positive");
    }
  }

  /** The font of this family in {@code style} ({@link Font#PLAIN}, {@link Font#BOLD}) and size. */
  public Font font(int style, int size) {
    return new Font(fontFamily, style, size);
  }

  /** The colour of series {@code i}; the palette repeats when there are more series. */
  public Color color(int i) {
    return palette.get(Math.floorMod(i, palette.size()));
  }

  /**
   * The line of series {@code i}: solid while colours are fresh, dashed once the palette has
   * repeated, so two series never look the same.
   */
  public Stroke stroke(int i) {
    float width = 2.5f;
    if (Math.floorMod(i, 2 * palette.size()) < palette.size()) {
      return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f);
  }

  /**
   * Applies fonts, colours and backgrounds to {@code chart}. Call it before setting series
   * colours or annotations: JFreeChart's theme mechanism resets annotation fonts.
   */
  public void apply(JFreeChart chart) {
    StandardChartTheme t = new StandardChartTheme("dialsim");
    t.setExtraLargeFont(font(Font.BOLD, titleSize));
    t.setLargeFont(font(Font.PLAIN, labelSize));
    t.setRegularFont(font(Font.PLAIN, tickSize));
    t.setSmallFont(font(Font.PLAIN, noteSize));
    t.setTitlePaint(text);
    t.setSubtitlePaint(text);
    t.setAxisLabelPaint(text);
    t.setTickLabelPaint(text);
    t.setItemLabelPaint(text);
    t.setLegendItemPaint(text);
    t.setChartBackgroundPaint(background);
    t.setLegendBackgroundPaint(background);
    t.setPlotBackgroundPaint(plotBackground);
    t.setPlotOutlinePaint(grid);
    t.setDomainGridlinePaint(grid);
    t.setRangeGridlinePaint(grid);
    t.setBaselinePaint(neutral);
    t.setErrorIndicatorPaint(neutral);
    t.setShadowVisible(false);
    t.setBarPainter(new StandardBarPainter());
    t.setXYBarPainter(new StandardXYBarPainter());
    t.setAxisOffset(RectangleInsets.ZERO_INSETS);
    t.setDrawingSupplier(new DefaultDrawingSupplier(
        palette.toArray(new Color[0]),
        palette.toArray(new Color[0]),
        DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    t.apply(chart);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    // room on the right for a tick label centred on the last tick (LogAxis puts one at the very end)
    chart.setPadding(new RectangleInsets(8, 8, 8, 28));
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
      legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
    }
    Plot plot = chart.getPlot();
    plot.setOutlineVisible(false);
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlineStroke(new BasicStroke(1f));
      xy.setRangeGridlineStroke(new BasicStroke(1f));
    } else if (plot instanceof CategoryPlot cat) {
      cat.setRangeGridlineStroke(new BasicStroke(1f));
    }
  }
}
