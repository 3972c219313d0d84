package org.dialsim.scenario;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialsim.engine.Time;

/**
 * Durations as scenarios write them, the Go and Prometheus way: a number and a unit, several
 * parts from the largest unit to the smallest ({@code 250ms}, {@code 21s}, {@code 1m30s},
 * {@code 1.5s}). Units: {@code h}, {@code m}, {@code s}, {@code ms}, {@code us} (or {@code µs}),
 * {@code ns}. Converted exactly to integer nanoseconds with {@link BigDecimal}; a bare number is
 * refused because {@code 30} could mean seconds or milliseconds.
 */
public final class DurationText {
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)(\\p{L}+)");
  private static final String UNITS = "h, m, s, ms, us or ns";

  /** Unit to nanoseconds. */
  private static final Map<String, Long> SCALE = Map.of(
      "h", Time.H, "m", Time.M, "s", Time.S, "ms", Time.MS,
      "us", Time.US, "\u00b5s", Time.US, "\u03bcs", Time.US, "ns", Time.NS);

  /** Larger units come first: a lower rank must precede a higher one. */
  private static final Map<String, Integer> RANK = Map.of(
      "h", 0, "m", 1, "s", 2, "ms", 3, "us", 4, "\u00b5s", 4, "\u03bcs", 4, "ns", 5);

  private DurationText() {}

  /** Every unit a duration may use, longest first (so a pattern tries {@code ms} before {@code m}). */
  public static java.util.List<String> units() {
    return SCALE.keySet().stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()
        .thenComparing(java.util.Comparator.naturalOrder())).toList();
  }

  /**
   * Parses a duration to nanoseconds. Throws {@link IllegalArgumentException} whose message says
   * what is wrong and how to fix it, e.g. {@code "30" has no unit; write 30s}.
   */
  public static long parse(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("no duration given; write one such as 30s");
    }
    if (NUMBER.matcher(s).matches()) {
      if (s.startsWith("-")) {
        throw new IllegalArgumentException(Messages.quote(s) + " is negative; durations are 0s or more");
      }
      // suggest the number with a unit only where that suggestion is itself a valid duration
      // ("1e3" + "s" or "1." + "s" would be refused in turn)
      String fix = s + "s";
      boolean valid = PART.matcher(fix).matches();
      throw new IllegalArgumentException(Messages.quote(s) + " has no unit; "
          + (valid ? "write " + fix : "add a unit, e.g. 30s"));
    }
    if (s.startsWith("-")) {
      throw new IllegalArgumentException(Messages.quote(s) + " is negative; durations are 0s or more");
    }
    Matcher m = PART.matcher(s);
    BigDecimal total = BigDecimal.ZERO;
    int at = 0;
    int lastRank = -1;
    while (at < s.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException(
            Messages.quote(s) + " is not a duration; write a number and a unit, e.g. 250ms, 21s or 1m30s");
      }
      String unit = m.group(2);
      Long scale = SCALE.get(unit);
      if (scale == null) {
        throw new IllegalArgumentException(
            Messages.quote(s) + " has the unknown unit " + Messages.quote(unit) + "; use " + UNITS);
      }
      int rank = RANK.get(unit);
      if (rank <= lastRank) {
        throw new IllegalArgumentException(
            Messages.quote(s) + " repeats a unit or puts a smaller one first; write units from largest to smallest, e.g. 1m30s");
      }
      lastRank = rank;
      total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(scale)));
      at = m.end();
    }
    if (total.signum() != 0 && total.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          Messages.quote(s) + " is not a whole number of nanoseconds; simulated time counts in 1ns steps");
    }
    // Time.NEVER (Long.MAX_VALUE) means "no limit"; a real duration must stay below it
    if (total.compareTo(BigDecimal.valueOf(Time.NEVER)) >= 0) {
      throw new IllegalArgumentException(Messages.quote(s) + " is too long; write none for no limit");
    }
    return total.longValueExact();
  }

  /** The canonical text of a duration: {@code 21s}, {@code 1m30s}, {@code none} for no limit. */
  public static String format(long ns) {
    return Time.format(ns);
  }
}
