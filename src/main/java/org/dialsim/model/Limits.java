package org.dialsim.model;

/**
 * The sizes dialsim accepts, in one place: the loader refuses a scenario beyond them (exit 3),
 * the command line refuses an option beyond them (exit 2), the readers of partial results and
 * baselines refuse a file beyond them, and the model relies on them (no timer overflows). Each
 * is far above any real plan, so hitting one is a typo or a hostile file.
 */
public final class Limits {
  /** Replications of one run; a million already narrows a 95 % interval to about 0.1 %. */
  public static final int MAX_REPLICATIONS = 1_000_000;
  /** Client instances ({@code clients.count}): a pool has tens of front ends, not millions. */
  public static final int MAX_CLIENTS = 100_000;
  /** Calls per client ({@code calls.per_client}). */
  public static final int MAX_CALLS_PER_CLIENT = 10_000;
  /**
   * Calls one run may simulate over all points, configurations, replications and clients:
   * beyond this a run takes hours, which is a typo far more often than a plan.
   */
  public static final long MAX_CALLS = 2_000_000_000L;
  /** Points of one sweep grid; each point runs every configuration. */
  public static final int MAX_SWEEP_POINTS = 10_000;
  /**
   * Retransmitted SYNs of one attempt ({@code syn.retries}, {@code syn.linear_first}): beyond 30
   * the back-off reaches 2^30 initial RTOs (decades) and would overflow timers.
   */
  public static final int MAX_SYN_RETRIES = 30;
  /** Application retries of a failed call ({@code call_retries.max}). */
  public static final int MAX_CALL_RETRIES = 100;
  /** RFC 8305 First Address Family Count ({@code interleave}). */
  public static final int MAX_INTERLEAVE = 100;
  /** Simultaneous attempts ({@code max_concurrent}). */
  public static final int MAX_CONCURRENT = 1000;

  /** Worker threads of one run ({@code --threads}); beyond this is a usage error. */
  public static final int MAX_THREADS = 1024;
  /**
   * Shards of one sharded run ({@code --shard i/n}, {@code --shards}); beyond this is a usage
   * error. Kubernetes allows 100 000 completions of an Indexed Job.
   */
  public static final int MAX_SHARDS = 1_000_000;

  /** Largest scenario file accepted: 1 MiB, far above any hand-written scenario. */
  public static final int MAX_FILE_BYTES = 1 << 20;
  /** Deepest nesting of a scenario file; real scenarios need about 6 levels. */
  public static final int MAX_DEPTH = 64;
  /** Longest key of a scenario file, in characters; real keys are a few dozen. */
  public static final int MAX_KEY_CHARS = 1024;
  /** Aliases ({@code *name}) one scenario file may use. */
  public static final int MAX_ALIASES = 1000;
  /**
   * Values (map entries, list items, scalars) one file may expand to once aliases are
   * replaced: a billion-laughs file multiplies them, a real file has a few hundred.
   */
  public static final int MAX_EXPANDED_VALUES = 100_000;

  /** Largest partial result {@code merge} reads: larger than any real part; refuses a wrong file before reading it all. */
  public static final long MAX_PART_BYTES = 1L << 30;
  /** Largest results.json {@code check --baseline} reads, for the same reason. */
  public static final long MAX_BASELINE_BYTES = 256L << 20;

  private Limits() {}
}
