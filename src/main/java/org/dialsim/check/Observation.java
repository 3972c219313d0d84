package org.dialsim.check;

/**
 * One metric's value in one result row, with the counts behind it when it is a rate (what a
 * two-proportion test needs).
 *
 * @param value the value; NaN when there was nothing to measure
 * @param failures failed trials of a rate, or -1 for a metric that is not a rate
 * @param trials trials of a rate, or -1
 * @param effectiveTrials the independent trials the rate is worth (clients of one replication
 *     share its world; see {@code Rate.clustered}); equals {@code trials} when unknown
 */
public record Observation(double value, long failures, long trials, double effectiveTrials) {
  /** A rate whose trials are taken as independent. */
  public Observation(double value, long failures, long trials) {
    this(value, failures, trials, trials);
  }

  /** A metric without counts. */
  public static Observation scalar(double value) {
    return new Observation(value, -1, -1, -1);
  }

  /** True when the counts are known. */
  public boolean isRate() {
    return trials >= 0;
  }
}
