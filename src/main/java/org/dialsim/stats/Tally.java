package org.dialsim.stats;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts over finished calls. Everything is an integer (times in nanoseconds), so tallies from
 * any number of threads, or of any number of shards, merge to the same totals in any order:
 * results are byte-identical whatever {@code --threads} or {@code --shard} is.
 */
public final class Tally {
  /**
   * The percentiles of {@link Metrics#establishQuantiles()}, in tenths of a percent: 0, 1, 2 ...
   * 99, 99.5, 99.9, 100 %. p50, p90 and p99 are among them.
   */
  private static final int[] QUANTILES_PER_MILLE = quantilesPerMille();

  private final long[] callsByIndex;
  private final long[] failuresByIndex;
  // per replication, for the spread between replications (see Rate.clustered)
  private final long[] replicationFailuresByIndex;
  private long replicationFailures;
  private final long[] squaresByIndex;
  private long squares;
  private long calls;
  private long failed;
  private long attempts;
  private long fallbackCalls;
  private final ExactSum wastedNs = new ExactSum();
  private final ExactSum establishSumNs = new ExactSum();
  private long establishMaxNs;
  private long establishMinNs = Long.MAX_VALUE;
  private long replications;
  private final MillisHistogram establish = new MillisHistogram();

  /** A tally for clients that make {@code callsPerClient} calls each. */
  public Tally(int callsPerClient) {
    callsByIndex = new long[callsPerClient];
    failuresByIndex = new long[callsPerClient];
    replicationFailuresByIndex = new long[callsPerClient];
    squaresByIndex = new long[callsPerClient];
  }

  /** Adds one finished call (same arguments as {@code CallSink.call}). */
  public void call(int client, int index, boolean connected, long establishNs, int attemptCount, long wasted) {
    calls++;
    callsByIndex[index]++;
    attempts += attemptCount;
    wastedNs.add(wasted);
    if (attemptCount > 1) {
      fallbackCalls++;
    }
    if (!connected) {
      failed++;
      failuresByIndex[index]++;
      replicationFailures++;
      replicationFailuresByIndex[index]++;
      return;
    }
    establishSumNs.add(establishNs);
    establishMaxNs = Math.max(establishMaxNs, establishNs);
    establishMinNs = Math.min(establishMinNs, establishNs);
    establish.record(establishNs);
  }

  /** Counts one finished replication: every call of it must have been added. */
  public void replicationDone() {
    replications++;
    squares += replicationFailures * replicationFailures;
    replicationFailures = 0;
    for (int i = 0; i < squaresByIndex.length; i++) {
      squaresByIndex[i] += replicationFailuresByIndex[i] * replicationFailuresByIndex[i];
      replicationFailuresByIndex[i] = 0;
    }
  }

  /**
   * Adds the calls of a part of the replication under way, counted by {@code part} (whose own
   * replication is not closed with {@link #replicationDone}): this tally's replication then holds
   * them as if it had counted them itself, so the spread between replications comes out the same
   * however a replication was split (by clients, over threads).
   */
  public void mergePart(Tally part) {
    if (part.replications != 0) {
      throw new IllegalArgumentException("a part is one open replication's calls, and this tally has closed "
          + part.replications + " replications");
    }
    if (part.replicationFailures != part.failed) {
      throw new IllegalArgumentException("a part is one open replication's calls, and this tally holds calls merged "
          + "from other tallies (" + part.failed + " failed, " + part.replicationFailures + " in its open replication)");
    }
    merge(part);
    replicationFailures += part.replicationFailures;
    for (int i = 0; i < replicationFailuresByIndex.length; i++) {
      replicationFailuresByIndex[i] += part.replicationFailuresByIndex[i];
    }
  }

  /** Adds another tally into this one. */
  public void merge(Tally other) {
    for (int i = 0; i < callsByIndex.length; i++) {
      callsByIndex[i] += other.callsByIndex[i];
      failuresByIndex[i] += other.failuresByIndex[i];
      squaresByIndex[i] += other.squaresByIndex[i];
    }
    squares += other.squares;
    calls += other.calls;
    failed += other.failed;
    attempts += other.attempts;
    fallbackCalls += other.fallbackCalls;
    wastedNs.add(other.wastedNs);
    establishSumNs.add(other.establishSumNs);
    establishMaxNs = Math.max(establishMaxNs, other.establishMaxNs);
    establishMinNs = Math.min(establishMinNs, other.establishMinNs);
    replications += other.replications;
    establish.merge(other.establish);
  }

  /**
   * Everything a tally has counted, as integers: what a partial result writes out and reads
   * back, so tallies of separate processes merge exactly as those of threads do. Taken between
   * replications. Arrays are indexed by call (0 = first call); {@code establishMs} is
   * {@link MillisHistogram#buckets()}.
   *
   * @param callsByIndex calls made, by call index
   * @param failuresByIndex calls that failed, by call index
   * @param squaresByIndex sum over replications of (that replication's failures)^2, by call index
   * @param squares the same over all calls
   * @param calls calls made
   * @param failed calls that failed
   * @param attempts connection attempts
   * @param fallbackCalls calls that needed more than one attempt
   * @param wastedNs nanoseconds spent in attempts that did not connect
   * @param establishSumNs nanoseconds to establish, summed over successful calls
   * @param establishMinNs the fastest successful call ({@link Long#MAX_VALUE} when none)
   * @param establishMaxNs the slowest successful call (0 when none)
   * @param replications replications finished
   * @param establishMs successful calls by establishment time in whole milliseconds, as pairs
   */
  public record Counts(
      long[] callsByIndex,
      long[] failuresByIndex,
      long[] squaresByIndex,
      long squares,
      long calls,
      long failed,
      long attempts,
      long fallbackCalls,
      BigInteger wastedNs,
      BigInteger establishSumNs,
      long establishMinNs,
      long establishMaxNs,
      long replications,
      long[] establishMs) {}

