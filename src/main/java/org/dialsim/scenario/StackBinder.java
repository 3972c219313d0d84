package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialsim.model.Family;
import org.dialsim.model.Limits;
import org.dialsim.scenario.Node.Scalar;
import org.dialsim.stack.CallRetries;
import org.dialsim.stack.Memory;
import org.dialsim.stack.Order;
import org.dialsim.stack.RstAction;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stack.SynSchedule;
import org.dialsim.stack.TimeoutSplit;

/**
 * Binds a resolved stack map (SPEC 1.4 keys, every default filled in) to a {@link StackConfig}.
 * Its keys and their defaults are the neutral stack of defaults.yaml.
 */
final class StackBinder {
  /** The stack keys, binding names, in the order results show them. */
  static final List<String> KEYS = Defaults.stack().keys();

  static final Map<String, Family> FAMILIES = Convert.spellings(Family.class);
  static final Map<String, Order> ORDERS = Convert.spellings(Order.class);
  static final Map<String, StrategyKind> STRATEGIES = Convert.spellings(StrategyKind.class);
  static final Map<String, RstAction> RST = Convert.spellings(RstAction.class);
  static final Map<String, TimeoutSplit> SPLITS = Convert.spellings(TimeoutSplit.class);
  static final Map<String, Memory.Kind> MEMORY_KINDS = Convert.spellings(Memory.Kind.class);
  static final Map<String, Memory.Learn> LEARN = Convert.spellings(Memory.Learn.class);

  private StackBinder() {}

  /** The stack, or null after recording problems. */
  static StackConfig bind(Key key) {
    int before = key.problems().size();
    Section f = Section.of(key, Defaults.stack(), "{ base: ucma-4, deadline: 30s }");
    if (f == null) {
      return null;
    }
    String base = f.get("base").text();
    List<Family> families = families(f.required("families"));
    Order order = f.required("order").choice(ORDERS);
    PolicyTables.Table table = PolicyTables.bind(f.required("policy_table"));
    Long interleave = f.required("interleave").wholeOrNone(1, Limits.MAX_INTERLEAVE, 0);
    StrategyKind strategy = f.required("strategy").choice(STRATEGIES);
    Long attemptDelay = f.required("attempt_delay").duration(Span.AT_LEAST_ZERO);
    Long resolutionDelay = f.required("resolution_delay").duration(Span.AT_LEAST_ZERO_OR_NONE);
    Long maxConcurrent = f.required("max_concurrent").wholeOrNone(1, Limits.MAX_CONCURRENT, Integer.MAX_VALUE);
    SynSchedule syn = syn(f.required("syn"));
    RstAction rst = f.required("rst").choice(RST);
    Long attemptTimeout = f.required("attempt_timeout").duration(Span.POSITIVE_OR_NONE);
    TimeoutSplit split = f.required("timeout_split").choice(SPLITS);
    Long deadline = f.required("deadline").duration(Span.POSITIVE_OR_NONE);
    Memory memory = memory(f.required("memory"));
    CallRetries retries = callRetries(f.required("call_retries"));
    ServiceStackBinder.Bound service = ServiceStackBinder.bind(f, strategy, attemptDelay, resolutionDelay);
    if (key.problems().size() > before) {
      return null;
    }
    return new StackConfig(base, families, order, table.rows(), table.name(), interleave.intValue(), strategy,
        attemptDelay, resolutionDelay, maxConcurrent.intValue(), syn, rst, attemptTimeout, split, deadline,
        memory, retries, service.tls(), service.https(), service.quic());
  }

