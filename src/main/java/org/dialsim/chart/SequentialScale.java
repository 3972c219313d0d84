package org.dialsim.chart;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import java.util.List;
import org.jfree.chart.renderer.PaintScale;

/** A paint scale that blends a theme's sequential colours linearly from lower to upper bound. */
final class SequentialScale implements PaintScale, Serializable {
  private static final long serialVersionUID = 1L;

  /** Cells without data: light grey, outside the scale's colours. */
  static final Color MISSING = new Color(0xEEEEEE);

  private final double lower;
  private final double upper;
  private final Color[] colours;

  SequentialScale(double lower, double upper, List<Color> colours) {
    if (!(upper > lower)) {
      throw new IllegalArgumentException("upper must be above lower");
    }
    this.lower = lower;
    this.upper = upper;
    this.colours = colours.toArray(new Color[0]);
  }

  @Override
  public double getLowerBound() {
    return lower;
  }

  @Override
  public double getUpperBound() {
    return upper;
  }

  @Override
  public Paint getPaint(double value) {
    return colour(value);
  }

  /** The colour of {@code value}; values outside the bounds take the end colours. */
  Color colour(double value) {
    if (Double.isNaN(value)) {
      return MISSING;
    }
    double t = Math.min(1, Math.max(0, (value - lower) / (upper - lower)));
    double at = t * (colours.length - 1);
    int i = Math.min(colours.length - 2, (int) Math.floor(at));
    double f = at - i;
    Color a = colours[i];
    Color b = colours[i + 1];
    return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }

  /**
   * True when white text reads better than dark text on {@code c}: the higher WCAG 2 contrast
   * ratio wins ({@code dark} is the theme's text colour).
   */
  static boolean whiteOn(Color c, Color dark) {
    double l = luminance(c);
    double withWhite = 1.05 / (l + 0.05);
    double withDark = (l + 0.05) / (luminance(dark) + 0.05);
    return withWhite > withDark;
  }

  /** WCAG 2 relative luminance of an sRGB colour. */
  static double luminance(Color c) {
    return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
  }

  private static double linear(int channel) {
    double v = channel / 255.0;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }
}
