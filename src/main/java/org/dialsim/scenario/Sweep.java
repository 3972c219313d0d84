package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialsim.engine.Time;
import org.dialsim.model.Limits;
import org.dialsim.stats.SweepAxis;
import org.dialsim.scenario.KeyPath.Index;
import org.dialsim.scenario.KeyPath.Key;
import org.dialsim.scenario.KeyPath.Step;
import org.dialsim.scenario.Node.Mapping;
import org.dialsim.scenario.Node.Sequence;

/**
 * The {@code sweep:} grid: parameter paths, each with a list of values. A point substitutes one
 * value per path into the merged tree, which is then bound like a normal file, so a swept value
 * is checked exactly as if it had been written in place. A stack key ({@code deadline},
 * {@code syn.initial_rto}) applies to every configuration; any other path is a scenario path
 * ({@code clients.count}, {@code network.paths[0].loss}). Points run in written order, the first
 * path varying slowest.
 */
final class Sweep {
  /**
   * Scenario keys that cannot be swept: they name or steer the sweep itself, or apply to the
   * whole run (seed and replications are the run's, not a point's; a point that changed them
   * would be reported with numbers from the first point's values).
   */
  private static final Set<String> FIXED = Set.of("name", "title", "description", "seed", "replications", "sweep", "expect");
  /** Steps in front of a stack key inside the merged tree: configurations[i].stack. */
  private static final int STACK_PREFIX = 3;

  /**
   * One swept parameter.
   *
   * @param key the path as written in {@code sweep:}
   * @param targets where values go in the merged tree (one per configuration for a stack key)
   * @param values the values, in order
   */
  record Axis(String key, List<List<Step>> targets, List<Node> values) {}

  private final List<Axis> axes;

  private Sweep(List<Axis> axes) {
    this.axes = List.copyOf(axes);
  }

  /** The sweep of a merged tree; problems with paths or values go to {@code p}. */
  static Sweep parse(Mapping root, Problems p) {
    Node n = root.get("sweep");
    if (n == null || n instanceof Node.Scalar s && s.isNull()) {
      return new Sweep(List.of());
    }
    if (!(n instanceof Mapping m)) {
      p.add(n, "sweep", Convert.expected("a map of parameter paths to value lists such as { deadline: [10s, 30s] }", n));
      return new Sweep(List.of());
    }
    int configurations = root.get("configurations") instanceof Sequence s ? s.items().size() : 0;
    List<Axis> axes = new ArrayList<>();
    for (Node.Entry e : m.entries()) {
      Axis a = axis(e, root, configurations, p);
      if (a != null && overlaps(a, axes, e, p)) {
        axes.add(a);
      }
    }
    Sweep sweep = new Sweep(axes);
    if (sweep.size() > Limits.MAX_SWEEP_POINTS) {
      p.add(n, "sweep", "the grid has " + sweep.size() + " points; at most " + Limits.MAX_SWEEP_POINTS + ", so sweep fewer values");
    }
    return sweep;
  }

  private static Axis axis(Node.Entry e, Mapping root, int configurations, Problems p) {
    String key = "sweep." + e.key();
    List<Step> steps;
    try {
      steps = KeyPath.parse(e.key());
    } catch (IllegalArgumentException ex) {
      p.add(e.keyPos(), key, ex.getMessage());
      return null;
    }
    if (!(steps.get(0) instanceof Key first)) {
      p.add(e.keyPos(), key, "a path starts with a key; write e.g. network.paths[0].loss");
      return null;
    }
    List<List<Step>> targets = new ArrayList<>();
    int shown = 0;
    if (Binder.ROOT_KEYS.contains(first.name())) {
      if (FIXED.contains(first.name()) || first.name().equals("configurations") && steps.size() < 3) {
        p.add(e.keyPos(), key, Messages.quote(e.key()) + " cannot be swept; sweep a value inside it, e.g. deadline or configurations[0].stack.deadline");
        return null;
      }
      // configurations[i].name names a result row, and .stack / .stack.base pick a profile,
      // which is resolved before any sweep: a swept profile would change only the label
      if (first.name().equals("configurations") && (steps.size() == 3
          || steps.size() == 4 && steps.get(2) instanceof Key k && k.name().equals("stack")
              && steps.get(3) instanceof Key b && b.name().equals("base"))) {
        p.add(e.keyPos(), key, "a configuration's name, stack or base cannot be swept; list one configuration per profile instead");
        return null;
      }
      targets.add(steps);
    } else if (StackBinder.KEYS.contains(first.name())) {
      if (first.name().equals("base")) {
        p.add(e.keyPos(), key, "base cannot be swept; list one configuration per profile instead");
        return null;
      }
      shown = STACK_PREFIX;
      for (int i = 0; i < configurations; i++) {
        List<Step> t = new ArrayList<>(List.of(new Key("configurations"), new Index(i), new Key("stack")));
        t.addAll(steps);
        targets.add(t);
      }
    } else {
      List<String> known = new ArrayList<>(Binder.ROOT_KEYS);
      known.addAll(StackBinder.KEYS);
      p.add(e.keyPos(), key, "unknown parameter; " + Suggest.nearest(first.name(), known)
          .map(s -> "did you mean " + Messages.quote(s) + "?")
          .orElse("write a stack key such as deadline or a scenario path such as clients.count"));
      return null;
    }
    for (List<Step> t : targets) {
      if (!reachable(root, t, shown, e, key, p)) {
        return null;
      }
    }
    List<Node> values = values(e.value(), key, p);
    return values == null ? null : new Axis(e.key(), targets, values);
  }

