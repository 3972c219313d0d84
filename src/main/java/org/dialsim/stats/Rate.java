package org.dialsim.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A failure rate with its 95 % Wilson score interval.
 *
 * <p>Client instances of one replication share its world: a host's failures, the DNS server's
 * round-robin counter, a fault window. Their calls are not independent trials, so an interval
 * over all of them as if they were would be too narrow. Replications are independent, though:
 * {@link #clustered} estimates the rate's variance from the spread between replications (the
 * ratio estimator of cluster sampling), turns it into an effective number of independent trials
 * (Kish's design effect: n_eff = p(1 - p) / Var(p)), never more than the real number, and gives
 * the Wilson interval for that many trials. When clients are independent, n_eff is about n and
 * the interval is the plain Wilson interval.
 *
 * @param failures failed trials
 * @param trials all trials
 * @param value failures / trials (NaN without trials)
 * @param low lower end of the 95 % interval
 * @param high upper end of the 95 % interval
 * @param effectiveTrials the independent trials the interval is worth (at most {@code trials})
 */
public record Rate(long failures, long trials, double value, double low, double high, double effectiveTrials) {
  /** Confidence level of every interval dialsim reports. */
  public static final double CONFIDENCE = 0.95;

  /** z for a two-sided 95 % interval (Commons Math), 1.959963984540054. */
  public static final double Z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);

  /** The rate of {@code failures} in {@code trials} taken as independent trials. */
  public static Rate of(long failures, long trials) {
    if (trials <= 0) {
      return new Rate(0, 0, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    return wilson(failures, trials, trials);
  }

  /**
   * The rate over {@code replications} independent replications of {@code perReplication}
   * trials each, whose per-replication failure counts have squares summing to
   * {@code sumOfSquares}.
   */
  public static Rate clustered(long failures, long trials, long sumOfSquares, long replications) {
    if (trials <= 0) {
      return of(failures, trials);
    }
    double p = (double) failures / trials;
    if (replications < 2 || failures == 0 || failures == trials) {
      // nothing to estimate the spread from: treat the trials as independent
      return wilson(failures, trials, trials);
    }
    double m = (double) trials / replications;
    // sum over replications of (f_r - p m)^2 = sum f_r^2 - R m^2 p^2, for equal cluster sizes m
    double spread = sumOfSquares - replications * m * m * p * p;
    double variance = Math.max(0, spread) / (replications * (replications - 1.0) * m * m);
    double effective = variance <= 0 ? trials : Math.min(trials, p * (1 - p) / variance);
    return wilson(failures, trials, Math.max(1, effective));
  }

  /**
   * The Wilson score interval of rate failures/trials as if from {@code n} trials: the same
   * formula as Commons Math's {@code WilsonScoreInterval}, which takes whole trial counts only.
   */
  private static Rate wilson(long failures, long trials, double n) {
    double p = (double) failures / trials;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // the interval lies in [0, 1]; clamp rounding noise, and keep the point inside it
    double low = Math.min(p, Math.max(0, centre - half));
    double high = Math.max(p, Math.min(1, centre + half));
    return new Rate(failures, trials, p, low, high, n);
  }
}
