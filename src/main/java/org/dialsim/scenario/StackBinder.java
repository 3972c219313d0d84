package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialsim.model.Family;
import org.dialsim.model.Limits;
import org.dialsim.engine.Time;
import org.dialsim.scenario.Node.Scalar;
import org.dialsim.stack.Advance;
import org.dialsim.stack.CallRetries;
import org.dialsim.stack.Memory;
import org.dialsim.stack.Order;
import org.dialsim.stack.RstAction;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stack.SynSchedule;
import org.dialsim.stack.TimeoutSplit;
import org.dialsim.stack.TimerWheel;

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
  static final Map<String, Advance> ADVANCE = Convert.spellings(Advance.class);
  static final Map<String, SynSchedule.GiveUp> GIVE_UP = Convert.spellings(SynSchedule.GiveUp.class);
  /** {@code syn.timer_hz}: none or a CONFIG_HZ value. */
  static final Map<String, Integer> TIMER_HZ = timerHz();
  /** Linux's bounds on the RTO ceiling: TCP_RTO_MAX_MS takes 1000..120000 ms (net/ipv4/tcp.c, 6.15+). */
  static final long LINUX_RTO_MAX_MIN_NS = Time.S;
  static final long LINUX_RTO_MAX_NS = 120 * Time.S;

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
    Key advanceKey = f.required("advance");
    Advance advance = advanceKey.choice(ADVANCE);
    Long wakeupEvery = f.required("wakeup_every").duration(Span.POSITIVE_OR_NONE);
    Long backupJob = f.required("backup_job").duration(Span.POSITIVE_OR_NONE);
    if (advance == Advance.NEXT_WAKEUP && strategy != null && strategy != StrategyKind.FAMILY_RACE) {
      advanceKey.problem("next-wakeup is modelled for strategy family-race (curl 7.88's two eyeballers) only; "
          + "write advance: immediate, or strategy: family-race");
    } else if (advance == Advance.NEXT_WAKEUP && wakeupEvery != null && deadline != null
        && wakeupEvery == Time.NEVER && deadline == Time.NEVER) {
      advanceKey.problem("with next-wakeup and neither wakeup_every nor a deadline, an address waiting for the "
          + "next wake-up could wait forever; set wakeup_every (the curl tool wakes every 1s) or a deadline "
          + "(curl's default connect timeout is 300s)");
    }
    ServiceStackBinder.Bound service = ServiceStackBinder.bind(f, strategy, attemptDelay, resolutionDelay);
    if (key.problems().size() > before) {
      return null;
    }
    return new StackConfig(base, families, order, table.rows(), table.name(), interleave.intValue(), strategy,
        attemptDelay, resolutionDelay, maxConcurrent.intValue(), syn, rst, attemptTimeout, split, deadline,
        memory, retries, advance, wakeupEvery, backupJob, service.tls(), service.https(), service.quic());
  }

  private static Map<String, Integer> timerHz() {
    Map<String, Integer> m = new java.util.LinkedHashMap<>();
    m.put(Convert.NONE, SynSchedule.NO_WHEEL);
    for (int hz : TimerWheel.hzChoices()) {
      m.put(Integer.toString(hz), hz);
    }
    return java.util.Collections.unmodifiableMap(m);
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

  /**
   * A SYN schedule: a preset name, or a map of initial_rto, retries, linear_first, cap, give_up,
   * rto_max and timer_hz.
   */
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
    Key rtoKey = f.required("initial_rto");
    Long rto = rtoKey.duration(Span.POSITIVE);
    Key retriesKey = f.required("retries");
    Long retries = retriesKey.whole(0, Limits.MAX_SYN_RETRIES);
    Long linear = f.orDefault("linear_first").whole(0, Limits.MAX_SYN_RETRIES);
    Long cap = f.orDefault("cap").duration(Span.POSITIVE_OR_NONE);
    SynSchedule.GiveUp giveUp = f.orDefault("give_up").choice(GIVE_UP);
    Key rtoMaxKey = f.orDefault("rto_max");
    Long rtoMax = rtoMaxKey.duration(Span.POSITIVE_OR_NONE);
    Key hzKey = f.orDefault("timer_hz");
    Integer hz = null;
    if (hzKey.node() instanceof Scalar h && !h.isNull() && TIMER_HZ.containsKey(h.text())) {
      hz = TIMER_HZ.get(h.text());
    } else if (hzKey.node() instanceof Scalar h && !h.isNull()) {
      hzKey.problem("unknown value " + Messages.quote(h.text()) + "; write none or the kernel's CONFIG_HZ, one of "
          + String.join(", ", TIMER_HZ.keySet()).replace(Convert.NONE + ", ", "")
          + " (kernel/Kconfig.hz; grep CONFIG_HZ /boot/config-$(uname -r))");
    } else if (hzKey.node() != null) {
      hzKey.problem(Convert.expected("none or a CONFIG_HZ value such as 250", hzKey.node()));
    }
    if (rto == null || retries == null || linear == null || cap == null || giveUp == null || rtoMax == null
        || hz == null) {
      return null;
    }
    boolean linux = giveUp == SynSchedule.GiveUp.LINUX;
    boolean ok = true;
    if (linux && retries < 1) {
      // net/ipv4/sysctl_net_ipv4.c: tcp_syn_retries_min = 1 (TCP_SYNCNT likewise refuses 0)
      retriesKey.problem(Messages.quote(retriesKey.written()) + " is not allowed with give_up: linux (Linux takes "
          + "tcp_syn_retries from 1); write 1 or more, or give_up: count");
      ok = false;
    }
    if (linux && rtoMax != Time.NEVER && (rtoMax < LINUX_RTO_MAX_MIN_NS || rtoMax > LINUX_RTO_MAX_NS)) {
      rtoMaxKey.problem(Messages.quote(rtoMaxKey.written()) + " is outside Linux's range (tcp_rto_max_ms takes "
          + "1000 to 120000 ms); write a duration from 1s to 120s");
      ok = false;
    } else if (rtoMax != Time.NEVER && rto > rtoMax) {
      rtoKey.problem(Messages.quote(rtoKey.written()) + " is above rto_max (" + Time.format(rtoMax)
          + "), which bounds every RTO; write at most " + Time.format(rtoMax) + " or raise rto_max");
      ok = false;
    }
    if (hz != SynSchedule.NO_WHEEL && !linux) {
      hzKey.problem("timer_hz models Linux's timer wheel and needs give_up: linux; write timer_hz: none, or "
          + "give_up: linux");
      ok = false;
    }
    return ok ? new SynSchedule(rto, retries.intValue(), linear.intValue(), cap, giveUp, rtoMax, hz) : null;
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
