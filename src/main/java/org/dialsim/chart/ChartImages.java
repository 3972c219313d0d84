package org.dialsim.chart;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Draws a chart into PNG bytes (JFreeChart's encoder) and SVG bytes (Apache Batik). */
public final class ChartImages {
  static {
    Headless.ensure();
  }

  private static final String SVG_NS = "http://www.w3.org/2000/svg";

  private ChartImages() {}

  /** The chart as a PNG of the theme's size. */
  public static byte[] png(JFreeChart chart, Theme theme) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(out, chart, theme.width(), theme.height());
      return out.toByteArray();
    } catch (IOException e) {
      // only a ByteArrayOutputStream is written: this is an encoder failure, not I/O
      throw new UncheckedIOException("cannot encode PNG", e);
    }
  }

  /**
   * The chart as an SVG document of the theme's size, text kept as text (searchable, and small)
   * in UTF-8. Batik's SVGGraphics2D is Apache-2.0; JFreeSVG would be GPLv3.
   */
  public static byte[] svg(JFreeChart chart, Theme theme) {
    DOMImplementation dom = GenericDOMImplementation.getDOMImplementation();
    Document doc = dom.createDocument(SVG_NS, "svg", null);
    SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
    ctx.setComment("dialsim chart");
    ctx.setEmbeddedFontsOn(false);
    SVGGraphics2D g2 = new SVGGraphics2D(ctx, false);
    g2.setSVGCanvasSize(new Dimension(theme.width(), theme.height()));
    chart.draw(g2, new Rectangle2D.Double(0, 0, theme.width(), theme.height()));
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      // a viewBox lets the picture scale with its box (an HTML page, a slide) instead of cropping
      Element root = g2.getRoot();
      root.setAttributeNS(null, "viewBox", "0 0 " + theme.width() + " " + theme.height());
      try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
        g2.stream(root, w, true, false);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write SVG", e);
    } finally {
      g2.dispose();
    }
  }
}
