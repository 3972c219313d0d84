package org.dialsim.check;

/**
 * One metric's value in one result row, with the counts behind it when it is a rate (what a
 * two-proportion test needs).
 *
 * @param value the value; NaN when there was nothing to measure
 * @param failures failed trials of a rate, or -1 for a metric that is not a rate
 * @param trials trials of a rate, or -1
 */
public record Observation(double value, long failures, long trials) {
  /** A metric without counts. */
  public static Observation scalar(double value) {
    return new Observation(value, -1, -1);
  }

  /** True when the counts are known. */
  public boolean isRate() {
    return trials >= 0;
  }
}
