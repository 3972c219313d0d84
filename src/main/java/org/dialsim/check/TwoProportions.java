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
    double p1 = (double) x1 / n1;
    double p2 = (double) x2 / n2;
    double pooled = (double) (x1 + x2) / (n1 + n2);
    double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
    if (variance <= 0) {
      return 1;
    }
    double z = (p2 - p1) / Math.sqrt(variance);
    // 2 * cdf(-|z|) rather than 2 * (1 - cdf(|z|)): no cancellation for large |z|
    return Math.min(1, 2 * STANDARD.cumulativeProbability(-Math.abs(z)));
  }
}
