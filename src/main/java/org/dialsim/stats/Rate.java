package org.dialsim.stats;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A failure rate with its 95 % Wilson score interval.
 *
 * @param failures failed trials
 * @param trials all trials
 * @param value failures / trials (NaN without trials)
 * @param low lower end of the 95 % interval
 * @param high upper end of the 95 % interval
 */
public record Rate(long failures, long trials, double value, double low, double high) {
  /** Confidence level of every interval dialsim reports. */
  public static final double CONFIDENCE = 0.95;

  /** The rate of {@code failures} in {@code trials}, with its Wilson interval (Commons Math). */
  public static Rate of(long failures, long trials) {
    if (trials <= 0) {
      return new Rate(0, 0, Double.NaN, Double.NaN, Double.NaN);
    }
    if (trials > Integer.MAX_VALUE) {
      // Commons Math takes int counts; scale both down, which keeps the rate and (to within
      // rounding) an interval that is already far narrower than any reported digit
      double f = (double) Integer.MAX_VALUE / trials;
      return withValue(of(Math.round(failures * f), Integer.MAX_VALUE), failures, trials);
    }
    ConfidenceInterval ci = new WilsonScoreInterval().createInterval((int) trials, (int) failures, CONFIDENCE);
    double value = (double) failures / trials;
    // the Wilson interval lies in [0, 1]; clamp rounding noise, and keep the point inside it
    double low = Math.min(value, Math.max(0, ci.getLowerBound()));
    double high = Math.max(value, Math.min(1, ci.getUpperBound()));
    return new Rate(failures, trials, value, low, high);
  }

  private static Rate withValue(Rate scaled, long failures, long trials) {
    return new Rate(failures, trials, (double) failures / trials, scaled.low(), scaled.high());
  }
}
