package org.dialsim.stats;

import org.HdrHistogram.Histogram;

/**
 * Counts over finished calls. Everything is an integer (times in nanoseconds), so tallies from
 * any number of threads merge to the same totals in any order: results are byte-identical
 * whatever {@code --threads} is.
 */
public final class Tally {
  /** Establishment times are kept to 3 significant digits (0.1 %), from 1 us to 10 days. */
  private static final long LOWEST_NS = 1_000;
  private static final long HIGHEST_NS = 10L * 24 * 3600 * 1_000_000_000L;

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
  private final Histogram establish = new Histogram(LOWEST_NS, HIGHEST_NS, 3);

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
    establish.recordValue(Math.max(LOWEST_NS, Math.min(HIGHEST_NS, establishNs)));
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
    establish.add(other.establish);
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
    return new Metrics(
        replications,
        byCall.length > 0 ? byCall[0] : Rate.of(0, 0),
        java.util.List.of(byCall),
        Rate.clustered(failed, calls, squares, replications),
        mean,
        percentile(50),
        percentile(90),
        percentile(99),
        ok == 0 ? Double.NaN : establishMaxNs / 1e9,
        calls == 0 ? Double.NaN : (double) attempts / calls,
        calls == 0 ? Double.NaN : (double) fallbackCalls / calls,
        calls == 0 ? Double.NaN : wastedNs.divide(1e9 * calls),
        calls,
        failed,
        quantiles());
  }

  private java.util.List<Metrics.Quantile> quantiles() {
    java.util.List<Metrics.Quantile> out = new java.util.ArrayList<>();
    if (establish.getTotalCount() == 0) {
      return out;
    }
    for (int p = 0; p <= 100; p++) {
      out.add(new Metrics.Quantile(p, percentile(p)));
      if (p == 99) {
        out.add(new Metrics.Quantile(99.5, percentile(99.5)));
        out.add(new Metrics.Quantile(99.9, percentile(99.9)));
      }
    }
    return out;
  }

  private double percentile(double p) {
    if (establish.getTotalCount() == 0) {
      return Double.NaN;
    }
    // the middle of the value's bucket (3 significant digits: within about 0.1 %), and never
    // outside the exact minimum and maximum (all calls at 127.025 s must not show 127.004)
    long v = establish.medianEquivalentValue(establish.getValueAtPercentile(p));
    return Math.max(establishMinNs, Math.min(establishMaxNs, v)) / 1e9;
  }
}