  /** Walks a target path through the merged tree; says where it leaves the tree. */
  private static boolean reachable(Mapping root, List<Step> steps, int shown, Node.Entry e, String key, Problems p) {
    Node cur = root;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String parent = i <= shown ? (shown == 0 ? "the scenario" : "the stack")
          : Messages.quote(KeyPath.format(steps.subList(shown, i)));
      int at = i;
      if (s instanceof Key k) {
        if (!(cur instanceof Mapping m)) {
          p.add(e.keyPos(), key, parent + " is " + cur.describe() + ", not a map; sweep " + parent + " itself");
          return false;
        }
        if (m.entry(k.name()) == null) {
          String hint = Suggest.nearest(k.name(), m.keys()).map(near -> {
            List<Step> fixed = new ArrayList<>(steps.subList(shown, steps.size()));
            fixed.set(at - shown, new Key(near));
            return "did you mean " + Messages.quote(KeyPath.format(fixed)) + "?";
          }).orElse(parent + " has the keys " + Messages.list(m.keys()));
          p.add(e.keyPos(), key, "unknown parameter; " + hint);
          return false;
        }
        cur = m.get(k.name());
      } else {
        int index = ((Index) s).index();
        if (!(cur instanceof Sequence q)) {
          p.add(e.keyPos(), key, parent + " is " + cur.describe() + ", not a list; remove [" + index + "]");
          return false;
        }
        if (index >= q.items().size()) {
          p.add(e.keyPos(), key, "index " + index + " is out of range; " + parent + " has " + q.items().size()
              + (q.items().size() == 1 ? " entry" : " entries") + ", counted from 0");
          return false;
        }
        cur = q.items().get(index);
      }
    }
    return true;
  }

  private static List<Node> values(Node n, String key, Problems p) {
    if (!(n instanceof Sequence s)) {
      p.add(n, key, Convert.expected("a list of values such as [10s, 20s, 30s]", n));
      return null;
    }
    if (s.items().isEmpty()) {
      p.add(n, key, "empty; list at least one value");
      return null;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < s.items().size(); i++) {
      Node v = s.items().get(i);
      if (!seen.add(v.flowText())) {
        p.add(v, key + "[" + i + "]", Messages.quote(v.flowText()) + " is listed twice; list each value once");
      }
    }
    return s.items();
  }

  /** True when the new axis touches no value another axis already sets. */
  private static boolean overlaps(Axis a, List<Axis> axes, Node.Entry e, Problems p) {
    for (Axis other : axes) {
      for (List<Step> t : a.targets()) {
        for (List<Step> u : other.targets()) {
          int n = Math.min(t.size(), u.size());
          if (t.subList(0, n).equals(u.subList(0, n))) {
            p.add(e.keyPos(), "sweep." + a.key(), "sets the same value as sweep " + Messages.quote(other.key())
                + "; sweep one of them");
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * The axes as results carry them: each value's text and what it stands for, read once here
   * (durations in seconds, plain numbers) so nothing downstream parses scenario text again.
   */
  List<SweepAxis> typed() {
    List<SweepAxis> out = new ArrayList<>();
    for (Axis a : axes) {
      out.add(typed(a));
    }
    return out;
  }

  private static SweepAxis typed(Axis a) {
    List<Double> seconds = new ArrayList<>();
    List<Double> numbers = new ArrayList<>();
    for (Node v : a.values()) {
      Node.Scalar s = v instanceof Node.Scalar x && !x.isNull() ? x : null;
      Double d = s == null ? null : seconds(s.text());
      Double n = s == null ? null : number(s.text());
      if (d != null) {
        seconds.add(d);
      }
      if (n != null) {
        numbers.add(n);
      }
    }
    int size = a.values().size();
    SweepAxis.Kind kind = seconds.size() == size ? SweepAxis.Kind.DURATION
        : numbers.size() == size ? SweepAxis.Kind.NUMBER : SweepAxis.Kind.CATEGORY;
    List<SweepAxis.Value> values = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      double x = kind == SweepAxis.Kind.DURATION ? seconds.get(i) : kind == SweepAxis.Kind.NUMBER ? numbers.get(i) : i;
      values.add(new SweepAxis.Value(a.values().get(i).flowText(), x));
    }
    return new SweepAxis(a.key(), kind, values);
  }

  private static Double seconds(String text) {
    try {
      return Time.seconds(DurationText.parse(text));
    } catch (IllegalArgumentException e) {
      return null; // not a duration
    }
  }

  private static Double number(String text) {
    try {
      double d = new java.math.BigDecimal(text.strip()).doubleValue();
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null; // not a number
    }
  }

  /** The swept paths as written, in order. */
  List<String> paths() {
    List<String> out = new ArrayList<>();
    for (Axis a : axes) {
      out.add(a.key());
    }
    return Collections.unmodifiableList(out);
  }

  /** The axes. */
  List<Axis> axes() {
    return axes;
  }

  /** The values of one swept path as written in flow style, or null when it is not swept. */
  List<String> values(String key) {
    for (Axis a : axes) {
      if (a.key().equals(key)) {
        List<String> out = new ArrayList<>();
        for (Node v : a.values()) {
          out.add(v.flowText());
        }
        return out;
      }
    }
    return null;
  }

  /** True without a sweep. */
  boolean isEmpty() {
    return axes.isEmpty();
  }

  /** Number of points: the product of the value counts (1 without a sweep). */
  long size() {
    long n = 1;
    for (Axis a : axes) {
      n = Math.multiplyHigh(n, a.values().size()) != 0 ? Long.MAX_VALUE : n * a.values().size();
    }
    return n;
  }

  /** The tree with value {@code choice[i]} of each axis {@code i} substituted. */
  Mapping apply(Mapping root, int[] choice) {
    Mapping out = root;
    for (int a = 0; a < axes.size(); a++) {
      out = applyOne(out, a, choice[a]);
    }
    return out;
  }

  /** The tree with one value of one axis substituted. */
  Mapping applyOne(Mapping root, int axis, int value) {
    Mapping out = root;
    Axis a = axes.get(axis);
    for (List<Step> t : a.targets()) {
      out = (Mapping) replace(out, t, 0, a.values().get(value));
    }
    return out;
  }

  /** Swept path to value text for {@link Scenario#point()}. */
  Map<String, String> point(int[] choice) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int a = 0; a < axes.size(); a++) {
      m.put(axes.get(a).key(), axes.get(a).values().get(choice[a]).flowText());
    }
    return m;
  }

  /**
   * Steps to the next point, last axis fastest (so the first varies slowest); false after the
   * last point.
   */
  boolean next(int[] choice) {
    for (int a = axes.size() - 1; a >= 0; a--) {
      if (++choice[a] < axes.get(a).values().size()) {
        return true;
      }
      choice[a] = 0;
    }
    return false;
  }

  /**
   * A stack key's shorthand (syn: linux, memory: avoid-failed) expanded as it is when written
   * in place, so a swept value behaves exactly like the same value in the configuration.
   */
  private static Node shorthandExpanded(List<Step> steps, Node value) {
    int n = steps.size();
    if (!(value instanceof Node.Scalar) || n < 2 || !(steps.get(n - 1) instanceof Key key)
        || !(steps.get(n - 2) instanceof Key parent) || !parent.name().equals("stack")) {
      return value;
    }
    Mapping wrapped = new Mapping(value.pos(), List.of(new Node.Entry(key.name(), value.pos(), value)));
    return Resolve.normalize(wrapped).get(key.name());
  }

  private static Node replace(Node n, List<Step> steps, int i, Node value) {
    if (i == steps.size()) {
      // a swept map is laid over what it replaces, as the user's keys are laid over the
      // defaults: sweeping a name to { records: [...] } keeps its ttl and source
      String path = KeyPath.format(steps);
      Node v = shorthandExpanded(steps, value);
      return n instanceof Mapping && v instanceof Mapping && !Resolve.WHOLE.contains(path)
          ? Merge.overlay(n, v, java.util.Set.of(), path) : v;
    }
    if (steps.get(i) instanceof Key k) {
      Mapping m = (Mapping) n;
      return m.with(k.name(), replace(m.get(k.name()), steps, i + 1, value));
    }
    int index = ((Index) steps.get(i)).index();
    Sequence s = (Sequence) n;
    List<Node> items = new ArrayList<>(s.items());
    items.set(index, replace(items.get(index), steps, i + 1, value));
    return new Sequence(s.pos(), items);
  }
}
