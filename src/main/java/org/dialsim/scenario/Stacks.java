package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.model.Family;
import org.dialsim.model.Prefix;
import org.dialsim.scenario.Node.Mapping;
import org.dialsim.scenario.Node.Scalar;
import org.dialsim.stack.CallRetries;
import org.dialsim.stack.Memory;
import org.dialsim.stack.Order;
import org.dialsim.stack.PolicyRow;
import org.dialsim.stack.Rfc6724;
import org.dialsim.stack.RstAction;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stack.SynSchedule;
import org.dialsim.stack.TimeoutSplit;

/** Binds a resolved stack map (SPEC 1.4 keys) to a {@link StackConfig}. */
final class Stacks {
  /** The stack keys, binding names, in the order results show them. */
  static final List<String> KEYS = List.of(
      "base", "families", "order", "policy_table", "interleave", "strategy", "attempt_delay",
      "resolution_delay", "max_concurrent", "syn", "rst", "attempt_timeout", "timeout_split",
      "deadline", "memory", "call_retries");

  static final Map<String, Family> FAMILIES = Convert.spellings(Family.class);
  static final Map<String, Order> ORDERS = Convert.spellings(Order.class);
  static final Map<String, StrategyKind> STRATEGIES = Convert.spellings(StrategyKind.class);
  static final Map<String, RstAction> RST = Convert.spellings(RstAction.class);
  static final Map<String, TimeoutSplit> SPLITS = Convert.spellings(TimeoutSplit.class);
  static final Map<String, Memory.Kind> MEMORY_KINDS = Convert.spellings(Memory.Kind.class);

  private static final List<String> SYN_KEYS = List.of("initial_rto", "retries", "linear_first", "cap");
  private static final List<String> MEMORY_KEYS = List.of("kind", "ttl");
  private static final List<String> RETRY_KEYS = List.of("max", "backoff");
  private static final List<String> ROW_KEYS = List.of("prefix", "precedence", "label");

  /** Retransmissions beyond this are absurd (2^30 s of back-off) and would overflow timers. */
  private static final int MAX_RETRIES = 30;
  /** A custom table's name in {@link StackConfig#policyTableName()}. */
  private static final String CUSTOM = "custom";

  /**
   * The built-in policy tables by name. The rows live with the sorter that reads them
   * ({@link Rfc6724}); defaults.yaml documents the names.
   */
  static final Map<String, List<PolicyRow>> POLICY_TABLES = tables();

  private Stacks() {}

  /** The stack, or null after recording problems. */
  static StackConfig bind(Node node, String path, Problems p) {
    int before = p.size();
    Fields f = Fields.of(node, path, p, KEYS, "{ base: ucma-4, deadline: 30s }");
    if (f == null) {
      return null;
    }
    Node baseNode = f.value("base");
    String base = baseNode == null ? null : Convert.text(baseNode, f.path("base"), p);
    List<Family> families = families(f.required("families", "[ipv4, ipv6]"), f.path("families"), p);
    Order order = Convert.choice(f.required("order", "dns"), f.path("order"), p, ORDERS);
    PolicyTable table = policyTable(f.required("policy_table", "rfc6724"), f.path("policy_table"), p);
    Long interleave = Convert.wholeOrNone(f.required("interleave", "none"), f.path("interleave"), p, 1, 100, 0);
    StrategyKind strategy = Convert.choice(f.required("strategy", "sequential"), f.path("strategy"), p, STRATEGIES);
    Long attemptDelay = Convert.duration(f.required("attempt_delay", "250ms"), f.path("attempt_delay"), p, false, false);
    Long resolutionDelay =
        Convert.duration(f.required("resolution_delay", "50ms"), f.path("resolution_delay"), p, true, false);
    Long maxConcurrent = Convert.wholeOrNone(
        f.required("max_concurrent", "none"), f.path("max_concurrent"), p, 1, 1000, Integer.MAX_VALUE);
    SynSchedule syn = syn(f.required("syn", "windows-classic"), f.path("syn"), p);
    RstAction rst = Convert.choice(f.required("rst", "fail"), f.path("rst"), p, RST);
    Long attemptTimeout =
        Convert.duration(f.required("attempt_timeout", "none"), f.path("attempt_timeout"), p, true, true);
    TimeoutSplit split = Convert.choice(f.required("timeout_split", "none"), f.path("timeout_split"), p, SPLITS);
    Long deadline = Convert.duration(f.required("deadline", "30s"), f.path("deadline"), p, true, true);
    Memory memory = memory(f.required("memory", "avoid-failed"), f.path("memory"), p);
    CallRetries retries = callRetries(f.required("call_retries", "{ max: 0, backoff: 0s }"), f.path("call_retries"), p);
    if (p.size() > before) {
      return null;
    }
    return new StackConfig(base, families, order, table.rows(), table.name(), interleave.intValue(), strategy,
        attemptDelay, resolutionDelay, maxConcurrent.intValue(), syn, rst, attemptTimeout, split, deadline,
        memory, retries);
  }

