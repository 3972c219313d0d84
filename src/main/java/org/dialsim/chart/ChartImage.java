package org.dialsim.chart;

/**
 * One chart rendered both ways, ready to be written or embedded.
 *
 * @param name file name without extension, e.g. {@code first-call-failure} or
 *     {@code learning-curve-point-2}
 * @param family the chart's kind as SPEC 4 names it ({@code learning-curve}); the same as
 *     {@code name} but for the later sweep points of a per-point chart
 * @param point the sweep point a per-point chart shows ({@code deadline=20s}), or null for a
 *     chart of the whole run
 * @param caption one sentence saying what the chart shows (HTML caption and alt text)
 * @param png the PNG file's bytes
 * @param svg the SVG file's bytes (UTF-8)
 */
public record ChartImage(String name, String family, String point, String caption, byte[] png, byte[] svg) {
  /** The PNG file name. */
  public String pngFile() {
    return name + ".png";
  }

  /** The SVG file name. */
  public String svgFile() {
    return name + ".svg";
  }
}
