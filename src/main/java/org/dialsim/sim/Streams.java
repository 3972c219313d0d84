package org.dialsim.sim;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Derives independent random streams from (scenario seed, replication, entity, purpose).
 *
 * <p>The same tuple gives the same stream in every configuration and sweep point, so two
 * configurations are compared on the same RTTs, losses, DNS orders, arrivals and failures
 * (common random numbers). The tuple is hashed with SplitMix64's finaliser into a 128-bit seed
 * for XoRoShiRo128++ (Commons RNG); nothing depends on thread scheduling.
 */
public final class Streams {
  /**
   * Purposes, one stream each per entity. Each has a fixed code that enters the stream's hash, so
   * adding a purpose never moves another purpose's draws (the first seven codes are their old
   * ordinal + 1, which keeps every earlier stream as it was).
   */
  public enum Purpose {
    /** Per (client, address): one RTT and two loss draws per SYN sent. */
    PATH(1),
    /** Per client: call start times. */
    ARRIVALS(2),
    /** Per client: DNS answer latencies. */
    DNS_LATENCY(3),
    /** Per (client, name): a random answer order. */
    DNS_ORDER(4),
    /** Per client: {@code order: shuffle}. */
    SHUFFLE(5),
    /** Per host: random failures. */
    FAILURE(6),
    /** Per name: the server's round-robin starting offset. */
    ROUND_ROBIN(7),
    /** Per client: the phase of its kernel's jiffies clock ({@code syn.timer_hz}). */
    CLOCK(8),
    /** Per client: HTTPS answer latencies, and the A/AAAA latencies and orders of names other than the origin. */
    SERVICE_DNS(9),
    /** Per client: the shuffle of HTTPS records of equal SvcPriority. */
    SVCB_SHUFFLE(10),
    /** Per (client, address): one RTT and two loss draws per datagram of each QUIC Initial. */
    QUIC_PATH(11);

    private final long code;

    Purpose(long code) {
      this.code = code;
    }
  }

  private final long seed;

  /** Streams rooted at a scenario seed. */
  public Streams(long seed) {
    this.seed = seed;
  }

  /** A new stream for one (replication, purpose, entity, sub-entity) tuple. */
  public UniformRandomProvider stream(int replication, Purpose purpose, int entity, int sub) {
    RandomStream s = new RandomStream(this, purpose, entity, sub);
    seed(s, replication, purpose, entity, sub);
    return s;
  }

  /** Points {@code s} at the stream of one tuple. */
  void seed(RandomStream s, int replication, Purpose purpose, int entity, int sub) {
    long h = first(replication, purpose, entity, sub);
    s.reseed(h, second(h));
  }

  /**
   * Writes the generator state of one tuple's stream at {@code words[at]}: the two state words,
   * then an empty cached half-word (see {@link StreamBank}).
   */
  void seed(long[] words, int at, int replication, Purpose purpose, int entity, int sub) {
    long h = first(replication, purpose, entity, sub);
    words[at] = h;
    words[at + 1] = second(h);
    words[at + 2] = -1;
  }

  private long first(int replication, Purpose purpose, int entity, int sub) {
    long h = mix(seed ^ 0x6a09e667f3bcc909L);
    h = mix(h ^ replication);
    h = mix(h ^ purpose.code * 0x9e3779b97f4a7c15L);
    h = mix(h ^ entity);
    return mix(h ^ ((long) sub << 32));
  }

  /** The second state word; never zero together with the first (XoRoShiRo's one bad state). */
  private static long second(long h) {
    long h2 = mix(h ^ 0xbb67ae8584caa73bL);
    return h2 == 0 && h == 0 ? 1 : h2;
  }

  /** SplitMix64's output function (Steele, Lea and Flood 2014): a bijective 64-bit mixer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
