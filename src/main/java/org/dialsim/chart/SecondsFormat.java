package org.dialsim.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick labels for an axis in seconds, in the unit a reader expects at that scale: {@code 50 ms},
 * {@code 1 s}, {@code 21 s}, {@code 2 min}. Formatting only.
 */
final class SecondsFormat extends NumberFormat {
  private static final long serialVersionUID = 1L;

  @Override
  public StringBuffer format(double seconds, StringBuffer out, FieldPosition pos) {
    return out.append(text(seconds));
  }

  @Override
  public StringBuffer format(long seconds, StringBuffer out, FieldPosition pos) {
    return out.append(text(seconds));
  }

  @Override
  public Number parse(String source, ParsePosition pos) {
    // axes only format; JFreeChart never parses tick labels
    return null;
  }

  /** One duration in seconds as label text. */
  static String text(double seconds) {
    if (Double.isNaN(seconds)) {
      return "-";
    }
    double a = Math.abs(seconds);
    if (a == 0) {
      return "0 s";
    }
    if (a >= 120 && a % 60 == 0) {
      return trim(seconds / 60) + " min";
    }
    if (a >= 1) {
      return trim(seconds) + " s";
    }
    if (a >= 1e-3) {
      return trim(seconds * 1e3) + " ms";
    }
    if (a >= 1e-6) {
      return trim(seconds * 1e6) + " \u00b5s";
    }
    return trim(seconds * 1e9) + " ns";
  }

  /** At most three significant digits, no trailing zeros. */
  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.3g", v);
    if (s.contains("e") || s.contains("E")) {
      s = String.format(Locale.ROOT, "%.0f", v);
    }
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecondsFormat;
  }

  @Override
  public int hashCode() {
    return SecondsFormat.class.hashCode();
  }
}
