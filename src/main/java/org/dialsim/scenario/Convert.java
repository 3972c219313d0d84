package org.dialsim.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.model.Delay;
import org.dialsim.scenario.Node.Scalar;

/**
 * Converts YAML values to the typed values the model needs. Each method returns null after
 * recording a problem, so binding goes on and reports every mistake of a file at once.
 */
final class Convert {
  /** The keyword that means "no limit" where a key allows it. */
  static final String NONE = "none";

  private static final List<String> DELAY_KEYS = List.of("median", "p95");

  private Convert() {}

  /** {@code expected WHAT, got DESCRIPTION}. */
  static String expected(String what, Node got) {
    return "expected " + what + ", got " + got.describe();
  }

  /** True for the keyword {@code none}. */
  static boolean isNone(Node n) {
    return n instanceof Scalar s && NONE.equals(s.text());
  }

  /** The spellings of an enum's constants: lower case, '_' as '-' ({@code ROUND_ROBIN} is {@code round-robin}). */
  static <E extends Enum<E>> Map<String, E> spellings(Class<E> type) {
    Map<String, E> m = new LinkedHashMap<>();
    for (E e : type.getEnumConstants()) {
      m.put(spelling(e), e);
    }
    return Collections.unmodifiableMap(m);
  }

  /** One enum constant's scenario spelling. */
  static String spelling(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The text of a scalar. */
  static String text(Node n, String path, Problems p) {
    if (n == null) {
      return null; // already reported as missing
    }
    if (n instanceof Scalar s && !s.isNull()) {
      return s.text();
    }
    p.add(n, path, expected("a text value", n));
    return null;
  }

  /**
   * A duration in nanoseconds; {@code none} gives {@link Time#NEVER} where {@code noneAllowed}.
   * {@code positive} refuses 0s (a timeout of nothing).
   */
  static Long duration(Node n, String path, Problems p, boolean noneAllowed, boolean positive) {
    if (n == null) {
      return null; // already reported as missing
    }
    String also = noneAllowed ? " or none" : "";
    if (!(n instanceof Scalar s) || s.isNull()) {
      p.add(n, path, n instanceof Scalar ? "no value; write a duration such as 30s" + also
          : expected("a duration such as 30s" + also, n));
      return null;
    }
    if (NONE.equals(s.text())) {
      if (noneAllowed) {
        return Time.NEVER;
      }
      p.add(n, path, "\"none\" is not allowed here; write a duration such as 30s");
      return null;
    }
    try {
      long v = DurationText.parse(s.text());
      if (positive && v == 0) {
        p.add(n, path, Messages.quote(s.text()) + " is not allowed; write a duration above 0s" + also);
        return null;
      }
      return v;
    } catch (IllegalArgumentException e) {
      p.add(n, path, e.getMessage());
      return null;
    }
  }

  /** A whole number in [min, max]. */
  static Long whole(Node n, String path, Problems p, long min, long max) {
    return whole(n, path, p, min, max, "");
  }

  /** A whole number in [min, max]; {@code orElse} is added to the advice, e.g. " or none". */
  private static Long whole(Node n, String path, Problems p, long min, long max, String orElse) {
    if (n == null) {
      return null; // already reported as missing
    }
    if (!(n instanceof Scalar s) || s.isNull() || s.kind() == Scalar.Kind.BOOLEAN) {
      p.add(n, path, expected("a whole number", n));
      return null;
    }
    BigInteger v;
    try {
      v = new BigInteger(s.text().strip().replace("_", ""));
    } catch (NumberFormatException e) {
      p.add(n, path, Messages.quote(s.text()) + " is not a whole number; write digits only, e.g. " + Math.max(min, 1));
      return null;
    }
    String q = Messages.quote(s.text());
    if (v.compareTo(BigInteger.valueOf(min)) < 0) {
      p.add(n, path, q + " is not allowed; write a whole number of at least " + min + orElse);
      return null;
    }
    if (v.compareTo(BigInteger.valueOf(max)) > 0) {
      p.add(n, path, q + " is too many; at most " + max);
      return null;
    }
    return v.longValueExact();
  }

  /** A whole number in [min, max], or {@code none} (then {@code noneValue}). */
  static Long wholeOrNone(Node n, String path, Problems p, long min, long max, long noneValue) {
    if (n == null) {
      return null; // already reported as missing
    }
    if (isNone(n)) {
      return noneValue;
    }
    if (n instanceof Scalar s && !s.isNull() && !s.isNumber() && !s.text().strip().matches("[+-]?[\\d_]+")) {
      p.add(n, path, "unknown value " + Messages.quote(s.text()) + "; write a whole number or none");
      return null;
    }
    return whole(n, path, p, min, max, " or none");
  }

  /** A plain decimal number (not NaN or infinite). */
  static Double number(Node n, String path, Problems p) {
    if (n == null) {
      return null; // already reported as missing
    }
    if (!(n instanceof Scalar s) || s.isNull() || s.kind() == Scalar.Kind.BOOLEAN) {
      p.add(n, path, expected("a number", n));
      return null;
    }
    try {
      return new BigDecimal(s.text().strip().replace("_", "")).doubleValue();
    } catch (NumberFormatException e) {
      p.add(n, path, Messages.quote(s.text()) + " is not a number; write a decimal such as 0.01");
      return null;
    }
  }

  /** A probability in [0, 1]; a percentage gets the matching decimal suggested. */
  static Double probability(Node n, String path, Problems p) {
    if (n == null) {
      return null; // already reported as missing
    }
    if (n instanceof Scalar s && s.text().strip().endsWith("%")) {
      String digits = s.text().strip();
      digits = digits.substring(0, digits.length() - 1).strip();
      try {
        String decimal = new BigDecimal(digits).movePointLeft(2).stripTrailingZeros().toPlainString();
        p.add(n, path, Messages.quote(s.text()) + " is a percentage; write the probability " + decimal);
      } catch (NumberFormatException e) {
        p.add(n, path, Messages.quote(s.text()) + " is not a probability; write a number from 0 to 1, e.g. 0.01");
      }
      return null;
    }
    Double v = number(n, path, p);
    if (v != null && (v < 0 || v > 1)) {
      p.add(n, path, Messages.quote(((Scalar) n).text()) + " is not a probability; write a number from 0 to 1, e.g. 0.01");
      return null;
    }
    return v;
  }

  /** One of a closed set of keywords. */
  static <E> E choice(Node n, String path, Problems p, Map<String, E> choices) {
    if (n == null) {
      return null; // already reported as missing
    }
    if (!(n instanceof Scalar s) || s.isNull()) {
      p.add(n, path, expected("one of " + Messages.list(choices.keySet()), n));
      return null;
    }
    E e = choices.get(s.text());
    if (e == null) {
      p.add(n, path, "unknown value " + Messages.quote(s.text()) + "; " + Suggest.hint(s.text(), choices.keySet()));
    }
    return e;
  }

  /** An IPv4 or IPv6 address literal. */
  static Address address(Node n, String path, Problems p) {
    if (n == null) {
      return null; // already reported as missing
    }
    if (!(n instanceof Scalar s) || s.isNull()) {
      p.add(n, path, expected("an IP address such as 192.0.2.1", n));
      return null;
    }
    if (s.text().contains("/")) {
      p.add(n, path, Messages.quote(s.text()) + " is a prefix; write a single address here, e.g. 192.0.2.1");
      return null;
    }
    Address a = Address.parse(s.text()).orElse(null);
    if (a == null) {
      p.add(n, path, Messages.quote(s.text()) + " is not an IP address; write e.g. 192.0.2.1 or 2001:db8::1");
    }
    return a;
  }

  /**
   * A delay: fixed ({@code 20ms}) or lognormal ({@code { median: 20ms, p95: 60ms }}, with
   * median above 0 and p95 above the median).
   */
  static Delay delay(Node n, String path, Problems p) {
    if (n == null) {
      return null; // already reported as missing
    }
    if (n instanceof Node.Mapping) {
      Fields f = Fields.of(n, path, p, DELAY_KEYS, "{ median: 20ms, p95: 60ms }");
      Node medianNode = f.required("median", "20ms");
      Node p95Node = f.required("p95", "60ms");
      Long median = medianNode == null ? null : duration(medianNode, f.path("median"), p, false, true);
      Long p95 = p95Node == null ? null : duration(p95Node, f.path("p95"), p, false, true);
      if (median == null || p95 == null) {
        return null;
      }
      if (p95 <= median) {
        p.add(p95Node, f.path("p95"), Messages.quote(((Scalar) p95Node).text()) + " is not above the median "
            + Messages.quote(((Scalar) medianNode).text()) + "; a spread needs p95 > median (or write one fixed value)");
        return null;
      }
      return new Delay.LogNormal(median, p95);
    }
    if (n instanceof Scalar) {
      Long ns = duration(n, path, p, false, false);
      return ns == null ? null : new Delay.Fixed(ns);
    }
    p.add(n, path, expected("a duration such as 20ms or { median: 20ms, p95: 60ms }", n));
    return null;
  }

  /** The items of a list. */
  static List<Node> list(Node n, String path, Problems p, String example) {
    if (n == null) {
      return null; // already reported as missing
    }
    if (n instanceof Node.Sequence s) {
      return s.items();
    }
    p.add(n, path, expected("a list such as " + example, n));
    return null;
  }
}
