package org.dialsim.stats;

import java.util.List;

/**
 * The SPEC 3 metrics of one configuration at one sweep point. Times are seconds; NaN where
 * there is nothing to measure (no successful call).
 *
 * @param replications replications run
 * @param firstCall share of client instances whose first call failed
 * @param byCall the same for call 1, 2, 3 ... (index 0 = first call)
 * @param call over all calls
 * @param establishMean mean establishment time of successful calls
 * @param establishP50 median
 * @param establishP90 90th percentile
 * @param establishP99 99th percentile
 * @param establishMax maximum
 * @param attemptsMean connection attempts per call
 * @param fallbackShare share of calls that needed more than one attempt
 * @param wastedMean seconds per call spent in attempts that did not connect
 * @param calls calls made
 * @param failedCalls calls that failed
 * @param establishQuantiles the distribution of establishment time of successful calls: the
 *     time (seconds) at percentiles 0, 1, 2 ... 100 and 99.5, 99.9, in increasing order
 */
public record Metrics(
    long replications,
    Rate firstCall,
    List<Rate> byCall,
    Rate call,
    double establishMean,
    double establishP50,
    double establishP90,
    double establishP99,
    double establishMax,
    double attemptsMean,
    double fallbackShare,
    double wastedMean,
    long calls,
    long failedCalls,
    List<Quantile> establishQuantiles) {
  /** Copies the lists. */
  public Metrics {
    byCall = List.copyOf(byCall);
    establishQuantiles = List.copyOf(establishQuantiles);
  }

  /**
   * One point of a distribution.
   *
   * @param percentile 0 to 100
   * @param seconds the value at that percentile
   */
  public record Quantile(double percentile, double seconds) {}
}
