package org.dialsim.engine;

import java.math.BigDecimal;
import java.util.Locale;

/** Simulated time: exact integer nanoseconds, with saturating arithmetic and formatting. */
public final class Time {
  /** One nanosecond. */
  public static final long NS = 1L;
  /** One microsecond. */
  public static final long US = 1_000L;
  /** One millisecond. */
  public static final long MS = 1_000_000L;
  /** One second. */
  public static final long S = 1_000_000_000L;
  /** One minute. */
  public static final long M = 60 * S;
  /** One hour. */
  public static final long H = 60 * M;
  /** "No limit": later than any event. */
  public static final long NEVER = Long.MAX_VALUE;

  private Time() {}

  /** {@code a + b}, saturating at {@link #NEVER}; both must be non-negative. */
  public static long add(long a, long b) {
    long r = a + b;
    return r < 0 || a == NEVER || b == NEVER ? NEVER : r;
  }

  /** Nanoseconds as seconds, for reports. */
  public static double seconds(long ns) {
    return ns == NEVER ? Double.POSITIVE_INFINITY : ns / 1e9;
  }

  /**
   * Formats a duration the way scenarios write them: {@code 21s}, {@code 250ms}, {@code 1m30s},
   * {@code 1.5ms}, or {@code none} for {@link #NEVER}.
   */
  public static String format(long ns) {
    if (ns == NEVER) {
      return "none";
    }
    if (ns == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long rest = ns;
    if (rest >= H && rest % M == 0) {
      sb.append(rest / H).append('h');
      rest %= H;
    }
    if (rest >= M && rest % S == 0) {
      sb.append(rest / M).append('m');
      rest %= M;
    }
    if (rest == 0) {
      return sb.toString();
    }
    String unit;
    long scale;
    if (rest % S == 0 || rest >= S) {
      unit = "s";
      scale = S;
    } else if (rest % MS == 0 || rest >= MS) {
      unit = "ms";
      scale = MS;
    } else if (rest % US == 0 || rest >= US) {
      unit = "us";
      scale = US;
    } else {
      unit = "ns";
      scale = 1;
    }
    BigDecimal value = BigDecimal.valueOf(rest).divide(BigDecimal.valueOf(scale));
    sb.append(value.stripTrailingZeros().toPlainString()).append(unit);
    return sb.toString();
  }

  /** Seconds with millisecond precision for tables, e.g. {@code 21.020}. */
  public static String secondsText(long ns) {
    return String.format(Locale.ROOT, "%.3f", seconds(ns));
  }
}
