package org.dialsim.sim;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.dialsim.dns.Cache;
import org.dialsim.stack.Recall;

/**
 * A client instance: its DNS cache, what it remembers, and its random streams. Built once per
 * world and made cold again for every replication ({@link #reset}); its streams are seeded for
 * the replication on first use, so a client that never draws from one costs nothing.
 */
final class Client {
  final int id;
  final Cache cache;
  final Recall recall;
  /** The call this client makes next, from 0. */
  int nextCall;
  private final Plan plan;
  private final Streams streams;
  private final RandomStream arrivals;
  private final ZigguratSampler.Exponential gaps; // null for fixed spacing
  private final RandomStream dnsLatency;
  private final ZigguratSampler.NormalizedGaussian dnsGauss;
  private final RandomStream dnsOrder;
  private final RandomStream shuffle;
  private final RandomStream[] paths; // by address number, built on first use
  private final ZigguratSampler.NormalizedGaussian[] pathGauss;
  private int replication;
  private int run;

  Client(int id, Plan plan, Streams streams) {
    this.id = id;
    this.plan = plan;
    this.streams = streams;
    this.cache = new Cache(plan.recordsA.length, plan.recordsAaaa.length);
    this.recall = new Recall(plan.stack.memory(), plan.addresses.length);
    this.arrivals = new RandomStream(streams, Streams.Purpose.ARRIVALS, id, 0);
    this.gaps = plan.topology.workload().exponential()
        ? ZigguratSampler.Exponential.of(arrivals, plan.topology.workload().intervalNs()) : null;
    this.dnsLatency = new RandomStream(streams, Streams.Purpose.DNS_LATENCY, id, 0);
    this.dnsGauss = ZigguratSampler.NormalizedGaussian.of(dnsLatency);
    this.dnsOrder = new RandomStream(streams, Streams.Purpose.DNS_ORDER, id, 0);
    this.shuffle = new RandomStream(streams, Streams.Purpose.SHUFFLE, id, 0);
    this.paths = new RandomStream[plan.addresses.length];
    this.pathGauss = new ZigguratSampler.NormalizedGaussian[plan.addresses.length];
  }

  /** A cold client for replication {@code r} (run number {@code runNumber} of its world). */
  void reset(int r, int runNumber) {
    replication = r;
    run = runNumber;
    nextCall = 0;
    cache.clear();
    recall.reset();
  }

  /** When the first call starts: at once, or uniform in [0, spread). */
  long firstCallAt() {
    long spread = plan.topology.workload().startSpreadNs();
    return spread > 0 ? (long) (arrivals.in(replication, run).nextDouble() * spread) : 0;
  }

  /** The spacing to the next call: fixed, or drawn from the exponential. */
  long gapToNextCall() {
    if (gaps == null) {
      return plan.topology.workload().intervalNs();
    }
    arrivals.in(replication, run);
    return Math.round(gaps.sample());
  }

  /** The normal deviate behind one DNS answer's latency. */
  double dnsDeviate() {
    dnsLatency.in(replication, run);
    return dnsGauss.sample();
  }

  /** The stream for {@code answer_order: random}. */
  RandomStream dnsOrder() {
    return dnsOrder.in(replication, run);
  }

  /** The stream for {@code order: shuffle}. */
  RandomStream shuffle() {
    return shuffle.in(replication, run);
  }

  /** The RTT-and-loss stream to address {@code a}. */
  RandomStream path(int a) {
    RandomStream p = paths[a];
    if (p == null) {
      // keyed by the address's text, not its number, so adding a host elsewhere in a sweep
      // or a configuration does not move this path's draws
      p = new RandomStream(streams, Streams.Purpose.PATH, id, plan.addresses[a].hashCode());
      paths[a] = p;
      pathGauss[a] = ZigguratSampler.NormalizedGaussian.of(p);
    }
    return p.in(replication, run);
  }

  /** The normal deviates of the stream to address {@code a}; call {@link #path} first. */
  ZigguratSampler.NormalizedGaussian pathGauss(int a) {
    return pathGauss[a];
  }
}
