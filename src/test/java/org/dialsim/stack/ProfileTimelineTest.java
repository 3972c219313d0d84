package org.dialsim.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Delay;
import org.dialsim.model.Family;
import org.dialsim.model.Match;
import org.dialsim.model.PathRule;
import org.dialsim.model.Topology;
import org.dialsim.model.Workload;
import org.dialsim.scenario.Profiles;
import org.dialsim.sim.CallTrace;
import org.dialsim.sim.Fixtures;
import org.dialsim.sim.Plan;
import org.dialsim.sim.World;
import org.junit.jupiter.api.Test;

/**
 * Each built-in profile's time to connect, worked out by hand from the constants its sources
 * cite. Every world has a fixed 20 ms RTT and 5 ms DNS answers (A and AAAA alike), so each time
 * below is a sum of those and the profile's own delays. The main world is the classic broken
 * IPv6 case: one IPv6 and one IPv4 address (the AAAA record listed first), IPv6 blackholed.
 *
 * <p>The Linux profiles give up on a silent address after 131 s (Linux 6.5+, syn linux): SYNs at
 * 0, 1, 2, 3, 4, 5, 7, 11, 19, 35 and 67 s (1 s initial RTO, tcp_syn_retries 6,
 * tcp_syn_linear_timeouts 4: five 1 s timers, then 2, 4, ... 64 s; the tenth retransmission's timer
 * ends it at 67 + 64 = 131 s). The profiles run here with their timers on time
 * ({@link Fixtures#onTime}): the kernel's timer wheel, which makes those 133.26 to 135.30 s, has
 * tests of its own.
 */
class ProfileTimelineTest {
  private static final long MS = Time.MS;
  private static final long S = Time.S;
  private static final PathRule V6_BLACKHOLE =
      new PathRule(new Match.ToFamily(Family.IPV6), Behaviour.BLACKHOLE, 0, null);

  /** IPv6 blackholed, IPv4 working. */
  private static Topology brokenIpv6() {
    return Fixtures.world().host("2001:db8::1", true).host("192.0.2.1", true).path(V6_BLACKHOLE).build();
  }

  /** The same world with the clients' own addresses set (RFC 6724 source selection). */
  private static Topology withSources(Topology t, String... literals) {
    List<Address> sources = new ArrayList<>();
    for (String l : literals) {
      sources.add(Address.of(l));
    }
    Workload w = t.workload();
    return new Topology(t.hosts(), t.network(), t.dns(), new Workload(w.clients(), sources, w.target(),
        w.callsPerClient(), w.startSpreadNs(), w.intervalNs(), w.exponential()));
  }

  private static StackConfig profile(String name) {
    return Fixtures.onTime(Profiles.get(name).stack());
  }

  private static CallTrace trace(Topology t, StackConfig stack, int call) {
    return new World(new Plan(t, stack), 7).trace(0, 0, call, (c, i, ok, e, a, w) -> { });
  }

  private static CallTrace trace(Topology t, String profile) {
    return trace(t, profile(profile), 0);
  }

  /** Time from the call's start to its end. */
  private static long establish(CallTrace t) {
    return t.endNs() - t.startNs();
  }

  private static String outcomes(CallTrace t) {
    List<String> out = new ArrayList<>();
    for (CallTrace.Attempt a : t.attempts()) {
      out.add(a.address() + "=" + a.outcome().key());
    }
    return String.join(" ", out);
  }

  private static void connectsOverIpv4(CallTrace t, long expectedNs) {
    assertTrue(t.connected(), outcomes(t));
    assertEquals(Address.of("192.0.2.1"), t.connectedAddress(), outcomes(t));
    assertEquals(expectedNs, establish(t), outcomes(t));
  }

  // ---- family-race: the other family's racer after attempt_delay ------------------------------

  @Test
  void goStartsIpv4AfterItsThreeHundredMillisecondFallbackDelay() {
    // net/dial.go fallbackDelay() = 300 ms. Go's RFC 6724 sort puts IPv6 (precedence 40) before
    // IPv4 (35), so IPv6 is the primary racer: 5 ms DNS, IPv6 SYN at 5 ms, IPv4 racer at
    // 5 + 300 = 305 ms, SYN-ACK 20 ms later
    CallTrace t = trace(brokenIpv6(), "go");
    connectsOverIpv4(t, 325 * MS);
    // attempts are listed as they end: IPv4 connects, then the IPv6 attempt is cancelled
    assertEquals("192.0.2.1=connected 2001:db8::1=cancelled", outcomes(t));
    assertEquals(305 * MS, t.attempts().get(0).startNs());
    assertEquals(5 * MS, t.attempts().get(1).startNs());
  }

