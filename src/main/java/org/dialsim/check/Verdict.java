package org.dialsim.check;

import org.dialsim.stats.Rate;

/**
 * How one assertion came out.
 *
 * @param assertion what was asserted
 * @param value the metric's value in the row (NaN when it has none)
 * @param interval the metric's 95 % Wilson interval, or null for a metric without one
 * @param passed true when the bound holds
 * @param reason why it failed ("the estimate is above 0.01"); empty when it passed
 */
public record Verdict(Assertion assertion, double value, Rate interval, boolean passed, String reason) {
  /**
   * The console line: {@code PASS  UCMA 4.0: first_call_failure_rate = 0.0025, bound <= 0.01,
   * 95% CI [0.0007, 0.009]}, then the reason of a failure.
   */
  public String line() {
    return (passed ? "PASS" : "FAIL") + "  " + assertion.where() + ": " + details() + (passed ? "" : ": " + reason);
  }

  /** Value, bound and interval in one phrase, for a JUnit failure message or an annotation. */
  public String details() {
    return assertion.metric().name() + " = " + NumberText.of(value) + ", bound " + assertion.bound() + ", " + intervalText();
  }

  /** The failure message: the row, the details and the reason. */
  public String message() {
    return assertion.where() + ": " + details() + ": " + reason;
  }

  /**
   * The interval and the mode: "95% CI [low, high]" plus ", confidence mode"; for a metric
   * without an interval, says that confidence mode falls back to the point estimate.
   */
  public String intervalText() {
    boolean confidence = assertion.expectation().confidence();
    if (interval == null) {
      return confidence ? "no interval (confidence mode compares the point estimate for this metric)" : "no interval";
    }
    return "95% CI [" + NumberText.of(interval.low()) + ", " + NumberText.of(interval.high()) + "]"
        + (confidence ? ", confidence mode" : "");
  }
}
