package org.dialsim.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.dns.ServiceNames;
import org.dialsim.model.Address;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Delay;
import org.dialsim.model.DnsName;
import org.dialsim.model.Family;
import org.dialsim.model.Host;
import org.dialsim.model.NameSource;
import org.dialsim.model.PathRule;
import org.dialsim.model.Protocol;
import org.dialsim.model.Topology;
import org.dialsim.stack.Endpoints;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.SynSchedule;
import org.dialsim.stack.SynWheel;

/**
 * Everything about one (topology, stack) pair that does not change between replications:
 * addresses numbered, each address's host and path rule, the SYN schedule as offsets.
 */
public final class Plan {
  final Topology topology;
  final StackConfig stack;
  final Address[] addresses;
  final Family[] families; // by address number
  final int[] hostOf; // -1: no host owns it (a stale record)
  final Behaviour[] behaviour;
  final double[] loss;
  final Delay[] rtt;
  final Host[] hosts;
  final int[] listensMask; // bit 0 ipv4, bit 1 ipv6
  final DnsName target;
  final int[] recordsA; // address indices of the target's A records, as written
  final int[] recordsAaaa;
  final int[] recordSlotsFamily; // family per written record slot: 0 = A, 1 = AAAA
  final int[] hostsFileRecords; // the A records then the AAAA records, as a hosts file lists them
  final long[] synOffsets;
  final long synGiveUp;
  /** The SYN schedule on the kernel's timer wheel ({@code syn.timer_hz}), or null. */
  final SynWheel synWheel;
  final boolean queryA;
  final boolean queryAaaa;
  final boolean hostsFile;
  /**
   * True when the origin's A or AAAA answer latency is drawn (lognormal; the name's own latency
   * for a stack that queries HTTPS). Fixed latencies need no normal deviates; the DNS latency
   * stream serves nothing else, so not drawing them changes no result.
   */
  final boolean dnsLatencyDrawn;
  /**
   * The names a stack that queries HTTPS records may need, or null for every other stack (and
   * for a hosts-file target, which has no HTTPS records): then the plan is what it always was.
   */
  final ServiceNames service;
  // for QUIC attempts, by address number: the path rule a UDP datagram meets (null without service)
  final Behaviour[] udpBehaviour;
  final double[] udpLoss;
  final Delay[] udpRtt;
  /**
   * True when no client's calls can change what another client's calls meet, so a replication
   * may run one client after another ({@link World#run}) with exactly the results of running all
   * of them in one event list. What clients share: a round-robin server's counters (each query
   * rotates the next client's answer) and a host's random failures (drawn lazily along one
   * timeline that forgets what lies behind the clock). Everything else a call reads is its own
   * client's: streams, DNS cache, memory of addresses, fixed down windows.
   */
  final boolean clientsIndependent;