  @Test
  void chromiumStartsTheIpv4SubJobAfterKIpv6FallbackTime() {
    // transport_connect_job.h kIPv6FallbackTime = 300 ms: 5 + 300 + 20 = 325 ms
    connectsOverIpv4(trace(brokenIpv6(), "chromium"), 325 * MS);
  }

  @Test
  void curlClassicStartsTheSecondEyeballerAfterTwoHundredMilliseconds() {
    // CURL_HET_DEFAULT 200 ms; glibc's table also puts IPv6 first: 5 + 200 + 20 = 225 ms
    connectsOverIpv4(trace(brokenIpv6(), "curl-classic"), 225 * MS);
  }

  @Test
  void firefoxStartsItsIpv4BackupAfterTheConnectionRetryTimeout() {
    // network.http.connection-retry-timeout = 250 ms: 5 + 250 + 20 = 275 ms
    connectsOverIpv4(trace(brokenIpv6(), "firefox"), 275 * MS);
  }

  // ---- staggered: a new attempt every attempt_delay, earlier ones kept -------------------------

  @Test
  void curlStartsTheNextAttemptAfterTwoHundredMilliseconds() {
    // cf-ip-happy.c: IPv6 first, the next (IPv4) attempt 200 ms later: 5 + 200 + 20 = 225 ms
    CallTrace t = trace(brokenIpv6(), "curl");
    connectsOverIpv4(t, 225 * MS);
    assertEquals(List.of(Address.of("2001:db8::1"), Address.of("192.0.2.1")), t.order());
  }

  @Test
  void okhttpPythonAndRfc8305StartTheNextAttemptAfterTwoHundredFiftyMilliseconds() {
    // OkHttp connectDelayNanos = 250 ms; happy_eyeballs_delay=0.25; RFC 8305 section 5's 250 ms.
    // 5 + 250 + 20 = 275 ms for each
    connectsOverIpv4(trace(brokenIpv6(), "okhttp"), 275 * MS);
    connectsOverIpv4(trace(brokenIpv6(), "python-asyncio-he"), 275 * MS);
    // rfc8305: A and AAAA both answer at 5 ms, AAAA makes it start at once (section 3), so the
    // 50 ms Resolution Delay costs nothing here
    connectsOverIpv4(trace(brokenIpv6(), "rfc8305"), 275 * MS);
  }

  @Test
  void okhttpInterleavesIpv6FirstWhateverTheDnsOrder() {
    // reorderForHappyEyeballs: interleave(ipv6, ipv4), IPv6 first, though DNS lists IPv4 first
    Topology t = Fixtures.world().host("192.0.2.1", true).host("192.0.2.2", true)
        .host("2001:db8::1", true).host("2001:db8::2", true).path(V6_BLACKHOLE).build();
    CallTrace tr = trace(t, "okhttp");
    assertEquals(List.of(Address.of("2001:db8::1"), Address.of("192.0.2.1"), Address.of("2001:db8::2"),
        Address.of("192.0.2.2")), tr.order());
    // the second attempt (192.0.2.1) starts at 5 + 250 ms and connects 20 ms later
    assertEquals(275 * MS, establish(tr));
  }

  @Test
  void okhttpGivesEachConnectTenSeconds() {
    // OkHttpClient connectTimeout = 10_000 ms ends a silent attempt long before Linux's 131 s:
    // DNS 5 ms + 10 s
    Topology t = Fixtures.world().host("192.0.2.1", false).build();
    CallTrace tr = trace(t, "okhttp");
    assertFalse(tr.connected());
    assertEquals("192.0.2.1=timeout", outcomes(tr));
    assertEquals(10_005 * MS, tr.attempts().get(0).endNs());
  }

