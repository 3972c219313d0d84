package org.dialsim.stack;

import static org.dialsim.model.Family.IPV4;
import static org.dialsim.model.Family.IPV6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dialsim.engine.Time;
import org.dialsim.sim.Fixtures;
import org.dialsim.stack.FakeDial.Start;
import org.junit.jupiter.api.Test;

/**
 * {@link Sequential} on a {@link FakeDial}: one attempt at a time, the next when the previous
 * has failed; {@code abort-advance} (Node.js net.js {@code internalConnectMultiple}) gives every
 * attempt but the last attempt_delay. The stack is the neutral one (no attempt_timeout, no
 * deadline), so a limit is {@link Time#NEVER} unless a test sets one: the OS SYN schedule then
 * ends the attempt.
 */
class SequentialTest {
  private static final long MS = Time.MS;
  private static final long S = Time.S;
  private static final long NEVER = Time.NEVER;

  private static StackConfig stack() {
    return Fixtures.stack(StrategyKind.SEQUENTIAL);
  }

  @Test
  void triesOneAddressAtATimeInOrderAndNeverAsksForAWakeUp() {
    Sequential s = new Sequential(stack(), false);
    FakeDial d = new FakeDial(IPV6, IPV4, IPV4);
    s.reset();
    s.begin(d);
    assertEquals(List.of(new Start(0, 0, NEVER)), d.newStarts());
    assertFalse(s.exhausted(d));
    // the first times out after the 21 s of classic Windows SYNs: the second starts then
    d.at(21 * S);
    d.fail(s, 0);
    assertEquals(List.of(new Start(21 * S, 1, NEVER)), d.newStarts());
    d.at(42 * S);
    d.fail(s, 1);
    assertEquals(List.of(new Start(42 * S, 2, NEVER)), d.newStarts());
    assertTrue(s.exhausted(d));
    d.at(63 * S);
    d.fail(s, 2);
    assertEquals(List.of(), d.newStarts(), "nothing is left");
    assertEquals(3, d.acts().size(), "starts only: no wake-up, no cancel");
  }

  @Test
  void anEvenSplitCountsTheAddressesLeftFromThisOne() {
    // Go's dialSerial: partialDeadline(now, deadline, len(ras) - i). Deadline 30 s, 3 addresses:
    // 30/3 = 10 s, then at 10 s 20/2 = 10 s, then at 20 s 10/1 = 10 s, which is all that is
    // left: no split, the deadline cuts the last one
    StackConfig st = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).split(TimeoutSplit.EVEN).build();
    Sequential s = new Sequential(st, false);
    FakeDial d = new FakeDial(IPV4, IPV4, IPV4).deadline(30 * S);
    s.begin(d);
    d.at(10 * S);
    d.fail(s, 0);
    d.at(20 * S);
    d.fail(s, 1);
    assertEquals(List.of(new Start(0, 0, 10 * S), new Start(10 * S, 1, 10 * S), new Start(20 * S, 2, NEVER)), d.starts());
  }

  @Test
  void halvingAsksWhetherAnotherAddressOfTheSameFamilyFollows() {
    // curl <= 8.14: half the time left for an address followed by another of its family. Order
    // v6, v4, v6 with a 30 s deadline: the first v6 is not its family's last (15 s); the v4 and
    // the second v6 are, so they run to the deadline
    StackConfig st = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).split(TimeoutSplit.HALVE).build();
    Sequential s = new Sequential(st, false);
    FakeDial d = new FakeDial(IPV6, IPV4, IPV6).deadline(30 * S);
    s.begin(d);
    d.at(15 * S);
    d.fail(s, 0);
    d.at(16 * S);
    d.fail(s, 1);
    assertEquals(List.of(new Start(0, 0, 15 * S), new Start(15 * S, 1, NEVER), new Start(16 * S, 2, NEVER)), d.starts());
  }

  @Test
  void abortAdvanceGivesEveryAttemptButTheLastTheAttemptDelay() {
    // Node.js autoSelectFamilyAttemptTimeout: the neutral attempt_delay, 250 ms, caps every
    // attempt but the last; the last keeps the stack's own limit (attempt_timeout 10 s here)
    StackConfig st = Fixtures.stackBuilder(StrategyKind.ABORT_ADVANCE).attemptTimeout(10 * S).build();
    Sequential s = new Sequential(st, true);
    FakeDial d = new FakeDial(IPV6, IPV6, IPV4);
    s.begin(d);
    d.at(250 * MS);
    d.fail(s, 0);
    d.at(500 * MS);
    d.fail(s, 1);
    assertEquals(List.of(new Start(0, 0, 250 * MS), new Start(250 * MS, 1, 250 * MS), new Start(500 * MS, 2, 10 * S)),
        d.starts());
    assertTrue(s.exhausted(d));
  }

  @Test
  void aLateAnswerContinuesAnIdleRunAndWaitsBehindARunningOne() {
    Sequential s = new Sequential(stack(), false);
    FakeDial d = new FakeDial(IPV6);
    s.begin(d);
    d.at(20 * MS);
    d.fail(s, 0); // refused after one RTT; the A answer has not come yet
    assertTrue(s.exhausted(d));
    d.at(30 * MS);
    d.add(IPV4, IPV4);
    s.more(d); // nothing runs: the first newcomer starts at once
    assertEquals(List.of(new Start(0, 0, NEVER), new Start(30 * MS, 1, NEVER)), d.starts());
    d.at(40 * MS);
    d.add(IPV4);
    s.more(d); // one runs: the newcomers wait their turn
    assertEquals(2, d.starts().size());
    d.at(50 * MS);
    d.fail(s, 1);
    assertEquals(new Start(50 * MS, 2, NEVER), d.starts().get(2));
  }

  @Test
  void nothingStartsAtOrAfterTheDeadline() {
    // Go's partialDeadline returns a timeout error once the deadline has come
    Sequential s = new Sequential(stack(), false);
    FakeDial d = new FakeDial(IPV4, IPV4, IPV4).deadline(30 * S);
    s.begin(d);
    d.at(30 * S);
    d.fail(s, 0);
    assertEquals(List.of(new Start(0, 0, NEVER)), d.starts());
  }

  @Test
  void resetForgetsThePreviousTry() {
    Sequential s = new Sequential(stack(), false);
    FakeDial first = new FakeDial(IPV6, IPV4);
    s.begin(first);
    first.at(21 * S);
    first.fail(s, 0);
    assertTrue(s.exhausted(first));
    // the next try of the same call slot: without reset it would go on at candidate 2, of which
    // there is none, and start nothing
    s.reset();
    FakeDial second = new FakeDial(IPV4, IPV6);
    assertFalse(s.exhausted(second));
    s.begin(second);
    assertEquals(List.of(new Start(0, 0, NEVER)), second.starts());
  }
}
