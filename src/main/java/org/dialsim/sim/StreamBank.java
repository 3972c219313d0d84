package org.dialsim.sim;

import org.dialsim.model.Address;

/**
 * The random streams of every client of a world, in one primitive array: each client's streams
 * (arrivals, DNS latency, DNS order, shuffle, then one per address) lie side by side, four words
 * each: XoRoShiRo128++'s two state words, the cached half-word {@code nextInt} keeps, and the run
 * the stream was seeded for. A call then reads its client's streams from a few adjacent cache
 * lines instead of chasing a dozen objects per client across the heap, which is what bounded the
 * simulation's speed with tens of thousands of clients.
 *
 * <p>A stream is seeded for a replication the first time it is used in a run, from the same
 * (seed, replication, purpose, entity, sub-entity) hash as {@link Streams}, so it draws exactly
 * what a {@link RandomStream} of that tuple draws. {@link Cursor} reads and advances one stream.
 */
final class StreamBank {
  /** A client's stream of call start times. */
  static final int ARRIVALS = 0;
  /** A client's stream of DNS answer latencies. */
  static final int DNS_LATENCY = 1;
  /** A client's stream of random DNS answer orders. */
  static final int DNS_ORDER = 2;
  /** A client's stream for {@code order: shuffle}. */
  static final int SHUFFLE = 3;
  /** A client's stream of RTTs and losses to address 0; address {@code a} is {@code PATH + a}. */
  static final int PATH = 4;

  static final int WORDS = 4;
  private static final Streams.Purpose[] PURPOSES = {
    Streams.Purpose.ARRIVALS, Streams.Purpose.DNS_LATENCY, Streams.Purpose.DNS_ORDER, Streams.Purpose.SHUFFLE};

  final long[] words;
  private final Streams root;
  private final int streamsPerClient;
  private final int[] pathKey; // the sub-entity of each address's path stream
  /** A stack that queries HTTPS records has three more kinds after the path streams; else -1. */
  private final int serviceDns;

  /** Streams for {@code clients} clients and the plan's addresses. */
  StreamBank(Streams root, int clients, Address[] addresses) {
    this(root, clients, addresses, false);
  }

  /**
   * Streams for {@code clients} clients and the plan's addresses; with {@code service}, also
   * each client's HTTPS streams ({@link #serviceDns()}, {@link #svcbShuffle()}) and one QUIC
   * stream per address ({@link #quicPath(int)}), laid after the path streams so the others keep
   * their places.
   */
  StreamBank(Streams root, int clients, Address[] addresses, boolean service) {
    this.root = root;
    this.serviceDns = service ? PATH + addresses.length : -1;
    this.streamsPerClient = PATH + addresses.length + (service ? 2 + addresses.length : 0);
    this.words = new long[Math.multiplyExact(Math.multiplyExact(clients, streamsPerClient), WORDS)];
    this.pathKey = new int[addresses.length];
    for (int a = 0; a < addresses.length; a++) {
      // keyed by the address's text, not its number, so adding a host elsewhere in a sweep
      // or a configuration does not move this path's draws
      pathKey[a] = addresses[a].hashCode();
    }
    for (int i = 3; i < words.length; i += WORDS) {
      words[i] = -1; // seeded for no run yet
    }
  }

  /** The bytes of the streams' words. */
  long bytes() {
    return 8L * words.length;
  }

  /**
   * Where stream {@code stream} of {@code client} starts in {@link #words}, seeding it for
   * {@code replication} if run {@code run} has not used it yet.
   */
  int use(int client, int stream, int replication, int run) {
    int at = (client * streamsPerClient + stream) * WORDS;
    if (words[at + 3] != run) {
      if (stream < PATH) {
        root.seed(words, at, replication, PURPOSES[stream], client, 0);
      } else if (serviceDns < 0 || stream < serviceDns) {
        root.seed(words, at, replication, Streams.Purpose.PATH, client, pathKey[stream - PATH]);
      } else if (stream == serviceDns) {
        root.seed(words, at, replication, Streams.Purpose.SERVICE_DNS, client, 0);
      } else if (stream == serviceDns + 1) {
        root.seed(words, at, replication, Streams.Purpose.SVCB_SHUFFLE, client, 0);
      } else {
        root.seed(words, at, replication, Streams.Purpose.QUIC_PATH, client, pathKey[stream - serviceDns - 2]);
      }
      words[at + 3] = run;
    }
    return at;
  }

  /**
   * Reads one word of each cache line of {@code client}'s streams and returns their sum, which
   * means nothing: the reads are independent, so the processor fetches the lines side by side
   * (memory-level parallelism) instead of one after the other as the call's draws reach them.
   */
  long touch(int client) {
    int from = client * streamsPerClient * WORDS;
    int to = from + streamsPerClient * WORDS;
    long sum = 0;
    for (int i = from; i < to; i += 8) {
      sum += words[i];
    }
    return sum + words[to - 1]; // the array's header shifts the rows, so the last line is one more
  }

  /** A client's stream of HTTPS latencies (a stack that queries HTTPS records only). */
  int serviceDns() {
    return serviceDns;
  }

  /** A client's stream for shuffling equal SvcPriorities. */
  int svcbShuffle() {
    return serviceDns + 1;
  }

  /** A client's QUIC stream to address {@code a}. */
  int quicPath(int a) {
    return serviceDns + 2 + a;
  }

  /**
   * Draws from one stream of the bank: {@link #at} picks it, then every draw is Commons RNG's
   * own (the interface's {@code nextDouble}, {@code nextInt(n)} and the samplers built on it)
   * over the two generator methods below, which are XoRoShiRo128++ (Blackman and Vigna,
   * "Scrambled linear pseudorandom number generators", 2021) and {@code LongProvider}'s cached
   * {@code nextInt} exactly as in {@code XoRoShiRo128PlusPlus}; a test checks them draw for draw
   * against the library. The library's generator keeps its state in its own fields, which is
   * what this class exists to avoid.
   */
  static final class Cursor implements org.apache.commons.rng.UniformRandomProvider {
    private final long[] w;
    private int at;

    Cursor(StreamBank bank) {
      this.w = bank.words;
    }

    /** Draws from the stream starting at {@code index} from now on. */
    Cursor at(int index) {
      at = index;
      return this;
    }

    @Override
    public long nextLong() {
      long s0 = w[at];
      long s1 = w[at + 1];
      long result = Long.rotateLeft(s0 + s1, 17) + s0;
      s1 ^= s0;
      w[at] = Long.rotateLeft(s0, 49) ^ s1 ^ (s1 << 21);
      w[at + 1] = Long.rotateLeft(s1, 28);
      return result;
    }

    @Override
    public int nextInt() {
      long bits = w[at + 2];
      if (bits < 0) {
        bits = nextLong();
        w[at + 2] = bits >>> 32; // the upper half is the next nextInt()
        return (int) bits;
      }
      w[at + 2] = -1;
      return (int) bits;
    }
  }
}
