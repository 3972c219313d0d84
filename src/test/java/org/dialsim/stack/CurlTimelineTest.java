package org.dialsim.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Family;
import org.dialsim.model.Match;
import org.dialsim.model.PathRule;
import org.dialsim.model.Topology;
import org.dialsim.scenario.Profiles;
import org.dialsim.sim.CallTrace;
import org.dialsim.sim.Fixtures;
import org.dialsim.sim.Plan;
import org.dialsim.sim.World;
import org.junit.jupiter.api.Test;

/**
 * curl's second family and next address, release by release, from lib/connect.c. Every world
 * answers DNS in 5 ms and has a 20 ms RTT; a host that does not listen on a family answers its
 * SYN with a RST one RTT later (refused). glibc's order puts IPv6 first, so IPv6 is curl's first
 * eyeballer (baller[0]), IPv4 the second, started after the 200 ms happy-eyeballs timeout or when
 * the first is out of addresses.
 *
 * <p>curl 7.88.0 to 8.3.x (curl-7.88, tag curl-7_88_1): is_connected() answers a failed attempt
 * with baller_start_next(), which only creates the next address's filter; its connect() waits for
 * the next pass, that is the next wake-up: the happy-eyeballs timer (200 ms after connecting
 * began), another attempt's end, a per-address timer, the curl tool's 1 s poll. Starting the
 * other family runs a pass at once ({@code goto evaluate}). curl 8.4.0 and later (commit
 * 01d8473b25) and 7.87.0 and earlier (trynextip()) start the next address at once
 * (curl-classic).
 */
class CurlTimelineTest {
  private static final long MS = Time.MS;

  private static CallTrace trace(Topology t, String profile) {
    StackConfig stack = Fixtures.onTime(Profiles.get(profile).stack());
    return new World(new Plan(t, stack), 7).trace(0, 0, 0, (c, i, ok, e, a, w) -> { });
  }

  private static CallTrace trace(Topology t, StackConfig stack) {
    return new World(new Plan(t, Fixtures.onTime(stack)), 7).trace(0, 0, 0, (c, i, ok, e, a, w) -> { });
  }

  /** Two IPv6 addresses on a machine that listens on IPv4 only, and a working IPv4 address. */
  private static Topology twoRefusedIpv6() {
    return Fixtures.world().machine("v4only", Set.of(Family.IPV4), "2001:db8::1", "2001:db8::2")
        .host("192.0.2.1", true).build();
  }

  private static long startOf(CallTrace t, String address) {
    return t.attempts().stream().filter(a -> a.address().equals(Address.of(address))).findFirst().orElseThrow()
        .startNs();
  }

  @Test
  void curl788ConnectsToIpv4TwoHundredMillisecondsInWhenBothIpv6AddressesAreRefused() {
    // 2001:db8::1 refused at 25 ms; 2001:db8::2 waits for a wake-up; the happy-eyeballs timer at
    // 5 + 200 = 205 ms starts it and, the delay having passed, IPv4 too: connected at 205 + 20
    CallTrace t = trace(twoRefusedIpv6(), "curl-7.88");
    assertTrue(t.connected());
    assertEquals(Address.of("192.0.2.1"), t.connectedAddress());
    assertEquals(205 * MS, startOf(t, "2001:db8::2"));
    assertEquals(205 * MS, startOf(t, "192.0.2.1"));
    assertEquals(225 * MS, t.endNs());
  }

  @Test
  void curlClassicTriesTheNextAddressAndThenIpv4AtOnce() {
    // 2001:db8::1 refused at 25 ms, 2001:db8::2 at once, refused at 45 ms; IPv6 is out of
    // addresses, so IPv4 starts then and connects at 65 ms: two IPv6 RTTs plus the IPv4 one
    CallTrace t = trace(twoRefusedIpv6(), "curl-classic");
    assertEquals(25 * MS, startOf(t, "2001:db8::2"));
    assertEquals(45 * MS, startOf(t, "192.0.2.1"));
    assertEquals(65 * MS, t.endNs());
  }

  @Test
  void curl788StartsIpv4AtOnceWhenItsOnlyIpv6AddressIsRefused() {
    // one IPv6 address: refused at 25 ms leaves the first eyeballer with none (is_done), and the
    // second starts in the same pass: connected at 45 ms, as curl-classic
    Topology t = Fixtures.world().machine("v4only", Set.of(Family.IPV4), "2001:db8::1").host("192.0.2.1", true).build();
    assertEquals(45 * MS, trace(t, "curl-7.88").endNs());
    assertEquals(45 * MS, trace(t, "curl-classic").endNs());
  }