  /** What this tally has counted. */
  public Counts counts() {
    return new Counts(callsByIndex.clone(), failuresByIndex.clone(), squaresByIndex.clone(), squares, calls, failed, attempts,
        fallbackCalls, wastedNs.value(), establishSumNs.value(), establishMinNs, establishMaxNs, replications,
        establish.buckets());
  }

  /** A tally holding {@code c}, as if its calls had been added here. */
  public static Tally of(Counts c) {
    int n = c.callsByIndex().length;
    if (c.failuresByIndex().length != n || c.squaresByIndex().length != n) {
      throw new IllegalArgumentException("the by-call counts have different lengths");
    }
    Tally t = new Tally(n);
    System.arraycopy(c.callsByIndex(), 0, t.callsByIndex, 0, n);
    System.arraycopy(c.failuresByIndex(), 0, t.failuresByIndex, 0, n);
    System.arraycopy(c.squaresByIndex(), 0, t.squaresByIndex, 0, n);
    t.squares = c.squares();
    t.calls = c.calls();
    t.failed = c.failed();
    t.attempts = c.attempts();
    t.fallbackCalls = c.fallbackCalls();
    t.wastedNs.add(ExactSum.of(c.wastedNs()));
    t.establishSumNs.add(ExactSum.of(c.establishSumNs()));
    t.establishMinNs = c.establishMinNs();
    t.establishMaxNs = c.establishMaxNs();
    t.replications = c.replications();
    t.establish.merge(MillisHistogram.of(c.establishMs()));
    return t;
  }

  /** Calls tallied. */
  public long calls() {
    return calls;
  }

  /** Failed calls tallied. */
  public long failed() {
    return failed;
  }

  /** The SPEC 3 metrics of this tally. */
  public Metrics metrics() {
    Rate[] byCall = new Rate[callsByIndex.length];
    for (int i = 0; i < byCall.length; i++) {
      byCall[i] = Rate.clustered(failuresByIndex[i], callsByIndex[i], squaresByIndex[i], replications);
    }
    long ok = calls - failed;
    double mean = ok == 0 ? Double.NaN : establishSumNs.divide(1e9 * ok);
    List<Metrics.Quantile> quantiles = quantiles();
    return new Metrics(
        replications,
        byCall.length > 0 ? byCall[0] : Rate.of(0, 0),
        List.of(byCall),
        Rate.clustered(failed, calls, squares, replications),
        mean,
        at(quantiles, 50),
        at(quantiles, 90),
        at(quantiles, 99),
        ok == 0 ? Double.NaN : establishMaxNs / 1e9,
        calls == 0 ? Double.NaN : (double) attempts / calls,
        calls == 0 ? Double.NaN : (double) fallbackCalls / calls,
        calls == 0 ? Double.NaN : wastedNs.divide(1e9 * calls),
        calls,
        failed,
        quantiles);
  }

  /**
   * Establishment time at each of {@link #QUANTILES_PER_MILLE}: the nearest-rank percentile
   * rounded to the millisecond (exact: see {@link MillisHistogram}), moved to the exact minimum
   * or maximum where rounding took it past them (all calls at 21.0204 s give 21.0204, not
   * 21.020; one at 21.0206 s does not show 21.021). Either way it prints to the same
   * millisecond. Empty without a successful call.
   */
  private List<Metrics.Quantile> quantiles() {
    long[] ms = establish.atPerMille(QUANTILES_PER_MILLE);
    List<Metrics.Quantile> out = new ArrayList<>();
    for (int i = 0; i < ms.length; i++) {
      long ns = ms[i] > Long.MAX_VALUE / MillisHistogram.RESOLUTION_NS ? Long.MAX_VALUE : ms[i] * MillisHistogram.RESOLUTION_NS;
      long clamped = Math.max(establishMinNs, Math.min(establishMaxNs, ns));
      out.add(new Metrics.Quantile(QUANTILES_PER_MILLE[i] / 10.0, clamped / 1e9));
    }
    return out;
  }

  private static double at(List<Metrics.Quantile> quantiles, double percentile) {
    for (Metrics.Quantile q : quantiles) {
      if (q.percentile() == percentile) {
        return q.seconds();
      }
    }
    return Double.NaN;
  }

  private static int[] quantilesPerMille() {
    int[] out = new int[103];
    int n = 0;
    for (int p = 0; p <= 100; p++) {
      out[n++] = p * 10;
      if (p == 99) {
        out[n++] = 995;
        out[n++] = 999;
      }
    }
    return out;
  }
}
