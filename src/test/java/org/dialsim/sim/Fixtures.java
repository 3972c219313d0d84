package org.dialsim.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dialsim.engine.Time;
import org.dialsim.model.AaaaBehaviour;
import org.dialsim.model.Address;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Delay;
import org.dialsim.model.Dns;
import org.dialsim.model.DnsName;
import org.dialsim.model.Family;
import org.dialsim.model.Host;
import org.dialsim.model.NameSource;
import org.dialsim.model.Network;
import org.dialsim.model.PathRule;
import org.dialsim.model.Topology;
import org.dialsim.model.Window;
import org.dialsim.model.Workload;
import org.dialsim.scenario.Profiles;
import org.dialsim.stack.CallRetries;
import org.dialsim.stack.Memory;
import org.dialsim.stack.Order;
import org.dialsim.stack.Rfc6724;
import org.dialsim.stack.RstAction;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stack.SynSchedule;
import org.dialsim.stack.TimeoutSplit;

/** Builds topologies and stacks in code for tests, with fixed, round numbers. */
public final class Fixtures {
  private Fixtures() {}

  /** Every shipped scenario file (scenarios/ and its folders), in path order. */
  public static List<Path> shippedScenarios() throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of("scenarios"))) {
      return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** Classic Windows, the defaults.yaml preset: SYNs at 0, 3, 9 s, gives up at 21 s. */
  public static final SynSchedule WINDOWS_CLASSIC = Profiles.synPreset("windows-classic");

  /**
   * The neutral stack of defaults.yaml (dual-stack, DNS order, no deadline, no memory) with
   * {@code strategy} and classic Windows SYNs, whose round 21 s the hand-computed timelines use.
   */
  public static StackConfig stack(StrategyKind strategy) {
    return stackBuilder(strategy).build();
  }

  /** A builder starting from {@link #stack(StrategyKind)}. */
  public static Stack stackBuilder(StrategyKind strategy) {
    return new Stack(strategy);
  }

  /**
   * A copy of {@code s} whose SYN timers fire exactly on time (syn.timer_hz none), so that a
   * hand-computed timeline is a sum of the schedule's constants; the timer wheel has tests of its
   * own (SynWheelTest).
   */
  public static StackConfig onTime(StackConfig s) {
    SynSchedule y = s.syn();
    return Stack.from(s).syn(new SynSchedule(y.initialRtoNs(), y.retries(), y.linearFirst(), y.capNs(), y.giveUp(),
        y.rtoMaxNs(), SynSchedule.NO_WHEEL)).build();
  }

  /** A copy of {@code s} with a deadline. */
  public static StackConfig withDeadline(StackConfig s, long deadline) {
    return Stack.from(s).deadline(deadline).build();
  }

  /** A copy of {@code s} with memory. */
  public static StackConfig withMemory(StackConfig s, Memory memory) {
    return Stack.from(s).memory(memory).build();
  }

  /** A copy of {@code s} with a cap on concurrent attempts. */
  public static StackConfig withMaxConcurrent(StackConfig s, int max) {
    return Stack.from(s).maxConcurrent(max).build();
  }

  /** A copy of {@code s} with an application limit per attempt. */
  public static StackConfig withAttemptTimeout(StackConfig s, long limit) {
    return Stack.from(s).attemptTimeout(limit).build();
  }

  /** A mutable stack for tests; every field starts as {@link #stack(StrategyKind)} has it. */
  public static final class Stack {
    String base;
    List<org.dialsim.stack.PolicyRow> policyTable = Rfc6724.DEFAULT_TABLE;
    String policyTableName = "rfc6724";
    List<Family> families;
    Order order;
    int interleave;
    StrategyKind strategy;
    long attemptDelay;
    long resolutionDelay;
    int maxConcurrent;
    SynSchedule syn;
    RstAction rst;
    long attemptTimeout;
    TimeoutSplit split;
    long deadline;
    Memory memory;
    CallRetries retries;
    org.dialsim.stack.Advance advance;
    long wakeupEvery;
    long backupJob;
    org.dialsim.stack.Tls tls;
    org.dialsim.stack.Https https;
    org.dialsim.stack.Quic quic;

    Stack(StrategyKind strategy) {
      copy(Profiles.neutral());
      this.strategy = strategy;
      this.syn = WINDOWS_CLASSIC;
    }

    private Stack() {}

    /** A builder starting from {@code s}. */
    public static Stack from(StackConfig s) {
      Stack b = new Stack();
      b.copy(s);
      return b;
    }

    private void copy(StackConfig s) {
      Stack b = this;
      b.base = s.base();
      b.policyTable = s.policyTable();
      b.policyTableName = s.policyTableName();
      b.strategy = s.strategy();
      b.families = s.families();
      b.order = s.order();
      b.interleave = s.interleave();
      b.attemptDelay = s.attemptDelayNs();
      b.resolutionDelay = s.resolutionDelayNs();
      b.maxConcurrent = s.maxConcurrent();
      b.syn = s.syn();
      b.rst = s.rst();
      b.attemptTimeout = s.attemptTimeoutNs();
      b.split = s.timeoutSplit();
      b.deadline = s.deadlineNs();
      b.memory = s.memory();
      b.retries = s.callRetries();
      b.advance = s.advance();
      b.wakeupEvery = s.wakeupEveryNs();
      b.backupJob = s.backupJobNs();
      b.tls = s.tls();
      b.https = s.https();
      b.quic = s.quic();
    }

    public Stack families(Family... f) { families = List.of(f); return this; }
    public Stack order(Order o) { order = o; return this; }
    public Stack interleave(int n) { interleave = n; return this; }
    public Stack attemptDelay(long ns) { attemptDelay = ns; return this; }
    public Stack resolutionDelay(long ns) { resolutionDelay = ns; return this; }
    public Stack maxConcurrent(int n) { maxConcurrent = n; return this; }
    public Stack syn(SynSchedule s) { syn = s; return this; }
    public Stack rst(RstAction r) { rst = r; return this; }
    public Stack attemptTimeout(long ns) { attemptTimeout = ns; return this; }
    public Stack split(TimeoutSplit t) { split = t; return this; }
    public Stack deadline(long ns) { deadline = ns; return this; }
    public Stack memory(Memory m) { memory = m; return this; }
    public Stack retries(int max, long backoff) { retries = new CallRetries(max, backoff); return this; }
    public Stack strategy(StrategyKind k) { strategy = k; return this; }
    public Stack advance(org.dialsim.stack.Advance a, long every) { advance = a; wakeupEvery = every; return this; }
    public Stack backupJob(long ns) { backupJob = ns; return this; }

    /** The stack. */
    public StackConfig build() {
      return new StackConfig(base, families, order, policyTable, policyTableName, interleave, strategy, attemptDelay,
          resolutionDelay, maxConcurrent, syn, rst, attemptTimeout, split, deadline, memory, retries, advance, wakeupEvery,
          backupJob, tls, https, quic);
    }
  }

  /** Builds a topology where each address is its own host, alive or dead for good. */
  public static final class World {
    final List<Host> hosts = new ArrayList<>();
    final List<Address> records = new ArrayList<>();
    final List<PathRule> paths = new ArrayList<>();
    Delay rtt = new Delay.Fixed(20 * Time.MS);
    long dnsLatency = 5 * Time.MS;
    AnswerOrder answerOrder = AnswerOrder.FIXED;
    int clients = 1;
    int calls = 1;
    long interval = 30 * Time.S;
    long ttl = 5 * Time.M;
    AaaaBehaviour aaaa = AaaaBehaviour.NORMAL;
    NameSource source = NameSource.DNS;
    long aaaaLatency = -1;

    /** Adds a host owning one address, which DNS lists; dead hosts never answer. */
    public World host(String literal, boolean alive) {
      Address a = Address.of(literal);
      List<Window> down = alive ? List.of() : List.of(new Window(0, Time.NEVER));
      hosts.add(new Host("h" + hosts.size(), List.of(a), Set.of(Family.IPV4, Family.IPV6), down, null));
      records.add(a);
      return this;
    }

    /** Adds a host owning one address, down during [from, to). */
    public World hostDown(String literal, long from, long to) {
      Address a = Address.of(literal);
      hosts.add(new Host("h" + hosts.size(), List.of(a), Set.of(Family.IPV4, Family.IPV6), List.of(new Window(from, to)), null));
      records.add(a);
      return this;
    }

    /** Adds a host with several addresses (one machine), listening on the given families. */
    public World machine(String name, Set<Family> listens, String... literals) {
      List<Address> as = new ArrayList<>();
      for (String l : literals) {
        as.add(Address.of(l));
      }
      hosts.add(new Host(name, as, listens, List.of(), null));
      records.addAll(as);
      return this;
    }

    /** Adds a machine with several addresses, listening on the given families, down during [from, to). */
    public World machineDown(String name, Set<Family> listens, long from, long to, String... literals) {
      machine(name, listens, literals);
      Host h = hosts.remove(hosts.size() - 1);
      hosts.add(new Host(h.name(), h.addresses(), h.listensOn(), List.of(new Window(from, to)), null));
      return this;
    }

    /** Adds a DNS record no host owns (stale). */
    public World stale(String literal) {
      records.add(Address.of(literal));
      return this;
    }

    /** Adds a path rule. */
    public World path(PathRule rule) {
      paths.add(rule);
      return this;
    }

    /** Sets the DNS answer order. */
    public World order(AnswerOrder order) {
      answerOrder = order;
      return this;
    }

    /** Sets clients and calls per client. */
    public World workload(int clientCount, int callsPerClient) {
      clients = clientCount;
      calls = callsPerClient;
      return this;
    }

    /** Sets the DNS latency of both types. */
    public World dnsLatency(long ns) {
      dnsLatency = ns;
      return this;
    }

    /** Sets the AAAA pathology. */
    public World aaaa(AaaaBehaviour b) {
      aaaa = b;
      return this;
    }

    /** Answers from a static hosts file instead of DNS. */
    public World hostsFile() {
      source = NameSource.HOSTS_FILE;
      return this;
    }

    /** Sets the name's TTL. */
    public World ttl(long ns) {
      ttl = ns;
      return this;
    }

    /** Sets the AAAA latency apart from A's. */
    public World aaaaLatency(long ns) {
      aaaaLatency = ns;
      return this;
    }

    /** Sets the RTT. */
    public World rtt(Delay d) {
      rtt = d;
      return this;
    }

    /** Sets the spacing of calls. */
    public World interval(long ns) {
      interval = ns;
      return this;
    }

    /** The topology. */
    public Topology build() {
      Map<String, DnsName> names = new LinkedHashMap<>();
      names.put("pool.example.com", new DnsName("pool.example.com", records, ttl, source));
      long l6 = aaaaLatency >= 0 ? aaaaLatency : dnsLatency;
      Dns dns = new Dns(names, answerOrder, new Delay.Fixed(dnsLatency), new Delay.Fixed(l6), aaaa, 5 * Time.S);
      Workload w = new Workload(clients, List.of(), "pool.example.com", calls, 0, interval, false);
      return new Topology(hosts, new Network(rtt, paths), dns, w);
    }
  }

  /** The story of one call of client {@code client} in replication 0, seed 7. */
  public static CallTrace trace(Topology t, StackConfig stack, int client, int call) {
    return new org.dialsim.sim.World(new Plan(t, stack), 7).trace(0, client, call, (c, i, ok, e, a, w) -> { });
  }

  /** The attempts of a trace in the order they ended, as {@code address=outcome} words. */
  public static String outcomes(CallTrace t) {
    List<String> out = new ArrayList<>();
    for (CallTrace.Attempt a : t.attempts()) {
      out.add(a.address() + "=" + a.outcome().key());
    }
    return String.join(" ", out);
  }

  /** A new topology builder. */
  public static World world() {
    return new World();
  }
}