  /** Prepares a plan; the topology must be valid (the scenario loader checked it). */
  public Plan(Topology topology, StackConfig stack) {
    this.topology = topology;
    this.stack = stack;
    Map<Address, Integer> index = new LinkedHashMap<>();
    List<Host> hostList = topology.hosts();
    hosts = hostList.toArray(new Host[0]);
    for (Host h : hostList) {
      for (Address a : h.addresses()) {
        index.putIfAbsent(a, index.size());
      }
    }
    target = topology.dns().names().get(topology.workload().target());
    if (target == null) {
      throw new IllegalArgumentException("calls.target " + topology.workload().target() + " is not a DNS name");
    }
    for (Address a : target.records()) {
      index.putIfAbsent(a, index.size());
    }
    boolean service = stack.usesHttps() && target.source() != NameSource.HOSTS_FILE;
    if (service) {
      // the records and hints of every name the target's HTTPS records lead to, after the
      // target's own: the numbers above stay as they are
      for (Address a : ServiceNames.addresses(topology.dns(), target.name())) {
        index.putIfAbsent(a, index.size());
      }
    }
    int n = index.size();
    addresses = index.keySet().toArray(new Address[0]);
    families = new Family[n];
    for (int i = 0; i < n; i++) {
      families[i] = addresses[i].family();
    }
    hostOf = new int[n];
    behaviour = new Behaviour[n];
    loss = new double[n];
    rtt = new Delay[n];
    java.util.Arrays.fill(hostOf, -1);
    for (int h = 0; h < hosts.length; h++) {
      for (Address a : hosts[h].addresses()) {
        hostOf[index.get(a)] = h;
      }
    }
    for (int i = 0; i < n; i++) {
      String hostName = hostOf[i] < 0 ? null : hosts[hostOf[i]].name();
      PathRule rule = topology.network().pathTo(addresses[i], hostName);
      behaviour[i] = rule.behaviour();
      loss[i] = rule.loss();
      rtt[i] = rule.rtt() != null ? rule.rtt() : topology.network().rtt();
    }
    if (service) {
      udpBehaviour = new Behaviour[n];
      udpLoss = new double[n];
      udpRtt = new Delay[n];
      for (int i = 0; i < n; i++) {
        PathRule rule = topology.network().pathTo(addresses[i], hostOf[i] < 0 ? null : hosts[hostOf[i]].name(), Protocol.UDP);
        udpBehaviour[i] = rule.behaviour();
        udpLoss[i] = rule.loss();
        udpRtt[i] = rule.rtt() != null ? rule.rtt() : topology.network().rtt();
      }
    } else {
      udpBehaviour = null;
      udpLoss = null;
      udpRtt = null;
    }
    listensMask = new int[hosts.length];
    for (int h = 0; h < hosts.length; h++) {
      for (Family f : hosts[h].listensOn()) {
        listensMask[h] |= 1 << f.ordinal();
      }
    }
    List<Integer> a4 = new ArrayList<>();
    List<Integer> a6 = new ArrayList<>();
    recordSlotsFamily = new int[target.records().size()];
    int s = 0;
    for (Address a : target.records()) {
      boolean v4 = a.family() == Family.IPV4;
      (v4 ? a4 : a6).add(index.get(a));
      recordSlotsFamily[s++] = v4 ? 0 : 1;
    }
    recordsA = a4.stream().mapToInt(Integer::intValue).toArray();
    recordsAaaa = a6.stream().mapToInt(Integer::intValue).toArray();
    hostsFileRecords = new int[recordsA.length + recordsAaaa.length];
    System.arraycopy(recordsA, 0, hostsFileRecords, 0, recordsA.length);
    System.arraycopy(recordsAaaa, 0, hostsFileRecords, recordsA.length, recordsAaaa.length);
    synOffsets = stack.syn().synOffsets();
    synGiveUp = stack.syn().giveUpNs();
    synWheel = stack.syn().timerHz() == SynSchedule.NO_WHEEL ? null : new SynWheel(stack.syn());
    queryA = stack.allows(Family.IPV4);
    queryAaaa = stack.allows(Family.IPV6);
    hostsFile = target.source() == NameSource.HOSTS_FILE;
    this.service = service ? new ServiceNames(topology.dns(), target.name(), index) : null;
    dnsLatencyDrawn = this.service == null
        ? Delays.drawn(topology.dns().latencyA()) || Delays.drawn(topology.dns().latencyAaaa())
        : Delays.drawn(this.service.latency(0, ServiceNames.A)) || Delays.drawn(this.service.latency(0, ServiceNames.AAAA));
    boolean failures = false;
    for (Host h : hosts) {
      failures |= h.failure() != null;
    }
    // one answer order serves every name, the origin's and those HTTPS records lead to
    clientsIndependent = topology.dns().answerOrder() != AnswerOrder.ROUND_ROBIN && !failures;
  }

  /** {@link #clientsIndependent}, for tests and benchmarks. */
  public boolean clientsIndependent() {
    return clientsIndependent;
  }

  /** True when host {@code host} answers QUIC on the family of address {@code a}. */
  boolean answersQuic(int host, int a) {
    return hosts[host].quic() && listens(host, a);
  }

  /** True when host {@code host} listens on the family of address {@code a}. */
  boolean listens(int host, int a) {
    return (listensMask[host] & (1 << families[a].ordinal())) != 0;
  }

  /**
   * The most candidates one call can hold: the target's records (DNS holds each once, and a late
   * answer adds only addresses not yet listed); with HTTPS records, every endpoint one try can
   * list ({@link Endpoints#capacity}).
   */
  int candidateCapacity() {
    if (service != null) {
      return Endpoints.capacity(service, addresses.length);
    }
    return Math.max(1, recordsA.length + recordsAaaa.length);
  }

  /** The stack this plan runs. */
  public StackConfig stack() {
    return stack;
  }

  /** The topology this plan runs in. */
  public Topology topology() {
    return topology;
  }

  /** Address number {@code i}. */
  Address address(int i) {
    return addresses[i];
  }

  /** Name of the host owning address {@code i}, or null for a stale address. */
  String hostName(int i) {
    return hostOf[i] < 0 ? null : hosts[hostOf[i]].name();
  }
}
