package org.dialsim.chart;

/**
 * One chart rendered both ways, ready to be written or embedded.
 *
 * @param name file name without extension, e.g. {@code first-call-failure}
 * @param caption one sentence saying what the chart shows (HTML caption and alt text)
 * @param png the PNG file's bytes
 * @param svg the SVG file's bytes (UTF-8)
 */
public record ChartImage(String name, String caption, byte[] png, byte[] svg) {
  /** The PNG file name. */
  public String pngFile() {
    return name + ".png";
  }

  /** The SVG file name. */
  public String svgFile() {
    return name + ".svg";
  }
}
