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
 * {@link Staggered} on a {@link FakeDial}: RFC 8305 section 5 with the neutral attempt_delay of
 * 250 ms (the RFC's recommended Connection Attempt Delay). A new attempt starts every 250 ms
 * while the earlier ones keep running; when the most recently started one fails the next starts
 * at once (CPython's {@code staggered_race} sets the next attempt's event on failure); at most
 * {@code max_concurrent} run, and one held back by the cap starts when any attempt fails.
 * Limits are {@link Time#NEVER}: the neutral stack has no attempt_timeout and no deadline.
 */
class StaggeredTest {
  private static final long MS = Time.MS;
  private static final long S = Time.S;
  private static final long NEVER = Time.NEVER;

  private static Staggered staggered() {
    return new Staggered(Fixtures.stack(StrategyKind.STAGGERED));
  }

  private static Staggered capped(int max) {
    return new Staggered(Fixtures.stackBuilder(StrategyKind.STAGGERED).maxConcurrent(max).build());
  }

  @Test
  void startsOneAttemptEveryAttemptDelayWhileTheEarlierOnesRun() {
    Staggered s = staggered();
    FakeDial d = new FakeDial(IPV6, IPV6, IPV4);
    s.begin(d);
    assertEquals(List.of(new Start(0, 0, NEVER)), d.newStarts());
    assertEquals(250 * MS, d.pendingWake());
    d.wake(s);
    assertEquals(List.of(new Start(250 * MS, 1, NEVER)), d.newStarts());
    assertEquals(500 * MS, d.pendingWake(), "one attempt delay after the latest start");
    d.wake(s);
    assertEquals(List.of(new Start(500 * MS, 2, NEVER)), d.newStarts());
    assertEquals(NEVER, d.pendingWake(), "the list has run out: no timer");
    assertEquals(3, d.runningCount(), "none was stopped");
    assertTrue(s.exhausted(d));
  }

  @Test
  void theCapHoldsTheNextBackUntilAnyAttemptFails() {
    Staggered s = capped(2);
    FakeDial d = new FakeDial(IPV6, IPV6, IPV4);
    s.begin(d);
    d.wake(s); // 250 ms: the second
    d.wake(s); // 500 ms: two run, the third is due but held back
    assertEquals(List.of(new Start(0, 0, NEVER), new Start(250 * MS, 1, NEVER)), d.newStarts());
    assertEquals(NEVER, d.pendingWake(), "a held-back attempt waits for a failure, not a timer");
    assertFalse(s.exhausted(d));
    // the first (not the latest) times out at 3 s on a 3 s-RTO path: the due one starts now
    d.at(3 * S);
    d.fail(s, 0);
    assertEquals(List.of(new Start(3 * S, 2, NEVER)), d.newStarts());
  }

  @Test
  void aFailureOfTheLatestAttemptStartsTheNextAtOnce() {
    Staggered s = staggered();
    FakeDial d = new FakeDial(IPV6, IPV4, IPV4);
    s.begin(d);
    // refused after a 20 ms RTT, long before the 250 ms timer
    d.at(20 * MS);
    d.fail(s, 0);
    assertEquals(List.of(new Start(0, 0, NEVER), new Start(20 * MS, 1, NEVER)), d.newStarts());
    // the delay runs again from this start: 20 + 250 ms
    assertEquals(270 * MS, d.pendingWake());
    d.wake(s);
    assertEquals(List.of(new Start(270 * MS, 2, NEVER)), d.newStarts());
  }

  @Test
  void aFailureOfAnEarlierAttemptStartsNothing() {
    Staggered s = staggered();
    FakeDial d = new FakeDial(IPV6, IPV6, IPV4);
    s.begin(d);
    d.wake(s); // 250 ms: the second starts, the timer is set for 500 ms
    d.at(300 * MS);
    d.fail(s, 0); // not the latest: its successor already runs
    assertEquals(2, d.newStarts().size());
    assertEquals(500 * MS, d.pendingWake(), "the timer stands");
    d.wake(s);
    assertEquals(List.of(new Start(500 * MS, 2, NEVER)), d.newStarts());
  }

  @Test
  void aLateCandidateStartsOneAttemptDelayAfterTheLatestStart() {
    Staggered s = staggered();
    FakeDial d = new FakeDial(IPV6);
    s.begin(d);
    assertEquals(NEVER, d.pendingWake(), "one candidate: no timer");
    // the A answer arrives at 100 ms while the first attempt runs: 250 ms after its start
    d.at(100 * MS);
    d.add(IPV4);
    s.more(d);
    assertEquals(250 * MS, d.pendingWake());
    d.wake(s);
    assertEquals(List.of(new Start(0, 0, NEVER), new Start(250 * MS, 1, NEVER)), d.starts());
  }

  @Test
  void aLateCandidateAfterTheDelayHasPassedIsDueNow() {
    Staggered s = staggered();
    FakeDial d = new FakeDial(IPV6);
    s.begin(d);
    d.at(400 * MS);
    d.add(IPV4);
    s.more(d);
    // max(now, 0 + 250 ms): the wake-up is at once
    assertEquals(400 * MS, d.pendingWake());
    d.wake(s);
    assertEquals(new Start(400 * MS, 1, NEVER), d.starts().get(1));
  }

  @Test
  void aLateCandidateWithNothingRunningStartsAtOnce() {
    Staggered s = staggered();
    FakeDial d = new FakeDial(IPV6);
    s.begin(d);
    d.at(20 * MS);
    d.fail(s, 0);
    assertTrue(s.exhausted(d));
    d.at(30 * MS);
    d.add(IPV4);
    s.more(d);
    assertEquals(List.of(new Start(0, 0, NEVER), new Start(30 * MS, 1, NEVER)), d.starts());
  }

  @Test
  void aLateCandidateLeavesAPendingTimerAlone() {
    Staggered s = staggered();
    FakeDial d = new FakeDial(IPV6, IPV6);
    s.begin(d);
    d.at(100 * MS);
    d.add(IPV4);
    s.more(d);
    assertEquals(250 * MS, d.pendingWake(), "not moved by the newcomer");
    assertEquals(1, d.starts().size());
    d.wake(s);
    d.wake(s);
    assertEquals(List.of(new Start(0, 0, NEVER), new Start(250 * MS, 1, NEVER), new Start(500 * MS, 2, NEVER)), d.starts());
  }

  @Test
  void resetForgetsThePreviousTry() {
    // a first try that ends with the third attempt held back by a cap of 1 (due, no timer)
    Staggered s = capped(1);
    FakeDial first = new FakeDial(IPV6, IPV4, IPV4);
    s.begin(first);
    first.wake(s);
    assertEquals(1, first.starts().size(), "held back by the cap");
    s.reset();
    // the second try starts from its first candidate with a fresh timer (a stale position would
    // skip candidate 0), and the cap works as in a first try
    FakeDial second = new FakeDial(IPV4, IPV6, IPV6);
    s.begin(second);
    assertEquals(List.of(new Start(0, 0, NEVER)), second.newStarts());
    assertEquals(250 * MS, second.pendingWake());
    second.wake(s);
    assertEquals(List.of(), second.newStarts(), "the cap of 1 holds the second back");
    second.at(3 * S);
    second.fail(s, 0);
    assertEquals(List.of(new Start(3 * S, 1, NEVER)), second.newStarts());
  }
}