  @Test
  void curl788WaitsTheSameWhenTheIpv6AddressesAreUnreachable() {
    // an ICMP error one RTT after each IPv6 SYN ends the attempt as a RST does: IPv4 at 205 ms
    Topology t = Fixtures.world().host("2001:db8::1", true).host("2001:db8::2", true).host("192.0.2.1", true)
        .path(new PathRule(new Match.ToFamily(Family.IPV6), Behaviour.UNREACHABLE, 0, null)).build();
    assertEquals(225 * MS, trace(t, "curl-7.88").endNs());
    assertEquals(65 * MS, trace(t, "curl-classic").endNs());
  }

  /** Three IPv4 addresses, the first two on a machine that listens on IPv6 only. */
  private static Topology twoRefusedThenOne() {
    return Fixtures.world().machine("v6only", Set.of(Family.IPV6), "192.0.2.1", "192.0.2.2")
        .host("192.0.2.3", true).build();
  }

  @Test
  void theCurlToolWakesEverySecondForTheThirdAddress() {
    // one family only. .1 refused at 25 ms; .2 waits for the happy-eyeballs timer (205 ms), is
    // refused at 225 ms; no timer is left for .3 but the tool's 1 s poll, 1 s after that last
    // wake-up: .3 at 1225 ms, connected at 1245 ms (curl 7.88.1 measured: 1.20 to 1.22 s on
    // loopback)
    CallTrace t = trace(twoRefusedThenOne(), "curl-7.88");
    assertEquals(List.of(5 * MS, 205 * MS, 1225 * MS),
        t.attempts().stream().map(CallTrace.Attempt::startNs).sorted().toList());
    assertEquals(1245 * MS, t.endNs());
    assertEquals(45 * MS + 20 * MS, trace(twoRefusedThenOne(), "curl-classic").endNs());
  }

  @Test
  void anEventLoopApplicationWaitsForTheOldPerAddressTimer() {
    // wakeup_every none (libcurl on the application's own loop). .1 is created at 5 ms with half
    // the 299.995 s left (another IPv4 address follows): its timer at 5 ms + 149.9975 s; .2, taken
    // at 25 ms, replaces it with 25 ms + 149.9875 s = 150.0125 s. .3, the last, sets none, so the
    // old timer is the next wake-up: .3 starts at 150.0125 s and connects 20 ms later
    StackConfig loop = Fixtures.Stack.from(Profiles.get("curl-7.88").stack())
        .advance(Advance.NEXT_WAKEUP, Time.NEVER).build();
    CallTrace t = trace(twoRefusedThenOne(), loop);
    assertEquals(150_012_500_000L, startOf(t, "192.0.2.3"));
    assertEquals(150_032_500_000L, t.endNs());
  }

  @Test
  void aWaitingAddressCountsItsShareOfTheTimeFromWhenItWasTaken() {
    // three IPv6 addresses (the first refused, the second blackholed, the third working), IPv4
    // blackholed, a 10 s connect timeout. ::2 is taken at 25 ms with half of the 9.975 s left
    // (::3 follows), 4.9875 s counted from then (baller_start() sets started and timeoutms when
    // the filter is created): it starts at the 205 ms timer and is given up at 5.0125 s, not
    // 205 ms + 4.9875 s. ::3 then waits for the tool's poll, 1 s later: 6.0125 s, connected
    // 20 ms after
    Topology t = Fixtures.world().machine("v4only", Set.of(Family.IPV4), "2001:db8::1")
        .host("2001:db8::2", true).host("2001:db8::3", true).host("192.0.2.1", true)
        .path(new PathRule(new Match.ToAddress(Address.of("2001:db8::2")), Behaviour.BLACKHOLE, 0, null))
        .path(new PathRule(new Match.ToFamily(Family.IPV4), Behaviour.BLACKHOLE, 0, null)).build();
    StackConfig tenSeconds = Fixtures.withDeadline(Profiles.get("curl-7.88").stack(), 10 * Time.S);
    CallTrace tr = trace(t, tenSeconds);
    CallTrace.Attempt second = tr.attempts().stream().filter(a -> a.address().equals(Address.of("2001:db8::2")))
        .findFirst().orElseThrow();
    assertEquals(205 * MS, second.startNs());
    assertEquals(5_012_500_000L, second.endNs());
    assertEquals(6_012_500_000L, startOf(tr, "2001:db8::3"));
    assertEquals(6_032_500_000L, tr.endNs());
    assertEquals(Address.of("2001:db8::3"), tr.connectedAddress());
  }
}