  private static List<Family> families(Key key) {
    List<Key> items = key.items("[ipv4, ipv6]");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      key.problem("empty; list at least one family: [ipv4], [ipv6] or [ipv4, ipv6]");
      return null;
    }
    List<Family> out = new ArrayList<>();
    Set<Family> seen = EnumSet.noneOf(Family.class);
    for (Key item : items) {
      Family fam = item.choice(FAMILIES);
      if (fam != null && !seen.add(fam)) {
        item.problem(Messages.quote(fam.key()) + " is listed twice; list each family once");
      }
      out.add(fam);
    }
    return out;
  }

  /** A SYN schedule: a preset name, or a map of initial_rto, retries, linear_first, cap. */
  static SynSchedule syn(Key key) {
    Node n = key.node();
    if (n == null) {
      return null;
    }
    Key map = key;
    if (n instanceof Scalar s) {
      Node preset = Defaults.synPreset(s.text());
      if (preset == null) {
        key.problem("unknown SYN preset " + Messages.quote(s.text()) + "; "
            + Suggest.hint(s.text(), Defaults.synPresetNames()) + " (or write { initial_rto: 1s, retries: 6 })");
        return null;
      }
      map = key.child(preset, key.path());
    }
    Node.Mapping defaults = (Node.Mapping) Defaults.stack().get("syn");
    Section f = Section.of(map, defaults, "{ initial_rto: 3s, retries: 2 }");
    if (f == null) {
      return null;
    }
    Long rto = f.required("initial_rto").duration(Span.POSITIVE);
    Long retries = f.required("retries").whole(0, Limits.MAX_SYN_RETRIES);
    Long linear = f.orDefault("linear_first").whole(0, Limits.MAX_SYN_RETRIES);
    Long cap = f.orDefault("cap").duration(Span.POSITIVE_OR_NONE);
    if (rto == null || retries == null || linear == null || cap == null) {
      return null;
    }
    return new SynSchedule(rto, retries.intValue(), linear.intValue(), cap);
  }

  private static Memory memory(Key key) {
    Node n = key.node();
    if (n == null) {
      return null;
    }
    Node.Mapping defaults = (Node.Mapping) Defaults.stack().get("memory");
    if (n instanceof Scalar) {
      // a keyword that names no kind (normalize expands the known ones into a map)
      Memory.Kind kind = key.choice(MEMORY_KINDS);
      Long ttl = key.child(defaults.get("ttl"), key.path()).duration(Span.POSITIVE_OR_NONE);
      Set<Memory.Learn> learn = learn(key.child(defaults.get("learn"), key.path()));
      return kind == null || ttl == null || learn == null ? null : new Memory(kind, ttl, learn);
    }
    Section f = Section.of(key, defaults, "{ kind: avoid-failed, ttl: 10m }");
    if (f == null) {
      return null;
    }
    Memory.Kind kind = f.required("kind").choice(MEMORY_KINDS);
    Long ttl = f.orDefault("ttl").duration(Span.POSITIVE_OR_NONE);
    Set<Memory.Learn> learn = learn(f.required("learn"));
    return kind == null || ttl == null || learn == null ? null : new Memory(kind, ttl, learn);
  }

  /** {@code learn: [timeout, refused, unreachable, cut]}: the failures avoid-failed remembers. */
  private static Set<Memory.Learn> learn(Key key) {
    List<Key> items = key.items("[timeout, refused, unreachable]");
    if (items == null) {
      return null;
    }
    Set<Memory.Learn> out = EnumSet.noneOf(Memory.Learn.class);
    boolean ok = true;
    for (Key item : items) {
      Memory.Learn why = item.choice(LEARN);
      if (why != null && !out.add(why)) {
        item.problem(Messages.quote(why.key()) + " is listed twice; list each failure once");
      }
      ok &= why != null;
    }
    return ok ? out : null;
  }

  private static CallRetries callRetries(Key key) {
    Section f = Section.of(key, (Node.Mapping) Defaults.stack().get("call_retries"), "{ max: 2, backoff: 1s }");
    if (f == null) {
      return null;
    }
    Long max = f.required("max").whole(0, Limits.MAX_CALL_RETRIES);
    Long backoff = f.orDefault("backoff").duration(Span.AT_LEAST_ZERO);
    return max == null || backoff == null ? null : new CallRetries(max.intValue(), backoff);
  }
}