  /** A policy table and the name it is shown by. */
  private record PolicyTable(String name, List<PolicyRow> rows) {}

  private static List<Family> families(Node n, String path, Problems p) {
    List<Node> items = Convert.list(n, path, p, "[ipv4, ipv6]");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      p.add(n, path, "empty; list at least one family: [ipv4], [ipv6] or [ipv4, ipv6]");
      return null;
    }
    List<Family> out = new ArrayList<>();
    Set<Family> seen = EnumSet.noneOf(Family.class);
    for (int i = 0; i < items.size(); i++) {
      Family fam = Convert.choice(items.get(i), KeyPath.index(path, i), p, FAMILIES);
      if (fam != null && !seen.add(fam)) {
        p.add(items.get(i), KeyPath.index(path, i), Messages.quote(fam.key()) + " is listed twice; list each family once");
      }
      out.add(fam);
    }
    return out;
  }

  private static PolicyTable policyTable(Node n, String path, Problems p) {
    if (n == null) {
      return null;
    }
    if (n instanceof Scalar s) {
      List<PolicyRow> rows = POLICY_TABLES.get(s.text());
      if (rows == null) {
        p.add(n, path, "unknown policy table " + Messages.quote(s.text()) + "; "
            + Suggest.hint(s.text(), POLICY_TABLES.keySet()) + " (or write a list of { prefix, precedence, label })");
        return null;
      }
      return new PolicyTable(s.text(), rows);
    }
    List<PolicyRow> bound = rows(n, path, p);
    return bound == null ? null : new PolicyTable(CUSTOM, bound);
  }

  private static Map<String, List<PolicyRow>> tables() {
    Map<String, List<PolicyRow>> m = new LinkedHashMap<>();
    m.put("rfc6724", Rfc6724.DEFAULT_TABLE);
    m.put("glibc", Rfc6724.GLIBC_TABLE);
    return Collections.unmodifiableMap(m);
  }

  private static List<PolicyRow> rows(Node n, String path, Problems p) {
    List<Node> items = Convert.list(n, path, p, "[{ prefix: \"::/0\", precedence: 40, label: 1 }]");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      p.add(n, path, "empty; give at least one row such as { prefix: \"::/0\", precedence: 40, label: 1 }");
      return null;
    }
    List<PolicyRow> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      String rowPath = KeyPath.index(path, i);
      Fields f = Fields.of(items.get(i), rowPath, p, ROW_KEYS, "{ prefix: \"::/0\", precedence: 40, label: 1 }");
      if (f == null) {
        ok = false;
        continue;
      }
      Prefix prefix = policyPrefix(f.required("prefix", "\"::ffff:0:0/96\""), f.path("prefix"), p);
      Long precedence = Convert.whole(f.required("precedence", "35"), f.path("precedence"), p, 0, Integer.MAX_VALUE);
      Long label = Convert.whole(f.required("label", "4"), f.path("label"), p, 0, Integer.MAX_VALUE);
      if (prefix == null || precedence == null || label == null) {
        ok = false;
        continue;
      }
      out.add(new PolicyRow(prefix, precedence.intValue(), label.intValue()));
    }
    return ok ? out : null;
  }

  /**
   * An IPv6 prefix of a policy row. IPv4 rows are written IPv4-mapped ({@code ::ffff:0:0/96});
   * {@link Address#parse} folds such literals into IPv4, so the 128-bit form is rebuilt here.
   */
  private static Prefix policyPrefix(Node n, String path, Problems p) {
    String text = Convert.text(n, path, p);
    if (text == null) {
      return null;
    }
    String example = "; write an IPv6 prefix such as \"2001:db8::/32\" or \"::ffff:0:0/96\"";
    int slash = text.indexOf('/');
    Address a = slash < 0 ? null : Address.parse(text.substring(0, slash)).orElse(null);
    if (a == null) {
      p.add(n, path, Messages.quote(text) + " is not a prefix" + example);
      return null;
    }
    String addressText = text.substring(0, slash).strip().toLowerCase(Locale.ROOT);
    if (a.family() == Family.IPV4) {
      if (!addressText.contains(":")) {
        p.add(n, path, Messages.quote(text) + " is an IPv4 prefix; policy tables write IPv4 in IPv4-mapped form, e.g. \"::ffff:192.0.2.0/120\"");
        return null;
      }
      a = new Address(addressText, Family.IPV6, 0L, (0xffffL << 32) | a.lo());
    }
    String digits = text.substring(slash + 1).strip();
    if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > 128) {
      p.add(n, path, Messages.quote(text) + " has a bad length" + example);
      return null;
    }
    return new Prefix(a, Integer.parseInt(digits));
  }

  /** A SYN schedule: a preset name, or a map of initial_rto, retries, linear_first, cap. */
  static SynSchedule syn(Node n, String path, Problems p) {
    if (n == null) {
      return null;
    }
    Node map = n;
    if (n instanceof Scalar s) {
      map = Defaults.synPreset(s.text());
      if (map == null) {
        p.add(n, path, "unknown SYN preset " + Messages.quote(s.text()) + "; "
            + Suggest.hint(s.text(), Defaults.synPresetNames()) + " (or write { initial_rto: 1s, retries: 6 })");
        return null;
      }
    }
    Fields f = Fields.of(map, path, p, SYN_KEYS, "{ initial_rto: 3s, retries: 2 }");
    if (f == null) {
      return null;
    }
    Long rto = Convert.duration(f.required("initial_rto", "1s"), f.path("initial_rto"), p, false, true);
    Long retries = Convert.whole(f.required("retries", "6"), f.path("retries"), p, 0, MAX_RETRIES);
    Node linearNode = f.value("linear_first");
    Long linear = linearNode == null ? Long.valueOf(0)
        : Convert.whole(linearNode, f.path("linear_first"), p, 0, MAX_RETRIES);
    Node capNode = f.value("cap");
    Long cap = capNode == null ? Long.valueOf(Time.NEVER) : Convert.duration(capNode, f.path("cap"), p, true, true);
    if (rto == null || retries == null || linear == null || cap == null) {
      return null;
    }
    return new SynSchedule(rto, retries.intValue(), linear.intValue(), cap);
  }

  private static Memory memory(Node n, String path, Problems p) {
    if (n == null) {
      return null;
    }
    Long defaultTtl = Convert.duration(((Mapping) Defaults.stack().get("memory")).get("ttl"), path, p, true, true);
    if (n instanceof Scalar) {
      Memory.Kind kind = Convert.choice(n, path, p, MEMORY_KINDS);
      return kind == null ? null : new Memory(kind, defaultTtl);
    }
    Fields f = Fields.of(n, path, p, MEMORY_KEYS, "{ kind: avoid-failed, ttl: 10m }");
    if (f == null) {
      return null;
    }
    Memory.Kind kind = Convert.choice(f.required("kind", "avoid-failed"), f.path("kind"), p, MEMORY_KINDS);
    Node ttlNode = f.value("ttl");
    Long ttl = ttlNode == null ? defaultTtl : Convert.duration(ttlNode, f.path("ttl"), p, true, true);
    return kind == null || ttl == null ? null : new Memory(kind, ttl);
  }

  private static CallRetries callRetries(Node n, String path, Problems p) {
    if (n == null) {
      return null;
    }
    Fields f = Fields.of(n, path, p, RETRY_KEYS, "{ max: 2, backoff: 1s }");
    if (f == null) {
      return null;
    }
    Long max = Convert.whole(f.required("max", "2"), f.path("max"), p, 0, 100);
    Node backoffNode = f.value("backoff");
    Long backoff = backoffNode == null ? Long.valueOf(0)
        : Convert.duration(backoffNode, f.path("backoff"), p, false, false);
    return max == null || backoff == null ? null : new CallRetries(max.intValue(), backoff);
  }
}
