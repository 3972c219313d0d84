package org.dialsim.check;

import java.util.Map;

/**
 * One metric of one row, compared with the baseline.
 *
 * @param configuration the configuration
 * @param point the sweep point (empty without a sweep)
 * @param metric the metric's name
 * @param before the baseline's observation, or null when only this run has the metric
 * @param after this run's observation, or null when only the baseline has it
 * @param pValue the two-proportion test's two-sided p-value; NaN when not tested
 * @param status what the change means
 */
public record Change(String configuration, Map<String, String> point, String metric, Observation before,
    Observation after, double pValue, Status status) {
  /** What a change means. */
  public enum Status {
    /** A rate got significantly worse by more than the tolerance: check fails. */
    REGRESSED("REGRESSED"),
    /** A rate got significantly worse, but by no more than the tolerance. */
    WORSE("worse"),
    /** A rate got significantly better. */
    BETTER("better"),
    /** A rate moved, but not significantly. */
    NOT_SIGNIFICANT("not significant"),
    /** A rate without trials on a side: nothing to test. */
    UNTESTED("untested"),
    /** A metric without counts (times, means, counts) changed; there is no test for it. */
    CHANGED("changed"),
    /** A metric is exactly as before (a rate: the same failures of the same trials). */
    UNCHANGED("unchanged"),
    /** Only the baseline has it. */
    ONLY_IN_BASELINE("only in baseline"),
    /** Only this run has it. */
    ONLY_IN_RUN("only in this run");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** How the console shows it. */
    public String label() {
      return label;
    }
  }

  /** The change of the value, after minus before (NaN when a side is missing or has no value). */
  public double difference() {
    return before == null || after == null ? Double.NaN : after.value() - before.value();
  }

  /** The row: {@code UCMA 4.0} or {@code UCMA 4.0 [deadline=20s]}. */
  public String where() {
    return point.isEmpty() ? configuration : configuration + " [" + Assertion.pointText(point) + "]";
  }

  /**
   * The console line: {@code REGRESSED  UCMA 4.0: first_call_failure_rate 0 -> 0.25 (+0.25),
   * p = 1.2e-30}.
   */
  public String line() {
    return status.label() + "  " + where() + ": " + details();
  }

  /**
   * What moved, without the status and the row: {@code first_call_failure_rate 0 -> 0.25
   * (+0.25), 0/300 -> 75/300, p = 1.2e-30}.
   */
  public String details() {
    StringBuilder sb = new StringBuilder(metric);
    if (before == null || after == null) {
      Observation only = before == null ? after : before;
      return sb.append(" = ").append(NumberText.of(only.value())).toString();
    }
    sb.append(' ').append(NumberText.of(before.value())).append(" -> ").append(NumberText.of(after.value()));
    double d = difference();
    if (!Double.isNaN(d)) {
      sb.append(" (").append(NumberText.signed(d)).append(')');
    }
    if (before.isRate() && after.isRate()) {
      sb.append(", ").append(before.failures()).append('/').append(before.trials()).append(" -> ")
          .append(after.failures()).append('/').append(after.trials());
      if (!Double.isNaN(pValue)) {
        sb.append(", p = ").append(NumberText.p(pValue));
      }
    }
    return sb.toString();
  }
}
