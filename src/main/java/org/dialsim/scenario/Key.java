package org.dialsim.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.model.Delay;
import org.dialsim.scenario.Node.Scalar;

/**
 * One key of a file being bound: its value as written (null when absent), its path for
 * messages ({@code configurations[0].stack.deadline}) and where problems go. Each typed read
 * returns null after recording a problem at the key's position, so binding goes on and reports
 * every mistake of a file at once; an absent key returns null without a problem (its section
 * already reported it as missing, or it is optional).
 */
final class Key {
  private final Node node;
  private final String path;
  private final Problems problems;
  /** Where a problem goes when the value has no place in the user's file (absent, or a default). */
  private final Pos near;

  /** The key at {@code path} whose value is {@code node} (null: absent), at the top of a file. */
  Key(Node node, String path, Problems problems) {
    this(node, path, problems, null);
  }

  /** The key at {@code path}; {@code near} is the nearest place the user wrote (null: the file's start). */
  Key(Node node, String path, Problems problems, Pos near) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    this.near = node != null && problems.isUsers(node.pos()) ? node.pos() : near;
  }

  /** The value's place in the user's file, or the nearest place the user wrote, or null. */
  Pos near() {
    return near;
  }

  /** The value as written, or null. */
  Node node() {
    return node;
  }

  /** The key path, for messages. */
  String path() {
    return path;
  }

  /** Where problems go. */
  Problems problems() {
    return problems;
  }

  /** True when a value is present. */
  boolean present() {
    return node != null;
  }

  /** True when the value is in the user's file, not filled in from defaults.yaml or a profile. */
  boolean byUser() {
    return node != null && problems.isUsers(node.pos());
  }

  /** True for the keyword {@code none}. */
  boolean isNone() {
    return Convert.isNone(node);
  }

  /** The item or entry at {@code childPath} of this value. */
  Key child(Node value, String childPath) {
    return new Key(value, childPath, problems, near);
  }

  /** Records a problem at this key's value (or, for a default, the nearest place written). */
  void problem(String message) {
    problems.add(near, path, message);
  }

  /** Records a problem at {@code pos} under this key's path. */
  void problem(Pos pos, String message) {
    problems.add(pos, path, message);
  }

  /** The value's text as written (only for a scalar). */
  String written() {
    return ((Scalar) node).text();
  }

  /** The text of a scalar. */
  String text() {
    if (node == null) {
      return null;
    }
    if (node instanceof Scalar s && !s.isNull()) {
      return s.text();
    }
    problem(Convert.expected("a text value", node));
    return null;
  }

  /** A duration in nanoseconds, within {@code span}; {@code none} is {@link Time#NEVER}. */
  Long duration(Span span) {
    if (node == null) {
      return null;
    }
    String also = span.noneAllowed() ? " or none" : "";
    if (!(node instanceof Scalar s) || s.isNull()) {
      problem(node instanceof Scalar ? "no value; write a duration such as 30s" + also
          : Convert.expected("a duration such as 30s" + also, node));
      return null;
    }
    if (Convert.NONE.equals(s.text())) {
      if (span.noneAllowed()) {
        return Time.NEVER;
      }
      problem("\"none\" is not allowed here; write a duration such as 30s");
      return null;
    }
    try {
      long v = DurationText.parse(s.text());
      if (span.positive() && v == 0) {
        problem(Messages.quote(s.text()) + " is not allowed; write a duration above 0s" + also);
        return null;
      }
      return v;
    } catch (IllegalArgumentException e) {
      problem(e.getMessage());
      return null;
    }
  }

  /** A whole number in [min, max]. */
  Long whole(long min, long max) {
    return whole(min, max, "");
  }

  /** A whole number in [min, max], or {@code none} (then {@code noneValue}). */
  Long wholeOrNone(long min, long max, long noneValue) {
    if (node == null) {
      return null;
    }
    if (isNone()) {
      return noneValue;
    }
    if (node instanceof Scalar s && !s.isNull() && !s.isNumber() && !s.text().strip().matches("[+-]?[\\d_]+")) {
      problem("unknown value " + Messages.quote(s.text()) + "; write a whole number or none");
      return null;
    }
    return whole(min, max, " or none");
  }

  /** A whole number in [min, max]; {@code orElse} is added to the advice, e.g. " or none". */
  private Long whole(long min, long max, String orElse) {
    if (node == null) {
      return null;
    }
    if (!(node instanceof Scalar s) || s.isNull() || s.kind() == Scalar.Kind.BOOLEAN) {
      problem(Convert.expected("a whole number", node));
      return null;
    }
    BigInteger v;
    try {
      v = new BigInteger(s.text().strip().replace("_", ""));
    } catch (NumberFormatException e) {
      problem(Messages.quote(s.text()) + " is not a whole number; write digits only, e.g. " + Math.max(min, 1));
      return null;
    }
    String q = Messages.quote(s.text());
    if (v.compareTo(BigInteger.valueOf(min)) < 0) {
      problem(q + " is not allowed; write a whole number of at least " + min + orElse);
      return null;
    }
    if (v.compareTo(BigInteger.valueOf(max)) > 0) {
      problem(q + " is too many; at most " + max);
      return null;
    }
    return v.longValueExact();
  }

  /** {@code true} or {@code false} (YAML 1.1's yes/no and on/off too, as the reader types them). */
  Boolean bool() {
    if (node == null) {
      return null;
    }
    if (node instanceof Scalar s && s.kind() == Scalar.Kind.BOOLEAN) {
      String t = s.text().toLowerCase(java.util.Locale.ROOT);
      return t.equals("true") || t.equals("yes") || t.equals("on");
    }
    problem(Convert.expected("true or false", node));
    return null;
  }

  /** A plain decimal number (not NaN or infinite). */
  Double number() {
    if (node == null) {
      return null;
    }
    if (!(node instanceof Scalar s) || s.isNull() || s.kind() == Scalar.Kind.BOOLEAN) {
      problem(Convert.expected("a number", node));
      return null;
    }
    try {
      return new BigDecimal(s.text().strip().replace("_", "")).doubleValue();
    } catch (NumberFormatException e) {
      problem(Messages.quote(s.text()) + " is not a number; write a decimal such as 0.01");
      return null;
    }
  }

  /** A probability in [0, 1]; a percentage gets the matching decimal suggested. */
  Double probability() {
    if (node == null) {
      return null;
    }
    if (node instanceof Scalar s && s.text().strip().endsWith("%")) {
      String digits = s.text().strip();
      digits = digits.substring(0, digits.length() - 1).strip();
      try {
        String decimal = new BigDecimal(digits).movePointLeft(2).stripTrailingZeros().toPlainString();
        problem(Messages.quote(s.text()) + " is a percentage; write the probability " + decimal);
      } catch (NumberFormatException e) {
        problem(Messages.quote(s.text()) + " is not a probability; write a number from 0 to 1, e.g. 0.01");
      }
      return null;
    }
    Double v = number();
    if (v != null && (v < 0 || v > 1)) {
      problem(Messages.quote(written()) + " is not a probability; write a number from 0 to 1, e.g. 0.01");
      return null;
    }
    return v;
  }

  /** One of a closed set of keywords. */
  <E> E choice(Map<String, E> choices) {
    if (node == null) {
      return null;
    }
    if (!(node instanceof Scalar s) || s.isNull()) {
      problem(Convert.expected("one of " + Messages.list(choices.keySet()), node));
      return null;
    }
    E e = choices.get(s.text());
    if (e == null) {
      problem("unknown value " + Messages.quote(s.text()) + "; " + Suggest.hint(s.text(), choices.keySet()));
    }
    return e;
  }

  /** An IPv4 or IPv6 address literal. */
  Address address() {
    if (node == null) {
      return null;
    }
    if (!(node instanceof Scalar s) || s.isNull()) {
      problem(Convert.expected("an IP address such as 192.0.2.1", node));
      return null;
    }
    if (s.text().contains("/")) {
      problem(Messages.quote(s.text()) + " is a prefix; write a single address here, e.g. 192.0.2.1");
      return null;
    }
    Address a = Address.parse(s.text()).orElse(null);
    if (a == null) {
      problem(Messages.quote(s.text()) + " is not an IP address; write e.g. 192.0.2.1 or 2001:db8::1");
    }
    return a;
  }

  /**
   * A delay: fixed ({@code 20ms}) or lognormal ({@code { median: 20ms, p95: 60ms }}, with
   * median above 0 and p95 above the median).
   */
  Delay delay() {
    if (node == null) {
      return null;
    }
    if (node instanceof Node.Mapping) {
      Section f = Section.of(this, List.of("median", "p95"), "{ median: 20ms, p95: 60ms }");
      Key median = f.required("median", "20ms");
      Key p95 = f.required("p95", "60ms");
      Long medianNs = median.duration(Span.POSITIVE);
      Long p95Ns = p95.duration(Span.POSITIVE);
      if (medianNs == null || p95Ns == null) {
        return null;
      }
      if (p95Ns <= medianNs) {
        p95.problem(Messages.quote(p95.written()) + " is not above the median " + Messages.quote(median.written())
            + "; a spread needs p95 > median (or write one fixed value)");
        return null;
      }
      return new Delay.LogNormal(medianNs, p95Ns);
    }
    if (node instanceof Scalar) {
      Long ns = duration(Span.AT_LEAST_ZERO);
      return ns == null ? null : new Delay.Fixed(ns);
    }
    problem(Convert.expected("a duration such as 20ms or { median: 20ms, p95: 60ms }", node));
    return null;
  }

  /**
   * The entries of a map that must hold at least one; null after a problem.
   *
   * @param what what the map holds, with an example: "a map of host names such as { ... }"
   * @param emptyAdvice what to write when it is empty
   */
  List<Node.Entry> entries(String what, String emptyAdvice) {
    if (node == null) {
      return null;
    }
    if (!(node instanceof Node.Mapping m)) {
      problem(Convert.expected(what, node));
      return null;
    }
    if (m.entries().isEmpty()) {
      problem("empty; " + emptyAdvice);
      return null;
    }
    return m.entries();
  }

  /** The items of a list that must hold at least one; null after a problem. */
  List<Key> nonEmptyItems(String example, String emptyAdvice) {
    List<Key> items = items(example);
    if (items != null && items.isEmpty()) {
      problem("empty; " + emptyAdvice);
      return null;
    }
    return items;
  }

  /** The items of a list, each a key with its index path; null after a problem. */
  List<Key> items(String example) {
    if (node == null) {
      return null;
    }
    if (node instanceof Node.Sequence s) {
      List<Key> out = new ArrayList<>(s.items().size());
      for (int i = 0; i < s.items().size(); i++) {
        out.add(child(s.items().get(i), KeyPath.index(path, i)));
      }
      return out;
    }
    problem(Convert.expected("a list such as " + example, node));
    return null;
  }
}
