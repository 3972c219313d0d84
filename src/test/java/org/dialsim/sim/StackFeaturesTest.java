package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.engine.Time;
import org.dialsim.model.AaaaBehaviour;
import org.dialsim.model.Address;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Family;
import org.dialsim.model.Match;
import org.dialsim.model.PathRule;
import org.dialsim.model.Topology;
import org.dialsim.stack.Memory;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stack.SynSchedule;
import org.dialsim.stack.TimeoutSplit;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed timelines for resolver behaviour, learning, call retries and timeout splits.
 * As in {@link TimelineTest}: 20 ms RTT, classic Windows SYNs unless a test says otherwise.
 */
class StackFeaturesTest {
  private static final long MS = Time.MS;
  private static final long S = Time.S;
  private static final PathRule V6_BLACKHOLE = new PathRule(new Match.ToFamily(Family.IPV6), Behaviour.BLACKHOLE, 0, null);

  private static CallTrace trace(Topology t, StackConfig stack, int call) {
    return Fixtures.trace(t, stack, 0, call);
  }

  private static String outcomes(CallTrace t) {
    return Fixtures.outcomes(t);
  }

  @Test
  void aGetaddrinfoStackWaitsOutAnAaaaTimeout() {
    // A answers at 5 ms; AAAA never does, and the resolver gives up after its 5 s timeout
    Topology t = Fixtures.world().host("2001:db8::1", true).host("192.0.2.1", true).aaaa(AaaaBehaviour.TIMEOUT).build();
    CallTrace tr = trace(t, Fixtures.stack(StrategyKind.SEQUENTIAL), 0);
    assertEquals("192.0.2.1=connected", outcomes(tr));
    assertEquals(5 * S, tr.attempts().get(0).startNs());
    assertEquals(5020 * MS, tr.endNs());
    assertTrue(tr.dns().stream().anyMatch(d -> d.type().equals("AAAA") && d.note().startsWith("no answer")));
  }

  @Test
  void aHappyEyeballsStackStopsWaitingAfterItsResolutionDelay() {
    // RFC 8305 section 3: A at 5 ms, then 50 ms of Resolution Delay, then go with A alone
    Topology t = Fixtures.world().host("2001:db8::1", true).host("192.0.2.1", true).aaaa(AaaaBehaviour.TIMEOUT).build();
    StackConfig he = Fixtures.stackBuilder(StrategyKind.STAGGERED).resolutionDelay(50 * MS).build();
    CallTrace tr = trace(t, he, 0);
    assertEquals("192.0.2.1=connected", outcomes(tr));
    assertEquals(55 * MS, tr.attempts().get(0).startNs());
    assertEquals(75 * MS, tr.endNs());
  }

  @Test
  void aCachedAAnswerStartsTheResolutionDelayToo() {
    // call 2 (at 30 s) finds A in the cache (TTL 5 min) and asks for AAAA again, which never
    // answers: it must go with A after 50 ms, as call 1 did, not wait for the resolver's 5 s
    Topology t = Fixtures.world().host("2001:db8::1", true).host("192.0.2.1", true).aaaa(AaaaBehaviour.TIMEOUT).workload(1, 2).build();
    StackConfig he = Fixtures.stackBuilder(StrategyKind.STAGGERED).resolutionDelay(50 * MS).build();
    CallTrace second = trace(t, he, 1);
    assertEquals("192.0.2.1=connected", outcomes(second));
    assertEquals(30 * S + 50 * MS, second.attempts().get(0).startNs());
    assertEquals(30 * S + 70 * MS, second.endNs());
  }

  @Test
  void anEmptyAaaaAnswerLeavesOnlyIpv4() {
    Topology t = Fixtures.world().host("2001:db8::1", true).host("192.0.2.1", true).aaaa(AaaaBehaviour.EMPTY).build();
    CallTrace tr = trace(t, Fixtures.stack(StrategyKind.SEQUENTIAL), 0);
    assertEquals(List.of(Address.of("192.0.2.1")), tr.order());
    assertEquals(25 * MS, tr.endNs());
  }

