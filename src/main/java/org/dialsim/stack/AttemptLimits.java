package org.dialsim.stack;

import org.dialsim.engine.Time;

/** The application's time limit for one attempt: attempt_timeout combined with timeout_split. */
final class AttemptLimits {
  /** Go's partialDeadline never gives an address less than this ("saneMinimum", net/dial.go). */
  static final long GO_SANE_MINIMUM_NS = 2 * Time.S;

  private AttemptLimits() {}

  /**
   * True when the deadline has come: no attempt may start (Go's partialDeadline returns a
   * timeout error then, rather than a zero-length attempt).
   */
  static boolean outOfTime(Dial d) {
    return d.deadline() != Time.NEVER && d.now() >= d.deadline();
  }

  /**
   * The limit for an attempt that starts now.
   *
   * @param stack the stack
   * @param d the call
   * @param left addresses left in this attempt's sequence, this one included
   * @param lastOfFamily true when no other address of this family follows (curl's halving)
   */
  static long limit(StackConfig stack, Dial d, int left, boolean lastOfFamily) {
    long limit = stack.attemptTimeoutNs();
    long deadline = d.deadline();
    if (deadline == Time.NEVER) {
      return limit;
    }
    long remaining = Math.max(0, deadline - d.now());
    long split = switch (stack.timeoutSplit()) {
      case NONE -> Time.NEVER;
      case EVEN -> {
        // net/dial.go partialDeadline: remaining / addresses left, but at least 2 s (or what is left)
        long share = remaining / Math.max(1, left);
        yield share < GO_SANE_MINIMUM_NS ? Math.min(remaining, GO_SANE_MINIMUM_NS) : share;
      }
      // curl <= 8.14 lib/connect.c: a non-last address of a family gets half the time left
      case HALVE -> lastOfFamily ? Time.NEVER : remaining / 2;
    };
    // a split that reaches the deadline is no split: the deadline itself ends the attempt, so
    // it is recorded as cut by the deadline, not as timed out (and not remembered as failed)
    if (split >= remaining) {
      split = Time.NEVER;
    }
    return Math.min(limit, split);
  }
}
