package org.dialsim.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dialsim.engine.Time;
import org.dialsim.model.Family;
import org.dialsim.sim.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * {@link AttemptLimits}: attempt_timeout combined with timeout_split. {@code even} is Go's
 * partialDeadline (net/dial.go: the time remaining divided by the addresses left, but never less
 * than saneMinimum, 2 s, unless less than that remains); {@code halve} is curl up to 8.14 (half
 * the time remaining for an address followed by another of its family). A split that reaches
 * the deadline is no split: {@link Time#NEVER}, so the deadline cuts the attempt.
 */
class AttemptLimitsTest {
  private static final long MS = Time.MS;
  private static final long S = Time.S;
  private static final long NEVER = Time.NEVER;

  private static StackConfig stack(long attemptTimeout, TimeoutSplit split) {
    return Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).attemptTimeout(attemptTimeout).split(split).build();
  }

  /** The limit for an attempt at {@code now} with {@code left} addresses left, under a deadline at {@code deadline}. */
  private static long limit(StackConfig st, long now, long deadline, int left, boolean lastOfFamily) {
    FakeDial d = new FakeDial(Family.IPV4).deadline(deadline).at(now);
    return AttemptLimits.limit(st, d, left, lastOfFamily);
  }

  @Test
  void attemptTimeoutAloneIsTheLimitWhateverIsLeft() {
    StackConfig st = stack(10 * S, TimeoutSplit.NONE);
    assertEquals(10 * S, limit(st, 0, NEVER, 4, false));
    assertEquals(10 * S, limit(st, 0, NEVER, 1, true));
    // with a deadline but no split, the deadline cuts the attempt itself: the limit stays 10 s
    assertEquals(10 * S, limit(st, 25 * S, 30 * S, 2, false));
    assertEquals(NEVER, limit(stack(NEVER, TimeoutSplit.NONE), 0, 30 * S, 3, false), "no limit at all");
  }

  @Test
  void anEvenSplitIsGosPartialDeadline() {
    StackConfig st = stack(NEVER, TimeoutSplit.EVEN);
    long deadline = 30 * S;
    assertEquals(7_500 * MS, limit(st, 0, deadline, 4, false), "30 s / 4");
    assertEquals(7_500 * MS, limit(st, 7_500 * MS, deadline, 3, false), "22.5 s / 3");
    // Go's Duration division truncates, as the nanosecond division here does: 10 s / 3
    assertEquals(3_333_333_333L, limit(st, 20 * S, deadline, 3, false));
    assertEquals(2 * S, limit(st, 24 * S, deadline, 3, false), "6 s / 3 is exactly saneMinimum");
    assertEquals(2 * S, limit(st, 20 * S, deadline, 10, false), "1 s each is below saneMinimum: 2 s");
    // the last of an even split gets all that remains: that is the deadline's own cut
    assertEquals(NEVER, limit(st, 0, deadline, 1, true));
    // less than saneMinimum remains: Go gives what is left, which again is the deadline
    assertEquals(NEVER, limit(st, 28_500 * MS, deadline, 3, false));
    assertEquals(NEVER, limit(st, 28 * S, deadline, 2, false), "2 s / 2 below the minimum, 2 s is all there is");
  }

  @Test
  void anEvenSplitAndAttemptTimeoutTakeTheShorter() {
    StackConfig st = stack(5 * S, TimeoutSplit.EVEN);
    assertEquals(5 * S, limit(st, 0, 30 * S, 2, false), "15 s share, 5 s attempt_timeout");
    assertEquals(3 * S, limit(st, 0, 30 * S, 10, false), "3 s share");
    assertEquals(5 * S, limit(st, 0, 30 * S, 1, true), "no split: attempt_timeout");
  }

  @Test
  void halvingGivesANonLastAddressOfAFamilyHalfTheTimeLeft() {
    StackConfig st = stack(NEVER, TimeoutSplit.HALVE);
    assertEquals(15 * S, limit(st, 0, 30 * S, 3, false));
    assertEquals(5 * S, limit(st, 20 * S, 30 * S, 2, false));
    // the last of its family is not halved, however many addresses of the other family follow
    assertEquals(NEVER, limit(st, 0, 30 * S, 3, true));
    assertEquals(4 * S, limit(stack(4 * S, TimeoutSplit.HALVE), 0, 30 * S, 3, false), "attempt_timeout is shorter");
  }

  @Test
  void withoutADeadlineNoSplitApplies() {
    assertEquals(NEVER, limit(stack(NEVER, TimeoutSplit.EVEN), 0, NEVER, 4, false));
    assertEquals(NEVER, limit(stack(NEVER, TimeoutSplit.HALVE), 0, NEVER, 4, false));
    assertEquals(10 * S, limit(stack(10 * S, TimeoutSplit.EVEN), 0, NEVER, 4, false));
  }

  @Test
  void outOfTimeAtAndAfterTheDeadlineOnly() {
    assertFalse(AttemptLimits.outOfTime(new FakeDial().deadline(30 * S).at(30 * S - 1)));
    assertTrue(AttemptLimits.outOfTime(new FakeDial().deadline(30 * S).at(30 * S)));
    assertTrue(AttemptLimits.outOfTime(new FakeDial().deadline(30 * S).at(31 * S)));
    assertFalse(AttemptLimits.outOfTime(new FakeDial().at(Long.MAX_VALUE - 1)), "no deadline: never");
  }
}