  @Test
  void anEarlyAaaaAnswerStartsAtOnceAndTheLateAJoinsTheList() {
    // AAAA at 5 ms, A at 100 ms; IPv6 blackholed. Happy Eyeballs starts IPv6 at 5 ms, adds the
    // IPv4 address when A comes, and starts it at the next attempt delay, 255 ms
    Topology t = Fixtures.world().host("2001:db8::1", true).host("192.0.2.1", true).path(V6_BLACKHOLE)
        .dnsLatency(100 * MS).aaaaLatency(5 * MS).build();
    StackConfig he = Fixtures.stackBuilder(StrategyKind.STAGGERED).resolutionDelay(50 * MS).build();
    CallTrace tr = trace(t, he, 0);
    assertEquals(List.of(Address.of("192.0.2.1")), tr.lateAddresses());
    assertEquals(255 * MS, tr.attempts().get(0).startNs());
    assertEquals(275 * MS, tr.endNs());
    // a synchronous resolver waits for A (100 ms), then staggers IPv6 then IPv4: 350 + 20 ms
    StackConfig sync = Fixtures.stackBuilder(StrategyKind.STAGGERED).build();
    assertEquals(370 * MS, trace(t, sync, 0).endNs());
  }

  @Test
  void aStaleHostsFileSendsEveryCallToTheRetiredAddressFirst() {
    // the hosts file still lists the retired 192.0.2.99 first; no DNS wait, no refresh
    Topology t = Fixtures.world().stale("192.0.2.99").host("192.0.2.1", true).hostsFile().workload(1, 2).build();
    StackConfig stack = Fixtures.stack(StrategyKind.SEQUENTIAL);
    CallTrace first = trace(t, stack, 0);
    assertEquals("192.0.2.99=timeout 192.0.2.1=connected", outcomes(first));
    assertEquals(21_020 * MS, first.endNs());
    assertEquals("hosts-file", first.dns().get(0).type());
    CallTrace second = trace(t, stack, 1);
    assertEquals("192.0.2.99=timeout 192.0.2.1=connected", outcomes(second));
  }

