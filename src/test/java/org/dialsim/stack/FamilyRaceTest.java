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
 * {@link FamilyRace} on a {@link FakeDial}, with attempt_delay 300 ms, Go's fallbackDelay
 * (net/dial.go {@code dialParallel}): the primaries are the addresses of the first address's
 * family and start at once, one at a time; the fallbacks (the other family) start 300 ms later,
 * or at once when the primaries run out (Go resets the fallback timer to 0 when the primary
 * fails). Limits are {@link Time#NEVER} unless a test sets a deadline and a split.
 */
class FamilyRaceTest {
  private static final long MS = Time.MS;
  private static final long S = Time.S;
  private static final long NEVER = Time.NEVER;
  private static final long GO_FALLBACK_DELAY = 300 * MS;

  private static FamilyRace race() {
    return new FamilyRace(Fixtures.stackBuilder(StrategyKind.FAMILY_RACE).attemptDelay(GO_FALLBACK_DELAY).build());
  }

  @Test
  void thePrimaryFamilyIsTheFirstCandidatesAndTheFallbackFollowsAfterTheDelay() {
    FamilyRace s = race();
    // IPv4 listed first: IPv4 is primary, whatever the families' usual preference
    FakeDial d = new FakeDial(IPV4, IPV6, IPV4, IPV6);
    s.begin(d);
    assertEquals(List.of(new Start(0, 0, NEVER)), d.newStarts());
    assertEquals(GO_FALLBACK_DELAY, d.pendingWake());
    d.wake(s);
    assertEquals(List.of(new Start(300 * MS, 1, NEVER)), d.newStarts(), "the first IPv6 address");
    // each racer is sequential within its family: a failure starts that family's next
    d.at(21 * S);
    d.fail(s, 0);
    assertEquals(List.of(new Start(21 * S, 2, NEVER)), d.newStarts());
    d.at(21 * S + 300 * MS);
    d.fail(s, 1);
    assertEquals(List.of(new Start(21 * S + 300 * MS, 3, NEVER)), d.newStarts());
    assertTrue(s.exhausted(d));
  }

  @Test
  void theFallbackStartsAtOnceWhenThePrimaryRunsOut() {
    FamilyRace s = race();
    FakeDial d = new FakeDial(IPV6, IPV4);
    s.begin(d);
    d.at(20 * MS);
    d.fail(s, 0); // refused after one RTT: no IPv6 address is left
    assertEquals(List.of(new Start(0, 0, NEVER), new Start(20 * MS, 1, NEVER)), d.starts());
    assertEquals(NEVER, d.pendingWake(), "the fallback timer is cancelled, not left to fire");
  }

  @Test
  void aPrimaryFailureWithMorePrimariesLeftKeepsTheFallbackTimer() {
    FamilyRace s = race();
    FakeDial d = new FakeDial(IPV6, IPV6, IPV4);
    s.begin(d);
    d.at(20 * MS);
    d.fail(s, 0);
    assertEquals(List.of(new Start(0, 0, NEVER), new Start(20 * MS, 1, NEVER)), d.starts());
    assertEquals(GO_FALLBACK_DELAY, d.pendingWake(), "still 300 ms after the start of the race");
    d.wake(s);
    assertEquals(new Start(300 * MS, 2, NEVER), d.starts().get(2));
  }

  @Test
  void oneFamilyIsOneSequentialRacerWithNoTimer() {
    FamilyRace s = race();
    FakeDial d = new FakeDial(IPV4, IPV4);
    s.begin(d);
    assertEquals(NEVER, d.pendingWake());
    assertFalse(s.exhausted(d));
    d.at(21 * S);
    d.fail(s, 0);
    assertEquals(List.of(new Start(0, 0, NEVER), new Start(21 * S, 1, NEVER)), d.starts());
    assertTrue(s.exhausted(d));
  }

  @Test
  void eachRacerSplitsTheDeadlineAmongItsOwnAddresses() {
    // Go's dialSerial for each racer: partialDeadline(now, deadline, len(ras) - i). Deadline
    // 30 s; two IPv6 primaries, three IPv4 fallbacks
    StackConfig st = Fixtures.stackBuilder(StrategyKind.FAMILY_RACE).attemptDelay(GO_FALLBACK_DELAY)
        .split(TimeoutSplit.EVEN).build();
    FamilyRace s = new FamilyRace(st);
    FakeDial d = new FakeDial(IPV6, IPV6, IPV4, IPV4, IPV4).deadline(30 * S);
    s.begin(d);
    d.wake(s);
    // fallback at 0.3 s, 3 left: 29.7 / 3 = 9.9 s; it times out at 10.2 s, 2 left: 19.8 / 2 = 9.9 s
    d.at(10_200 * MS);
    d.fail(s, 2);
    // the first primary times out at 15 s; 1 primary left: 15 s, all that remains, so no split
    d.at(15 * S);
    d.fail(s, 0);
    assertEquals(List.of(
        new Start(0, 0, 15 * S), // 30 s / 2 primaries
        new Start(300 * MS, 2, 9_900 * MS),
        new Start(10_200 * MS, 3, 9_900 * MS),
        new Start(15 * S, 1, NEVER)), d.starts());
  }

  @Test
  void resetForgetsThePreviousTry() {
    FamilyRace s = race();
    FakeDial first = new FakeDial(IPV4, IPV6);
    s.begin(first);
    first.wake(s);
    assertEquals(2, first.starts().size());
    s.reset();
    // the second try has IPv6 first: a fresh primary, fresh positions and a fresh fallback
    // timer (a stale "fallback started" would leave IPv4 waiting for an IPv6 failure)
    FakeDial second = new FakeDial(IPV6, IPV4, IPV6);
    s.begin(second);
    assertEquals(List.of(new Start(0, 0, NEVER)), second.newStarts());
    assertEquals(GO_FALLBACK_DELAY, second.pendingWake());
    second.wake(s);
    assertEquals(List.of(new Start(300 * MS, 1, NEVER)), second.newStarts());
    second.at(21 * S);
    second.fail(s, 0);
    assertEquals(List.of(new Start(21 * S, 2, NEVER)), second.newStarts());
  }
}