  @Test
  void okhttpPostponesARouteThatFailedForTheClientsLife() {
    // RouteDatabase: 192.0.2.1 refuses (its host listens on IPv6 only: a RST after one RTT);
    // call 1 moves on at once and connects over 192.0.2.2 at 5 + 20 + 20 = 45 ms. Call 2 (30 s
    // later, DNS answer still cached) tries 192.0.2.2 first: 20 ms
    Topology t = Fixtures.world().machine("v6only", Set.of(Family.IPV6), "192.0.2.1").host("192.0.2.2", true)
        .workload(1, 2).build();
    CallTrace first = trace(t, profile("okhttp"), 0);
    assertEquals("192.0.2.1=refused 192.0.2.2=connected", outcomes(first));
    assertEquals(45 * MS, establish(first));
    CallTrace second = trace(t, profile("okhttp"), 1);
    assertEquals("192.0.2.2=connected", outcomes(second));
    assertEquals(20 * MS, establish(second));
    assertEquals(Time.NEVER, profile("okhttp").memory().ttlNs());
  }

  // ---- abort-advance: Node.js ---------------------------------------------------------------------

  @Test
  void nodeAbandonsIpv6AfterTwoHundredFiftyMilliseconds() {
    // autoSelectFamilyAttemptTimeout 250 ms: IPv6 abandoned at 5 + 250 = 255 ms, IPv4 (the last
    // address, never abandoned) connects at 275 ms
    CallTrace t = trace(brokenIpv6(), "node");
    connectsOverIpv4(t, 275 * MS);
    assertEquals("2001:db8::1=timeout 192.0.2.1=connected", outcomes(t));
    assertEquals(255 * MS, t.attempts().get(0).endNs());
    // node-500: 5 + 500 + 20 = 525 ms
    connectsOverIpv4(trace(brokenIpv6(), "node-500"), 525 * MS);
  }

  @Test
  void nodeFailsOnAPathSlowerThanItsAttemptTimeout() {
    // An IPv4-only client (its one source address is IPv4, so RFC 6724 rule 1 puts IPv6 last)
    // on a 300 ms RTT path. Node tries IPv4 first and abandons it at 5 + 250 = 255 ms, before its
    // SYN-ACK could arrive at 305 ms; the last address, IPv6, is never abandoned but blackholed,
    // so the call fails when Linux gives up on it 131 s later (nodejs/node issue 47822)
    Topology t = withSources(Fixtures.world().host("2001:db8::1", true).host("192.0.2.1", true).path(V6_BLACKHOLE)
        .rtt(new Delay.Fixed(300 * MS)).build(), "192.0.2.50");
    CallTrace node = trace(t, "node");
    assertEquals(List.of(Address.of("192.0.2.1"), Address.of("2001:db8::1")), node.order());
    assertFalse(node.connected());
    assertEquals("192.0.2.1=timeout 2001:db8::1=timeout", outcomes(node));
    assertEquals(255 * MS + 131 * S, node.endNs());
    // node-500 keeps the IPv4 attempt for 500 ms > 300 ms: 5 + 300 = 305 ms
    connectsOverIpv4(trace(t, "node-500"), 305 * MS);
  }

  // ---- one at a time -------------------------------------------------------------------------------

  @Test
  void linuxGlibcWaitsTheFullSynScheduleOnTheBlackholedIpv6Address() {
    // glibc's table: ::/0 precedence 40 beats IPv4-mapped 10, so IPv6 first; it gives up after
    // 131 s (11 SYNs: 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67 s), then IPv4: 5 ms + 131 s + 20 ms
    CallTrace t = trace(brokenIpv6(), "linux-glibc");
    connectsOverIpv4(t, 131_025 * MS);
    assertEquals(11, t.attempts().get(0).synsNs().length);
  }

  @Test
  void javaSocketTriesOnlyTheFirstAddressIpv4First() {
    // preferIPv6Addresses=false puts IPv4 first, so broken IPv6 costs nothing: 5 + 20 ms
    CallTrace t = trace(brokenIpv6(), "java-socket");
    connectsOverIpv4(t, 25 * MS);
    assertEquals(1, t.attempts().size());
    // but when the first address is dead the call fails, although the second would answer:
    // one attempt, given up by Linux after 131 s
    Topology deadFirst = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", true).build();
    CallTrace dead = trace(deadFirst, "java-socket");
    assertFalse(dead.connected());
    assertEquals("192.0.2.1=timeout", outcomes(dead));
    assertEquals(131_005 * MS, dead.endNs());
  }