  @Test
  void aCallRetryAfterBackoffReachesAHostThatCameBack() {
    // the host is down for the first 5 s; each try may take 2 s; one retry after 4 s of
    // backoff. Try 1: SYN at 5 ms into a dead host, deadline at 2 s. Try 2 starts at 6 s with
    // the answer cached, and connects at 6.02 s
    Topology t = Fixtures.world().hostDown("192.0.2.1", 0, 5 * S).build();
    StackConfig stack = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).deadline(2 * S).retries(1, 4 * S).build();
    CallTrace tr = trace(t, stack, 0);
    assertTrue(tr.connected());
    assertEquals(2, tr.tries().size());
    assertEquals(CallTrace.End.DEADLINE, tr.tries().get(0).end());
    assertEquals(6 * S, tr.tries().get(1).startNs());
    assertEquals(6020 * MS, tr.endNs());
    int[] attempts = new int[1];
    long[] establish = new long[1];
    new World(new Plan(t, stack), 7).run(0, (c, i, ok, e, a, w) -> {
      attempts[0] = a;
      establish[0] = e;
    });
    assertEquals(2, attempts[0]);
    assertEquals(6020 * MS, establish[0]);
    // without the retry the call fails
    assertFalse(trace(t, Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).deadline(2 * S).build(), 0).connected());
  }

  @Test
  void preferLastGoodPutsTheAddressThatConnectedFirst() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", true).workload(1, 2).build();
    StackConfig stack = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).memory(new Memory(Memory.Kind.PREFER_LAST_GOOD, 10 * Time.M)).build();
    CallTrace second = trace(t, stack, 1);
    assertEquals("192.0.2.2=connected", outcomes(second));
    assertTrue(second.orderNotes().stream().anyMatch(n -> n.contains("connected last goes first")), second.orderNotes().toString());
    // once its memory has lapsed (learned at 21.025 s, kept 5 s, call 2 at 30 s) the DNS order is back
    StackConfig brief = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).memory(new Memory(Memory.Kind.PREFER_LAST_GOOD, 5 * S)).build();
    assertEquals("192.0.2.1=timeout 192.0.2.2=connected", outcomes(trace(t, brief, 1)));
  }

  @Test
  void goSplitsThirtySecondsEvenlyOverFourAddresses() {
    // net/dial.go partialDeadline: remaining / addresses left; with DNS at 0, 7.5 s each
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).host("192.0.2.3", false)
        .host("192.0.2.4", false).dnsLatency(0).build();
    StackConfig go = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).syn(new SynSchedule(S, 6, 0, Time.NEVER))
        .split(TimeoutSplit.EVEN).deadline(30 * S).build();
    CallTrace tr = trace(t, go, 0);
    long[] ends = tr.attempts().stream().mapToLong(CallTrace.Attempt::endNs).toArray();
    assertEquals(List.of(7500 * MS, 15 * S, 22_500 * MS, 30 * S), java.util.Arrays.stream(ends).boxed().toList());
  }

  @Test
  void goNeverGivesAnAddressLessThanTwoSeconds() {
    // 20 addresses in 30 s would be 1.5 s each; Go's saneMinimum raises that to 2 s
    Fixtures.World w = Fixtures.world().dnsLatency(0);
    for (int i = 1; i <= 20; i++) {
      w.host("192.0.2." + i, false);
    }
    StackConfig go = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).syn(new SynSchedule(S, 6, 0, Time.NEVER))
        .split(TimeoutSplit.EVEN).deadline(30 * S).build();
    CallTrace tr = trace(w.build(), go, 0);
    assertEquals(2 * S, tr.attempts().get(0).endNs());
    // 15 attempts of 2 s fill the 30 s; the deadline cuts the 15th exactly at its end
    assertEquals(15, tr.attempts().size());
  }

  @Test
  void curlHalvesTheRemainingTimeForEachNonLastAddress() {
    // curl <= 8.14: 300 s; the first of three IPv4 addresses gets 150 s, the second half of
    // the remaining 150 s, the last all that is left
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).host("192.0.2.3", false).dnsLatency(0).build();
    StackConfig curl = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).syn(new SynSchedule(S, 9, 0, Time.NEVER))
        .split(TimeoutSplit.HALVE).deadline(300 * S).build();
    CallTrace tr = trace(t, curl, 0);
    assertEquals(150 * S, tr.attempts().get(0).endNs());
    assertEquals(225 * S, tr.attempts().get(1).endNs());
    assertEquals(300 * S, tr.attempts().get(2).endNs());
  }

  @Test
  void anIpv4HintNeverAsksForAaaaAndNeverTriesIpv6() {
    Topology t = Fixtures.world().host("2001:db8::1", true).host("192.0.2.1", true).path(V6_BLACKHOLE).build();
    StackConfig hint = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).families(Family.IPV4).build();
    CallTrace tr = trace(t, hint, 0);
    assertEquals("192.0.2.1=connected", outcomes(tr));
    assertTrue(tr.dns().stream().noneMatch(d -> d.type().equals("AAAA")));
    assertEquals("192.0.2.1=connected", outcomes(tr));
    // without the hint, IPv6 comes first as written and costs 21 s
    assertEquals(21_025 * MS, trace(t, Fixtures.stack(StrategyKind.SEQUENTIAL), 0).endNs());
  }

  @Test
  void failedAddressesGoLastAfterInterleavingAsOkHttpOrdersThem() {
    // two dead IPv6 and two live IPv4 addresses, IPv6 first and interleaved: call 1 tries
    // 2001:db8::1 (21 s, fails) and connects on 192.0.2.1; only ::1 failed. Call 2 interleaves
    // again (::1, .1, ::2, .2) and then moves the failed ::1 to the end (OkHttp RouteSelector);
    // (memory before interleaving would give ::2, .1, ::1, .2: the failed ::1 third, not last)
    Topology t = Fixtures.world().host("2001:db8::1", false).host("192.0.2.1", true).host("2001:db8::2", false)
        .host("192.0.2.2", true).workload(1, 2).build();
    StackConfig okhttpLike = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).order(org.dialsim.stack.Order.PREFER_IPV6).interleave(1)
        .memory(new Memory(Memory.Kind.AVOID_FAILED, Time.NEVER)).build();
    CallTrace second = trace(t, okhttpLike, 1);
    assertEquals(List.of(Address.of("192.0.2.1"), Address.of("2001:db8::2"), Address.of("192.0.2.2"), Address.of("2001:db8::1")),
        second.order());
    assertEquals("192.0.2.1=connected", outcomes(second));
  }

  /** A family race that retries a call whose AAAA answer comes only during the retry backoff. */
  private static StackConfig raceWithRetry() {
    return Fixtures.stackBuilder(StrategyKind.FAMILY_RACE).resolutionDelay(50 * MS).attemptDelay(520 * MS)
        .deadline(2 * S).retries(1, S).build();
  }

  @Test
  void anAnswerThatArrivesDuringTheRetryBackoffOnlyFillsTheCache() {
    // regression: the AAAA answer of try 1 (sent at 0, due at 2.5 s) arrived while the call
    // waited to retry and was taken as part of the next try. Now: try 1 goes with A after the
    // 50 ms Resolution Delay, hits the dead .1, and ends at its 2 s deadline; the AAAA answer
    // at 2.5 s only fills the cache; try 2 at 3 s has both answers cached, races .1 (v4 first)
    // and, 520 ms later, the dead ::1; ::2 is never reached and try 2 ends at 5 s
    Topology t = Fixtures.world().host("192.0.2.1", false).host("2001:db8::1", false).host("2001:db8::2", true)
        .aaaaLatency(2500 * MS).build();
    CallTrace tr = trace(t, raceWithRetry(), 0);
    assertFalse(tr.connected());
    assertEquals(2, tr.tries().size());
    assertEquals(CallTrace.End.DEADLINE, tr.tries().get(1).end());
    assertEquals(5 * S, tr.endNs());
    List<CallTrace.Attempt> second = tr.attempts().stream().filter(a -> a.tryNumber() == 2)
        .sorted(java.util.Comparator.comparingLong(CallTrace.Attempt::startNs)).toList();
    assertEquals(List.of(Address.of("192.0.2.1"), Address.of("2001:db8::1")), second.stream().map(CallTrace.Attempt::address).toList());
    assertEquals(3 * S, second.get(0).startNs());
    assertEquals(3520 * MS, second.get(1).startNs());
  }

  @Test
  void aLateAnswerWithoutCachingDoesNotCrashTheRetry() {
    // the same with TTL 0: nothing is cached, try 2 asks again; this used to throw in woken()
    Topology t = Fixtures.world().host("192.0.2.1", false).host("2001:db8::1", false).host("2001:db8::2", true)
        .aaaaLatency(2500 * MS).ttl(0).build();
    CallTrace tr = trace(t, raceWithRetry(), 0);
    assertEquals(2, tr.tries().size());
    assertFalse(tr.connected());
  }

  @Test
  void firstOnlyWithNoUsableAddressFailsInsteadOfVanishing() {
    // an IPv4 hint against an IPv6-only name: nothing to try; the call must still be counted
    Topology t = Fixtures.world().host("2001:db8::1", true).build();
    StackConfig javaV4 = Fixtures.stackBuilder(StrategyKind.FIRST_ONLY).families(Family.IPV4).build();
    int[] counted = new int[2];
    new World(new Plan(t, javaV4), 1).run(0, (c, i, ok, e, a, w) -> counted[ok ? 0 : 1]++);
    assertEquals(0, counted[0]);
    assertEquals(1, counted[1]);
    assertEquals(CallTrace.End.NO_ADDRESSES, trace(t, javaV4, 0).tries().get(0).end());
  }

  @Test
  void anEvenSplitThatReachesTheDeadlineIsCutByTheDeadline() {
    // Go's split gives the last address all the time left: that attempt is cut by the deadline
    // (cancelled), so memory does not mark the address failed and the try ends by DEADLINE
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).dnsLatency(0).workload(1, 2).build();
    StackConfig go = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).syn(new SynSchedule(S, 6, 0, Time.NEVER))
        .split(TimeoutSplit.EVEN).deadline(10 * S).memory(new Memory(Memory.Kind.AVOID_FAILED, 10 * Time.M)).build();
    CallTrace first = trace(t, go, 0);
    assertEquals("192.0.2.1=timeout 192.0.2.2=cancelled", outcomes(first));
    assertEquals(CallTrace.End.DEADLINE, first.tries().get(0).end());
    // call 2: only .1 is remembered as failed, so .2 goes first
    assertEquals(List.of(Address.of("192.0.2.2"), Address.of("192.0.2.1")), trace(t, go, 1).order());
  }
}
