package org.dialsim.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as check prints them: locale-free, short, and the same on every machine. */
public final class NumberText {
  private static final MathContext SIX = new MathContext(6);

  private NumberText() {}

  /**
   * Six significant digits without trailing zeros ({@code 0.01}, {@code 21.0638}, {@code 800});
   * "n/a" for NaN. BigDecimal rather than String.format so that no locale or exponent creeps in.
   */
  public static String of(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return "0"; // also -0.0
    }
    return new BigDecimal(v).round(SIX).stripTrailingZeros().toPlainString();
  }

  /** A signed difference: {@code +0.0125}, {@code -3}, {@code 0}. */
  public static String signed(double v) {
    String s = of(v);
    return v > 0 ? "+" + s : s;
  }

  /** A p-value: three significant digits, scientific below 0.001 ({@code 1.23e-08}). */
  public static String p(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    return p >= 0.001 || p == 0 ? of(new BigDecimal(p).round(new MathContext(3)).doubleValue())
        : String.format(Locale.ROOT, "%.2e", p);
  }
}