  @Test
  void ucma4PutsIpv4FirstSoBrokenIpv6CostsNothing() {
    // order prefer-ipv4: the IPv4 address is tried first and answers: 5 + 20 ms
    connectsOverIpv4(trace(brokenIpv6(), "ucma-4"), 25 * MS);
  }

  @Test
  void windowsProfilesWaitTwentyOneSecondsOnIpv6() {
    // IPv6 first; classic: SYNs at 0, 3, 9 s, gives up at 21 s; modern: 1 s RTO, cap 21 s.
    // 5 ms + 21 s + 20 ms either way
    connectsOverIpv4(trace(brokenIpv6(), "windows-classic"), 21_025 * MS);
    connectsOverIpv4(trace(brokenIpv6(), "windows-modern"), 21_025 * MS);
  }

  // ---- deadlines and their shares ------------------------------------------------------------------

  @Test
  void goSplitsAThirtySecondDeadlineEvenlyOverFourAddresses() {
    // partialDeadline: 30 s / 4 addresses = 7.5 s each (DNS answers at once here), well above the
    // 2 s saneMinimum and below Linux's 131 s. All four are IPv4, so one racer holds them all
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).host("192.0.2.3", false)
        .host("192.0.2.4", false).dnsLatency(0).build();
    CallTrace tr = trace(t, Fixtures.withDeadline(profile("go"), 30 * S), 0);
    assertEquals(List.of(7500 * MS, 15 * S, 22_500 * MS, 30 * S),
        tr.attempts().stream().map(CallTrace.Attempt::endNs).toList());
    assertFalse(tr.connected());
  }

  @Test
  void goSharesTheDeadlineWithinEachFamilysRacer() {
    // two dead IPv6 and two dead IPv4 addresses, 30 s: the IPv6 racer's first address gets
    // 30 / 2 = 15 s; the IPv4 racer starts at 300 ms and its first address gets
    // (30 - 0.3) / 2 = 14.85 s, ending at 15.15 s
    Topology t = Fixtures.world().host("2001:db8::1", false).host("2001:db8::2", false)
        .host("192.0.2.1", false).host("192.0.2.2", false).dnsLatency(0).build();
    CallTrace tr = trace(t, Fixtures.withDeadline(profile("go"), 30 * S), 0);
    CallTrace.Attempt v6 = tr.attempts().stream().filter(a -> a.address().equals(Address.of("2001:db8::1"))).findFirst().orElseThrow();
    CallTrace.Attempt v4 = tr.attempts().stream().filter(a -> a.address().equals(Address.of("192.0.2.1"))).findFirst().orElseThrow();
    assertEquals(15 * S, v6.endNs());
    assertEquals(300 * MS, v4.startNs());
    assertEquals(15_150 * MS, v4.endNs());
  }

  @Test
  void curlClassicHalvesWhatIsLeftOfItsThreeHundredSeconds() {
    // three dead IPv4 addresses, DNS at once. The first may take 150 s, but Linux gives up at
    // 131 s; the second gets (300 - 131) / 2 = 84.5 s, ending at 215.5 s; the last gets the rest
    // and the 300 s connect timeout ends it
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).host("192.0.2.3", false)
        .dnsLatency(0).build();
    CallTrace tr = trace(t, "curl-classic");
    assertEquals(List.of(131 * S, 215_500 * MS, 300 * S),
        tr.attempts().stream().map(CallTrace.Attempt::endNs).toList());
    assertEquals(CallTrace.End.DEADLINE, tr.tries().get(0).end());
  }

  @Test
  void chromiumAndFirefoxLimits() {
    // one silent address, DNS at once. Chromium: Linux gives up at 131 s, before the 240 s
    // (4-minute) job timer; the backup job, 250 ms later, would give up at 131.25 s, but the
    // first job's failure ends the request first. Firefox: network.http.connection-timeout
    // ends the attempt at 90 s
    Topology oneDead = Fixtures.world().host("192.0.2.1", false).dnsLatency(0).build();
    assertEquals(131 * S, trace(oneDead, "chromium").endNs());
    assertEquals(240 * S, profile("chromium").deadlineNs());
    assertEquals(90 * S, trace(oneDead, "firefox").endNs());
  }
}
