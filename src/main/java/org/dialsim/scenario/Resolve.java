package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.dialsim.scenario.Node.Entry;
import org.dialsim.scenario.Node.Mapping;
import org.dialsim.scenario.Node.Scalar;

/**
 * Builds the merged tree of a scenario: every absent key filled from defaults.yaml, and each
 * configuration's stack resolved as neutral stack, then its profile, then the user's keys.
 * The result is what gets bound, swept and written to results.json.
 */
final class Resolve {
  /** Maps replaced whole rather than merged: each holds one of several alternatives. */
  static final Set<String> WHOLE = Set.of("calls.start", "calls.interval");

  private Resolve() {}

  /** The merged tree of a user's scenario. */
  static Mapping scenario(Mapping user, Problems p) {
    Mapping m = (Mapping) Merge.overlay(Defaults.scenario(), user, WHOLE, "");
    m = eachValue(m, "hosts", Defaults.host());
    m = update(m, "network", net -> eachItem(eachItem(net, "paths", Defaults.path()), "faults", Defaults.fault()));
    m = update(m, "dns", dns -> eachValue(dns, "names", Defaults.name()));
    m = update(m, "dns", dns -> update(dns, "names", names -> eachValueUpdated(names,
        name -> eachItem(name, "https", Defaults.httpsRecord()))));
    m = eachItem(m, "configurations", Defaults.configuration());
    m = eachItem(m, "expect", Defaults.expectation());
    m = stacks(m, p);
    if (m.get("title") instanceof Scalar t && t.isNull() && m.get("name") instanceof Scalar n && !n.isNull()) {
      m = m.with("title", Scalar.text(n.pos(), n.text()));
    }
    return m;
  }

  /**
   * A configuration's resolved stack: {@code stack: NAME} or {@code stack: { base: NAME, ... }}
   * starts from that profile, a map without base from the neutral stack; the user's keys go
   * on top, maps such as {@code syn} key by key. Returns null after recording a problem.
   *
   * @param profiles the resolved tree of a profile by name, or null when there is none
   * @param profileNames the known names, for suggestions (asked only for a name that is not one:
   *     a stack without a base never reads profiles.yaml)
   */
  static Mapping stack(Node node, String path, Problems p, Function<String, Mapping> profiles,
      Supplier<List<String>> profileNames) {
    String base = null;
    Node baseNode = null;
    String basePath = path;
    Mapping layer = null;
    if (node instanceof Scalar s && !s.isNull()) {
      base = s.text();
      baseNode = s;
    } else if (node instanceof Mapping m) {
      Node b = m.get("base");
      basePath = KeyPath.child(path, "base");
      if (b instanceof Scalar bs && !bs.isNull()) {
        base = bs.text();
        baseNode = bs;
      } else if (b != null && !(b instanceof Scalar)) {
        p.add(b, basePath, Convert.expected("a profile name such as ucma-4", b));
        return null;
      }
      layer = m.without("base");
    } else {
      p.add(node, path, node instanceof Scalar
          ? "missing; write a profile name such as ucma-4 or a map of stack keys"
          : Convert.expected("a profile name such as ucma-4 or a map of stack keys", node));
      return null;
    }
    Mapping start = Defaults.stack();
    if (base != null) {
      start = profiles.apply(base);
      if (start == null) {
        p.add(baseNode, basePath, "unknown profile " + Messages.quote(base) + "; " + Suggest.hint(base, profileNames.get(), Profiles.WHERE_ALL));
        return null;
      }
    }
    Mapping merged = layer == null ? start : (Mapping) Merge.overlay(start, normalize(layer), Set.of(), "");
    // the user's "stack:" is where a problem of the whole stack should point
    merged = new Mapping(node.pos(), merged.entries());
    Node baseValue = base == null ? Scalar.nothing(node.pos()) : Scalar.text(baseNode.pos(), base);
    return merged.with("base", baseValue);
  }

  /**
   * Writes shorthand forms as maps so they merge key by key: {@code syn: linux} becomes the
   * preset's map and {@code memory: avoid-failed} becomes {@code { kind: avoid-failed }} (keeping
   * the ttl underneath). Unknown names stay as written, for the binder to report.
   */
  static Mapping normalize(Mapping layer) {
    Mapping out = layer;
    if (layer.get("syn") instanceof Scalar s && !s.isNull()) {
      Mapping preset = Defaults.synPreset(s.text());
      if (preset != null) {
        out = out.with("syn", new Mapping(s.pos(), preset.entries()));
      }
    }
    if (layer.get("memory") instanceof Scalar s && StackBinder.MEMORY_KINDS.containsKey(s.text())) {
      out = out.with("memory", new Mapping(s.pos(), List.of(new Entry("kind", s.pos(), s))));
    }
    return out;
  }

  private static Mapping stacks(Mapping m, Problems p) {
    if (!(m.get("configurations") instanceof Node.Sequence seq)) {
      return m;
    }
    List<Node> items = new ArrayList<>(seq.items().size());
    for (int i = 0; i < seq.items().size(); i++) {
      Node item = seq.items().get(i);
      // an absent stack is left for the binder, which reports it at the configuration
      if (item instanceof Mapping c && c.get("stack") != null
          && !(c.get("stack") instanceof Scalar s && s.isNull())) {
        String path = KeyPath.child(KeyPath.index("configurations", i), "stack");
        Mapping stack = stack(c.get("stack"), path, p, Profiles::tree, Profiles::names);
        // after a problem the neutral stack stands in, so binding reports only other mistakes
        item = c.with("stack", stack != null ? stack : Defaults.stack());
      }
      items.add(item);
    }
    return m.with("configurations", new Node.Sequence(seq.pos(), items));
  }

  private static Mapping update(Mapping m, String key, UnaryOperator<Mapping> f) {
    return m.get(key) instanceof Mapping v ? m.with(key, f.apply(v)) : m;
  }

  /** Each value of the map at {@code key} laid over {@code template}. */
  private static Mapping eachValue(Mapping m, String key, Mapping template) {
    if (!(m.get(key) instanceof Mapping v)) {
      return m;
    }
    List<Entry> out = new ArrayList<>(v.entries().size());
    for (Entry e : v.entries()) {
      Node filled = e.value() instanceof Mapping ? Merge.overlay(template, e.value(), Set.of(), "") : e.value();
      out.add(new Entry(e.key(), e.keyPos(), filled));
    }
    return m.with(key, new Mapping(v.pos(), out));
  }

  /** Each map value of {@code m} passed through {@code f}. */
  private static Mapping eachValueUpdated(Mapping m, UnaryOperator<Mapping> f) {
    List<Entry> out = new ArrayList<>(m.entries().size());
    for (Entry e : m.entries()) {
      out.add(e.value() instanceof Mapping v ? new Entry(e.key(), e.keyPos(), f.apply(v)) : e);
    }
    return new Mapping(m.pos(), out);
  }

  /** Each item of the list at {@code key} laid over {@code template}. */
  private static Mapping eachItem(Mapping m, String key, Mapping template) {
    if (!(m.get(key) instanceof Node.Sequence v)) {
      return m;
    }
    List<Node> out = new ArrayList<>(v.items().size());
    for (Node item : v.items()) {
      out.add(item instanceof Mapping ? Merge.overlay(template, item, Set.of(), "") : item);
    }
    return m.with(key, new Node.Sequence(v.pos(), out));
  }
}
