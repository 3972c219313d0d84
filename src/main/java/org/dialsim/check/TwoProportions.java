package org.dialsim.check;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The two-sided two-proportion z-test, with the pooled proportion under the null hypothesis. */
public final class TwoProportions {
  /** p below this is significant. */
  public static final double ALPHA = 0.05;
  // null generator: only the cdf is used, and a generator would be seeded and allocated for nothing
  private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

  private TwoProportions() {}

  /**
   * The two-sided p-value for "x1 of n1 and x2 of n2 come from the same proportion"; NaN when a
   * side has no trials. When both sides are all failures or all successes there is no variance
   * and no evidence of a difference: p = 1.
   */
  public static double pValue(long x1, long n1, long x2, long n2) {
    if (n1 <= 0 || n2 <= 0) {
      return Double.NaN;
    }
    return pValue((double) x1 / n1, n1, (double) x2 / n2, n2);
  }

  /**
   * The same test for rates p1 and p2 worth e1 and e2 independent trials (fewer than their
   * calls when the clients of a replication share its world, as {@code Rate.clustered} says).
   */
  public static double pValue(double p1, double e1, double p2, double e2) {
    if (!(e1 > 0) || !(e2 > 0)) {
      return Double.NaN;
    }
    double pooled = (p1 * e1 + p2 * e2) / (e1 + e2);
    double variance = pooled * (1 - pooled) * (1.0 / e1 + 1.0 / e2);
    if (variance <= 0) {
      return 1;
    }
    double z = (p2 - p1) / Math.sqrt(variance);
    // 2 * cdf(-|z|) rather than 2 * (1 - cdf(|z|)): no cancellation for large |z|
    return Math.min(1, 2 * STANDARD.cumulativeProbability(-Math.abs(z)));
  }
}
