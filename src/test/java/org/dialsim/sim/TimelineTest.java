package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.engine.Time;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Delay;
import org.dialsim.model.Family;
import org.dialsim.model.Match;
import org.dialsim.model.PathRule;
import org.dialsim.model.Topology;
import org.dialsim.stack.Memory;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed timelines, one per strategy. Every world has a fixed 20 ms RTT and 5 ms DNS
 * answers, and classic Windows SYNs (0, 3, 9 s; gives up at 21 s), so each time below is a sum
 * of those constants.
 */
class TimelineTest {
  private static final long MS = Time.MS;
  private static final long S = Time.S;

  private static CallTrace trace(Topology t, StackConfig stack, int client, int call) {
    return Fixtures.trace(t, stack, client, call);
  }

  private static String outcomes(CallTrace t) {
    return Fixtures.outcomes(t);
  }

  @Test
  void sequentialTriesTwoDeadAddressesThenTheDeadlineComes() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).host("192.0.2.3", true).build();
    CallTrace tr = trace(t, Fixtures.withDeadline(Fixtures.stack(StrategyKind.SEQUENTIAL), 30 * S), 0, 0);
    assertFalse(tr.connected());
    List<CallTrace.Attempt> as = tr.attempts();
    assertEquals(2, as.size());
    // first attempt: DNS at 5 ms, SYNs at 0/3/9 s after it, gives up 21 s after it
    assertEquals(5 * MS, as.get(0).startNs());
    assertArrayEquals(new long[] {5 * MS, 3005 * MS, 9005 * MS}, as.get(0).synsNs());
    assertEquals(21_005 * MS, as.get(0).endNs());
    assertEquals(Outcome.TIMEOUT, as.get(0).outcome());
    // second: starts at 21.005 s, SYNs at 21.005 and 24.005; the 30 s deadline cuts it
    assertEquals(21_005 * MS, as.get(1).startNs());
    assertArrayEquals(new long[] {21_005 * MS, 24_005 * MS}, as.get(1).synsNs());
    assertEquals(30 * S, as.get(1).endNs());
    assertEquals(Outcome.CANCELLED, as.get(1).outcome());
    CallTrace.Try only = tr.tries().get(0);
    assertEquals(CallTrace.End.DEADLINE, only.end());
    assertEquals(List.of(org.dialsim.model.Address.of("192.0.2.3")), only.notStarted());
    assertEquals(30 * S, tr.endNs());
  }

  @Test
  void sequentialWithoutDeadlineReachesTheThirdAddress() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).host("192.0.2.3", true).build();
    CallTrace tr = trace(t, Fixtures.stack(StrategyKind.SEQUENTIAL), 0, 0);
    assertTrue(tr.connected());
    assertEquals("192.0.2.1=timeout 192.0.2.2=timeout 192.0.2.3=connected", outcomes(tr));
    // 5 ms DNS + 21 s + 21 s + 20 ms RTT
    assertEquals(42_025 * MS, tr.endNs());
  }

  @Test
  void firstOnlyNeverLooksPastTheFirstAddress() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", true).build();
    CallTrace tr = trace(t, Fixtures.stack(StrategyKind.FIRST_ONLY), 0, 0);
    assertFalse(tr.connected());
    assertEquals("192.0.2.1=timeout", outcomes(tr));
    assertEquals(21_005 * MS, tr.endNs());
    assertEquals(CallTrace.End.ALL_FAILED, tr.tries().get(0).end());
    assertEquals(1, tr.tries().get(0).notStarted().size());
  }

  @Test
  void staggeredStartsOneAttemptEvery250msAndTheLiveOneWins() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).host("192.0.2.3", true).build();
    CallTrace tr = trace(t, Fixtures.stack(StrategyKind.STAGGERED), 0, 0);
    assertTrue(tr.connected());
    // .3 starts at 5 + 250 + 250 = 505 ms and connects one RTT later, at 525 ms; the two
    // earlier attempts are still waiting for their first SYN's answer and are cancelled then
    assertEquals(525 * MS, tr.endNs());
    List<CallTrace.Attempt> as = tr.attempts();
    assertEquals("192.0.2.3=connected 192.0.2.1=cancelled 192.0.2.2=cancelled", outcomes(tr));
    assertEquals(505 * MS, as.get(0).startNs());
    assertEquals(5 * MS, as.get(1).startNs());
    assertEquals(255 * MS, as.get(2).startNs());
    assertArrayEquals(new long[] {5 * MS}, as.get(1).synsNs());
  }

  @Test
  void staggeredWithACapWaitsForAFailureBeforeTheThirdAttempt() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).host("192.0.2.3", true).build();
    CallTrace tr = trace(t, Fixtures.withMaxConcurrent(Fixtures.stack(StrategyKind.STAGGERED), 2), 0, 0);
    assertTrue(tr.connected());
    // at 505 ms two attempts run; the third waits until .1 gives up at 21.005 s
    assertEquals(21_025 * MS, tr.endNs());
    assertEquals("192.0.2.1=timeout 192.0.2.3=connected 192.0.2.2=cancelled", outcomes(tr));
  }

  @Test
  void staggeredStartsTheNextAtOnceWhenTheLastOneIsRefused() {
    // .1 listens only on IPv6, so its IPv4 SYN is refused after one RTT (20 ms); .2 starts
    // then, at 25 ms, not at 255 ms
    Topology t = Fixtures.world().machine("v6only", java.util.Set.of(Family.IPV6), "192.0.2.1").host("192.0.2.2", true).build();
    CallTrace tr = trace(t, Fixtures.stack(StrategyKind.STAGGERED), 0, 0);
    assertEquals("192.0.2.1=refused 192.0.2.2=connected", outcomes(tr));
    assertEquals(25 * MS, tr.attempts().get(1).startNs());
    assertEquals(45 * MS, tr.endNs());
  }

  @Test
  void familyRaceStartsTheOtherFamilyAfterTheAttemptDelay() {
    // IPv6 is blackholed; the IPv4 racer starts 250 ms after the IPv6 one (the stack's delay)
    Topology t = Fixtures.world().host("2001:db8::1", true).host("192.0.2.1", true)
        .path(new PathRule(new Match.ToFamily(Family.IPV6), Behaviour.BLACKHOLE, 0, null)).build();
    CallTrace tr = trace(t, Fixtures.stack(StrategyKind.FAMILY_RACE), 0, 0);
    assertTrue(tr.connected());
    assertEquals("192.0.2.1=connected 2001:db8::1=cancelled", outcomes(tr));
    assertEquals(255 * MS, tr.attempts().get(0).startNs());
    assertEquals(275 * MS, tr.endNs());
  }

  @Test
  void abortAdvanceGivesUpOnASlowPathBeforeItsAnswerComes() {
    // a 400 ms RTT and a 250 ms abort delay: the first address is abandoned at 255 ms, 150 ms
    // before its SYN-ACK would have come; the last address has no abort timer
    Topology t = Fixtures.world().host("192.0.2.1", true).host("192.0.2.2", true).rtt(new Delay.Fixed(400 * MS)).build();
    CallTrace tr = trace(t, Fixtures.stack(StrategyKind.ABORT_ADVANCE), 0, 0);
    assertEquals("192.0.2.1=timeout 192.0.2.2=connected", outcomes(tr));
    assertEquals(255 * MS, tr.attempts().get(0).endNs());
    assertEquals(655 * MS, tr.endNs());
  }

  @Test
  void avoidFailedPutsTheFailedAddressLastOnTheNextCall() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", true).workload(1, 2).build();
    StackConfig stack = Fixtures.withMemory(Fixtures.stack(StrategyKind.SEQUENTIAL), new Memory(Memory.Kind.AVOID_FAILED, 10 * Time.M));
    CallTrace first = trace(t, stack, 0, 0);
    assertEquals(21_025 * MS, first.endNs());
    CallTrace second = trace(t, stack, 0, 1);
    // call 2 starts at 30 s; the answer is still cached (TTL 5 min) so there is no DNS wait,
    // and .1 goes last: connected one RTT later
    assertEquals(30 * S, second.startNs());
    assertEquals("192.0.2.2=connected", outcomes(second));
    assertEquals(30_020 * MS, second.endNs());
    assertTrue(second.orderNotes().stream().anyMatch(n -> n.contains("192.0.2.1 failed before")), second.orderNotes().toString());
  }

  @Test
  void withoutMemoryTheSecondCallPaysAgain() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", true).workload(1, 2).build();
    CallTrace second = trace(t, Fixtures.stack(StrategyKind.SEQUENTIAL), 0, 1);
    assertEquals("192.0.2.1=timeout 192.0.2.2=connected", outcomes(second));
    assertEquals(30 * S + 21_020 * MS, second.endNs());
  }

  @Test
  void attemptTimeoutCutsEachAttempt() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", true).build();
    CallTrace tr = trace(t, Fixtures.withAttemptTimeout(Fixtures.stack(StrategyKind.SEQUENTIAL), 10 * S), 0, 0);
    assertEquals("192.0.2.1=timeout 192.0.2.2=connected", outcomes(tr));
    // OkHttp-style 10 s limit: SYNs at 0 and 3 and 9 s, then the limit at 10 s
    assertEquals(3, tr.attempts().get(0).synsNs().length);
    assertEquals(10_005 * MS, tr.attempts().get(0).endNs());
    assertEquals(10_025 * MS, tr.endNs());
  }

  @Test
  void aStaleRecordAndAnIpv6ListenerMismatchBehaveDifferently() {
    // stale: no host answers, so the SYNs time out; mismatch: the host answers with a RST
    Topology t = Fixtures.world().stale("2001:db8::99").machine("fe", java.util.Set.of(Family.IPV4), "2001:db8::1", "192.0.2.1").build();
    CallTrace tr = trace(t, Fixtures.stack(StrategyKind.SEQUENTIAL), 0, 0);
    assertEquals("2001:db8::99=timeout 2001:db8::1=refused 192.0.2.1=connected", outcomes(tr));
    assertEquals(21_005 * MS + 20 * MS + 20 * MS, tr.endNs());
  }

  @Test
  void unreachableAndNoRouteFailFast() {
    Topology t = Fixtures.world().host("192.0.2.1", true).host("192.0.2.2", true).host("192.0.2.3", true)
        .path(new PathRule(new Match.ToAddress(org.dialsim.model.Address.of("192.0.2.1")), Behaviour.NO_ROUTE, 0, null))
        .path(new PathRule(new Match.ToAddress(org.dialsim.model.Address.of("192.0.2.2")), Behaviour.UNREACHABLE, 0, new Delay.Fixed(3 * S)))
        .build();
    CallTrace tr = trace(t, Fixtures.stack(StrategyKind.SEQUENTIAL), 0, 0);
    assertEquals("192.0.2.1=unreachable 192.0.2.2=unreachable 192.0.2.3=connected", outcomes(tr));
    // no route: at once; the router's ICMP error comes back after its own 3 s
    assertEquals(5 * MS, tr.attempts().get(0).endNs());
    assertEquals(3005 * MS, tr.attempts().get(1).endNs());
    assertEquals(3025 * MS, tr.endNs());
  }

  @Test
  void windowsRetriesAResetSynTwiceOneSecondApartBeforeReportingRefused() {
    // a host that does not listen on IPv6: Linux gives up at the first RST (20 ms); Windows
    // sends the SYN again at 1 s and 2 s (KB 175523: the timeout is not doubled) and reports
    // refused when the third RST comes back, 2.02 s after the attempt began
    Topology t = Fixtures.world().machine("fe", java.util.Set.of(Family.IPV4), "2001:db8::1", "192.0.2.1").build();
    StackConfig linux = Fixtures.stack(StrategyKind.SEQUENTIAL);
    CallTrace l = trace(t, linux, 0, 0);
    assertEquals("2001:db8::1=refused 192.0.2.1=connected", outcomes(l));
    assertEquals(25 * MS, l.attempts().get(0).endNs());
    StackConfig windows = Fixtures.Stack.from(linux).rst(org.dialsim.stack.RstAction.RETRY).build();
    CallTrace w = trace(t, windows, 0, 0);
    assertEquals("2001:db8::1=refused 192.0.2.1=connected", outcomes(w));
    assertArrayEquals(new long[] {5 * MS, 1005 * MS, 2005 * MS}, w.attempts().get(0).synsNs());
    assertEquals(2025 * MS, w.attempts().get(0).endNs());
    assertEquals(2045 * MS, w.endNs());
  }
}
