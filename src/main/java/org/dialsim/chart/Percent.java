package org.dialsim.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;

/** Rates on charts: fractions in [0, 1] drawn on an axis that reads in percent and starts at 0. */
public final class Percent {
  /** The smallest axis top: an all-zero chart still shows a 0-1 % scale rather than a flat line. */
  static final double MIN_UPPER = 0.01;

  /** Round axis tops, as fractions of one decade. */
  private static final double[] STEPS = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};

  private Percent() {}

  /** {@code v} clipped to [0, 1]; NaN stays NaN (no data). */
  public static double clip(double v) {
    return Double.isNaN(v) ? v : Math.min(1, Math.max(0, v));
  }

  /**
   * The top of a percent axis whose highest value is {@code max}: a round number at least
   * {@code max / fill}, so the highest whisker fills at most {@code fill} of the height and its
   * label fits above it, never above 100 %.
   */
  public static double upper(double max, double fill) {
    double need = Double.isNaN(max) ? 0 : max / fill;
    if (need <= MIN_UPPER) {
      return MIN_UPPER;
    }
    if (need >= 1) {
      return 1;
    }
    double decade = Math.pow(10, Math.floor(Math.log10(need)));
    for (double s : STEPS) {
      // the small tolerance keeps 0.3 from becoming 0.4 through 0.30000000000000004
      if (s * decade >= need * (1 - 1e-9)) {
        return Math.min(1, s * decade);
      }
    }
    return 1;
  }

  /** A value label: {@code 12.3 %}, {@code 0.42 %} below 1 %, {@code 0 %}, or {@code -} for NaN. */
  public static String label(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    double p = 100 * v;
    if (p == 0) {
      return "0 %";
    }
    return String.format(Locale.ROOT, p < 1 ? "%.2f %%" : "%.1f %%", p);
  }

  /** An axis from 0 to {@code upper} whose tick labels read {@code 0%}, {@code 12.5%} ... */
  public static NumberAxis axis(String label, double upper) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRange(false);
    axis.setRange(0, upper);
    axis.setNumberFormatOverride(tickFormat());
    // JFreeChart picks the densest ticks whose labels fit (every 5 %); ten at most read better
    axis.setTickUnit(new NumberTickUnit(tickUnit(upper), tickFormat()), false, true);
    return axis;
  }

  /** A round tick spacing giving at most ten intervals between 0 and {@code upper}. */
  public static double tickUnit(double upper) {
    double raw = upper / 10;
    double decade = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double s : new double[] {1, 2, 2.5, 5, 10}) {
      if (s * decade >= raw * (1 - 1e-9)) {
        return s * decade;
      }
    }
    return 10 * decade;
  }

  /** Tick labels in percent; the pattern's % multiplies by 100. */
  static DecimalFormat tickFormat() {
    return new DecimalFormat("0.##%", DecimalFormatSymbols.getInstance(Locale.ROOT));
  }
}
