package org.dialsim.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.dialsim.model.Workload;

/**
 * The draws a world makes for its clients: when each call starts, DNS answer latencies and
 * orders, {@code order: shuffle}, and each attempt's RTTs and losses. Every client has its own
 * stream per purpose (and per address for paths), so the same replication draws the same values
 * in every configuration (common random numbers); the streams live in one {@link StreamBank}.
 */
final class ClientStreams {
  private final StreamBank bank;
  private final Workload workload;
  private final StreamBank.Cursor arrivals;
  private final ZigguratSampler.Exponential gaps; // null for fixed spacing
  private final StreamBank.Cursor dnsLatency;
  private final ZigguratSampler.NormalizedGaussian dnsGauss;
  private final StreamBank.Cursor dnsOrder;
  private final StreamBank.Cursor shuffle;
  private final StreamBank.Cursor path;
  private final ZigguratSampler.NormalizedGaussian pathGauss;
  private final StreamBank.Cursor service;
  private final StreamBank.Cursor svcb;
  private final ZigguratSampler.NormalizedGaussian serviceGauss;
  private final Streams root;
  private final RandomStream clock; // with syn.timer_hz only, as the two arrays below
  private final long[] clockOrigin;
  private final int[] clockRun;
  private int replication;
  private int run;

  /**
   * Clock phases are uniform over 8^8 x 30 s: a whole number of repeats of every timer-wheel
   * level (the last level's granularity is 8^8 jiffies) at every CONFIG_HZ (100, 250, 300, 1000),
   * so the phase is uniform whatever the schedule, and one client has one clock in every
   * configuration.
   */
  static final long CLOCK_SPAN_NS = (1L << 24) * 30 * org.dialsim.engine.Time.S;

  ClientStreams(Plan plan, Streams root) {
    this.workload = plan.topology.workload();
    this.bank = new StreamBank(root, workload.clients(), plan.addresses, plan.service != null);
    this.arrivals = new StreamBank.Cursor(bank);
    this.gaps = workload.exponential() ? ZigguratSampler.Exponential.of(arrivals, workload.intervalNs()) : null;
    this.dnsLatency = new StreamBank.Cursor(bank);
    this.dnsGauss = ZigguratSampler.NormalizedGaussian.of(dnsLatency);
    this.dnsOrder = new StreamBank.Cursor(bank);
    this.shuffle = new StreamBank.Cursor(bank);
    this.path = new StreamBank.Cursor(bank);
    this.pathGauss = ZigguratSampler.NormalizedGaussian.of(path);
    this.service = new StreamBank.Cursor(bank);
    this.svcb = new StreamBank.Cursor(bank);
    this.serviceGauss = ZigguratSampler.NormalizedGaussian.of(service);
    this.root = root;
    boolean wheel = plan.synWheel != null;
    this.clock = wheel ? new RandomStream(root, Streams.Purpose.CLOCK, 0, 0) : null;
    this.clockOrigin = wheel ? new long[workload.clients()] : null;
    this.clockRun = wheel ? new int[workload.clients()] : null;
    if (wheel) {
      java.util.Arrays.fill(clockRun, -1);
    }
  }

  /** The bytes of every client's streams (and jiffies clocks). */
  long bytes() {
    return bank.bytes() + (clockOrigin == null ? 0 : 12L * clockOrigin.length);
  }

  /** Draws for replication {@code r}, run number {@code runNumber} of the world, from now on. */
  void start(int r, int runNumber) {
    replication = r;
    run = runNumber;
  }

  /** When {@code client}'s first call starts: at once, or uniform in [0, spread). */
  long firstCallAt(int client) {
    long spread = workload.startSpreadNs();
    if (spread <= 0) {
      return 0;
    }
    return (long) (use(arrivals, client, StreamBank.ARRIVALS).nextDouble() * spread);
  }

  /** The spacing to {@code client}'s next call: fixed, or drawn from the exponential. */
  long gapToNextCall(int client) {
    if (gaps == null) {
      return workload.intervalNs();
    }
    use(arrivals, client, StreamBank.ARRIVALS);
    return Math.round(gaps.sample());
  }

  /** The normal deviate behind one of {@code client}'s DNS answer latencies. */
  double dnsDeviate(int client) {
    use(dnsLatency, client, StreamBank.DNS_LATENCY);
    return dnsGauss.sample();
  }

  /** Fetches {@code client}'s streams into cache ahead of the draws: {@link StreamBank#touch}. */
  long touch(int client) {
    return bank.touch(client);
  }

  /** {@code client}'s stream for {@code answer_order: random}. */
  UniformRandomProvider dnsOrder(int client) {
    return use(dnsOrder, client, StreamBank.DNS_ORDER);
  }

  /** {@code client}'s stream for {@code order: shuffle}. */
  UniformRandomProvider shuffle(int client) {
    return use(shuffle, client, StreamBank.SHUFFLE);
  }

  /**
   * {@code client}'s RTT-and-loss stream to address {@code a}; {@link #pathDeviates()} then
   * draws its normal deviates. Valid until the next call of this method.
   */
  UniformRandomProvider path(int client, int a) {
    return use(path, client, StreamBank.PATH + a);
  }

  /**
   * The normal deviate behind one of {@code client}'s HTTPS latencies, or a latency of a name
   * other than the origin: a stream of its own, so the origin's A/AAAA latencies are drawn as a
   * stack that does not query HTTPS draws them.
   */
  double serviceDnsDeviate(int client) {
    use(service, client, bank.serviceDns());
    return serviceGauss.sample();
  }

  /** {@code client}'s stream for random answer orders of names other than the origin. */
  UniformRandomProvider serviceDnsOrder(int client) {
    return use(service, client, bank.serviceDns());
  }

  /** {@code client}'s stream for shuffling HTTPS records of equal SvcPriority. */
  UniformRandomProvider svcbShuffle(int client) {
    return use(svcb, client, bank.svcbShuffle());
  }

  /**
   * {@code client}'s QUIC stream to address {@code a}; {@link #pathDeviates()} then draws its
   * normal deviates. Valid until the next call of this method or {@link #path}.
   */
  UniformRandomProvider quicPath(int client, int a) {
    return use(path, client, bank.quicPath(a));
  }

  /** The normal deviates of the path stream {@link #path} last selected. */
  ZigguratSampler.NormalizedGaussian pathDeviates() {
    return pathGauss;
  }

  /**
   * The phase of {@code client}'s kernel jiffies clock in this run (its tick 0 fell at minus
   * this), one draw per client and run from its own stream (purpose CLOCK), so no other draw
   * moves when a timer wheel is modelled. The machine has been up long enough that the jiffies
   * counter's value is as good as uniform.
   */
  long clockOrigin(int client) {
    if (clockRun[client] != run) {
      clockRun[client] = run;
      root.seed(clock, replication, Streams.Purpose.CLOCK, client, 0);
      clockOrigin[client] = (long) (clock.nextDouble() * CLOCK_SPAN_NS);
    }
    return clockOrigin[client];
  }

  private StreamBank.Cursor use(StreamBank.Cursor cursor, int client, int stream) {
    return cursor.at(bank.use(client, stream, replication, run));
  }
}
