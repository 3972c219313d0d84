package org.dialsim.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** Classic Windows: SYNs at 0, 3, 9 s, gives up at 21 s. */
  public static final SynSchedule WINDOWS_CLASSIC = new SynSchedule(3 * Time.S, 2, 0, Time.NEVER);

  /** A neutral sequential dual-stack stack in DNS order with classic Windows SYNs, no deadline. */
  public static StackConfig stack(StrategyKind strategy) {
    return new StackConfig(null, List.of(Family.IPV4, Family.IPV6), Order.DNS, Rfc6724.DEFAULT_TABLE, "rfc6724", 0,
        strategy, 250 * Time.MS, Time.NEVER, Integer.MAX_VALUE, WINDOWS_CLASSIC, RstAction.FAIL, Time.NEVER,
        TimeoutSplit.NONE, Time.NEVER, new Memory(Memory.Kind.NONE, 10 * Time.M), new CallRetries(0, 0));
  }

  /** A copy of {@code s} with a deadline. */
  public static StackConfig withDeadline(StackConfig s, long deadline) {
    return new StackConfig(s.base(), s.families(), s.order(), s.policyTable(), s.policyTableName(), s.interleave(),
        s.strategy(), s.attemptDelayNs(), s.resolutionDelayNs(), s.maxConcurrent(), s.syn(), s.rst(),
        s.attemptTimeoutNs(), s.timeoutSplit(), deadline, s.memory(), s.callRetries());
  }

  /** A copy of {@code s} with another order. */
  public static StackConfig withOrder(StackConfig s, Order order) {
    return new StackConfig(s.base(), s.families(), order, s.policyTable(), s.policyTableName(), s.interleave(),
        s.strategy(), s.attemptDelayNs(), s.resolutionDelayNs(), s.maxConcurrent(), s.syn(), s.rst(),
        s.attemptTimeoutNs(), s.timeoutSplit(), s.deadlineNs(), s.memory(), s.callRetries());
  }

  /** A copy of {@code s} with memory. */
  public static StackConfig withMemory(StackConfig s, Memory memory) {
    return new StackConfig(s.base(), s.families(), s.order(), s.policyTable(), s.policyTableName(), s.interleave(),
        s.strategy(), s.attemptDelayNs(), s.resolutionDelayNs(), s.maxConcurrent(), s.syn(), s.rst(),
        s.attemptTimeoutNs(), s.timeoutSplit(), s.deadlineNs(), memory, s.callRetries());
  }

  /** A copy of {@code s} with a cap on concurrent attempts. */
  public static StackConfig withMaxConcurrent(StackConfig s, int max) {
    return new StackConfig(s.base(), s.families(), s.order(), s.policyTable(), s.policyTableName(), s.interleave(),
        s.strategy(), s.attemptDelayNs(), s.resolutionDelayNs(), max, s.syn(), s.rst(),
        s.attemptTimeoutNs(), s.timeoutSplit(), s.deadlineNs(), s.memory(), s.callRetries());
  }

  /** A copy of {@code s} with an application limit per attempt. */
  public static StackConfig withAttemptTimeout(StackConfig s, long limit) {
    return new StackConfig(s.base(), s.families(), s.order(), s.policyTable(), s.policyTableName(), s.interleave(),
        s.strategy(), s.attemptDelayNs(), s.resolutionDelayNs(), s.maxConcurrent(), s.syn(), s.rst(),
        limit, s.timeoutSplit(), s.deadlineNs(), s.memory(), s.callRetries());
  }

  /** A copy of {@code s} with another SYN schedule. */
  public static StackConfig withSyn(StackConfig s, SynSchedule syn) {
    return new StackConfig(s.base(), s.families(), s.order(), s.policyTable(), s.policyTableName(), s.interleave(),
        s.strategy(), s.attemptDelayNs(), s.resolutionDelayNs(), s.maxConcurrent(), syn, s.rst(),
        s.attemptTimeoutNs(), s.timeoutSplit(), s.deadlineNs(), s.memory(), s.callRetries());
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

    /** Adds a host owning one address, which DNS lists; dead hosts never answer. */
    public World host(String literal, boolean alive) {
      Address a = Address.of(literal);
      List<Window> down = alive ? List.of() : List.of(new Window(0, Time.NEVER));
      hosts.add(new Host("h" + hosts.size(), List.of(a), Set.of(Family.IPV4, Family.IPV6), down, null));
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
      names.put("pool.example.com", new DnsName("pool.example.com", records, ttl, NameSource.DNS));
      Dns dns = new Dns(names, answerOrder, new Delay.Fixed(dnsLatency), new Delay.Fixed(dnsLatency), AaaaBehaviour.NORMAL, 5 * Time.S);
      Workload w = new Workload(clients, List.of(), "pool.example.com", calls, 0, interval, false);
      return new Topology(hosts, new Network(rtt, paths), dns, w);
    }
  }

  /** A new topology builder. */
  public static World world() {
    return new World();
  }
}
