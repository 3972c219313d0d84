package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * QUIC attempts' timelines, derived from RFC 9000 and RFC 9002: the first Initial at the
 * attempt's start, again at each probe timeout, the first PTO three initial RTTs (section
 * 6.2.1: smoothed_rtt + 4 x rttvar with rttvar = initial_rtt / 2), each later one doubled (PTO
 * backoff), so Initials go at {@code start + PTO x (2^k - 1)}; a silent handshake ends at the
 * idle timeout, at least three PTOs (RFC 9000 section 10.1), or the client's handshake limit. One
 * address, QUIC only (an HTTPS record {@code alpn: [h3], no_default_alpn: true}), answered
 * after 5 ms, so the attempt starts at 5 ms; RTT 20 ms.
 */
class QuicTimelineTest {
  private static String scenario(String path, String quic, String host) {
    return "name: q\nseed: 7\nreplications: 1\n"
        + "hosts:\n  a: { addresses: [2001:db8::1]" + host + " }\n"
        + "network:\n  rtt: 20ms\n  paths:\n" + path
        + "dns:\n  names:\n    www.example.com:\n      records: [2001:db8::1]\n"
        + "      https: [ { svc_priority: 1, alpn: [h3], no_default_alpn: true } ]\n"
        + "calls: { target: www.example.com }\n"
        + "configurations:\n  - { name: q, stack: { base: hev3, quic: " + quic + " } }\n";
  }

  private static final String UDP_BLACKHOLE = "    - { to: any, protocol: udp, behaviour: blackhole }\n";

  /** The only attempt's Initial times and end, seconds from the attempt's start. */
  private static List<String> initials(String yaml) {
    CallTrace t = Hev3.trace(yaml, "q");
    CallTrace.Attempt a = t.attempts().get(0);
    List<String> out = new ArrayList<>();
    for (long s : a.synsNs()) {
      out.add(Hev3.seconds(s - a.startNs()));
    }
    out.add("end " + Hev3.seconds(a.endNs() - a.startNs()) + " " + a.outcome().key());
    return out;
  }

  @Test
  void theRfcInitialRttGivesAOneSecondPtoDoubling() {
    // RFC 9002 section 6.2.2: 333 ms initial RTT, "a PTO of 1 second": 3 x 333 = 999 ms; Initials
    // at 0, 0.999, 2.997, 6.993, 14.985 s (the next, 30.969 s, is past the 30 s idle timeout)
    assertEquals(List.of("0", "0.999", "2.997", "6.993", "14.985", "end 30 timeout"),
        initials(scenario(UDP_BLACKHOLE, "{ initial_rtt: 333ms, idle_timeout: 30s }", "")));
  }

  @Test
  void neqosHundredMillisecondRttGivesA300msPto() {
    // neqo DEFAULT_INITIAL_RTT 100 ms: PTO 300 ms; Initials at 0, 0.3, 0.9, 2.1, 4.5, 9.3, 18.9 s
    assertEquals(List.of("0", "0.3", "0.9", "2.1", "4.5", "9.3", "18.9", "end 30 timeout"),
        initials(scenario(UDP_BLACKHOLE, "{ initial_rtt: 100ms, idle_timeout: 30s }", "")));
  }

  @Test
  void chromiumsFourSecondsEndTheHandshakeFirst() {
    // chromium-h3's timers: 100 ms initial RTT, idle timeout 4 s, handshake limit 10 s: the
    // Initials at 0, 0.3, 0.9, 2.1 s, and the next (4.5 s) is past the 4 s give-up
    assertEquals(List.of("0", "0.3", "0.9", "2.1", "end 4 timeout"),
        initials(scenario(UDP_BLACKHOLE, "{ initial_rtt: 100ms, idle_timeout: 4s, handshake_timeout: 10s }", "")));
    // a handshake limit below the idle timeout wins: 2 s, after the Initials at 0, 0.3, 0.9 s
    assertEquals(List.of("0", "0.3", "0.9", "end 2 timeout"),
        initials(scenario(UDP_BLACKHOLE, "{ initial_rtt: 100ms, handshake_timeout: 2s }", "")));
  }

  @Test
  void theIdleTimeoutIsAtLeastThreePtos() {
    // RFC 9000 section 10.1: the idle timeout is at least three times the current PTO: a 1 s
    // idle timeout with a 999 ms PTO gives up at 2.997 s, after the Initials at 0 and 0.999 s
    assertEquals(List.of("0", "0.999", "end 2.997 timeout"),
        initials(scenario(UDP_BLACKHOLE, "{ initial_rtt: 333ms, idle_timeout: 1s }", "")));
  }

  @Test
  void aHostWithoutQuicAnswersWithPortUnreachable() {
    // a host that does not answer QUIC: its kernel returns ICMP port unreachable after one RTT
    // (20 ms), which a connected UDP socket reports as ECONNREFUSED (udp(7)): refused, unless
    // the stack ignores ICMP, and then the handshake runs to its 30 s idle timeout
    assertEquals(List.of("0", "end 0.02 refused"), initials(scenario("", "{ icmp: fail }", ", quic: false")));
    assertEquals("end 30 timeout", initials(scenario("", "{ icmp: ignore }", ", quic: false")).get(5));
  }

  @Test
  void aRuleForAnyProtocolDropsTcpTooAndLossTakesEveryInitial() {
    // a rule without protocol covers both transports: QUIC and TCP to ::1 both blackholed, so
    // the TCP attempt (SYN at 0.005) never connects; with protocol udp, TCP connects
    String both = scenario("    - { to: any, behaviour: blackhole }\n", "{ idle_timeout: 30s }", "")
        .replace("alpn: [h3], no_default_alpn: true", "alpn: [h3, h2]")
        .replace("quic: { idle_timeout: 30s } } }", "quic: { idle_timeout: 30s }, tls: none, deadline: 1s } }");
    assertEquals(List.of("QUIC [2001:db8::1]:443 h3 0.005-1 cancelled", "TCP [2001:db8::1]:443 h2,http/1.1 0.255-1 cancelled"),
        Hev3.attempts(Hev3.trace(both, "q")));
    // loss 1 on UDP: every Initial (and reply) is lost, as if blackholed; loss 0: one RTT
    assertEquals("end 30 timeout", initials(scenario("    - { to: any, protocol: udp, loss: 1 }\n", "{ initial_rtt: 333ms }", ""))
        .get(5));
    assertEquals(List.of("0", "end 0.02 connected"), initials(scenario("    - { to: any, protocol: udp, loss: 0 }\n", "{}", "")));
  }

  @Test
  void switchingQuicOnLeavesTheTcpDrawsAlone() {
    // common random numbers: a TCP attempt to an address draws its RTT from the (client,
    // address) TCP stream whether or not a QUIC attempt to it went first (QUIC draws from a
    // stream of its own). With a lognormal RTT and UDP dropped, TCP to ::1 takes as long with
    // QUIC on (starting at 255 ms) as off (starting at 5 ms), replication by replication
    String yaml = "name: q\nseed: 7\nreplications: 8\n"
        + "hosts:\n  a: { addresses: [2001:db8::1] }\n"
        + "network:\n  rtt: { median: 20ms, p95: 80ms }\n  paths:\n" + UDP_BLACKHOLE
        + "dns:\n  names:\n    www.example.com:\n      records: [2001:db8::1]\n"
        + "      https: [ { svc_priority: 1, alpn: [h3, h2] } ]\n"
        + "calls: { target: www.example.com }\n"
        + "configurations:\n  - { name: on, stack: hev3 }\n  - { name: off, stack: { base: hev3, quic: { enabled: false } } }\n";
    Scenario s = Hev3.load(yaml);
    long[] on = new long[8];
    long[] off = new long[8];
    for (int r = 0; r < 8; r++) {
      on[r] = tcpDuration(Hev3.trace(s, "on", r, 0, 0));
      off[r] = tcpDuration(Hev3.trace(s, "off", r, 0, 0));
    }
    assertArrayEquals(off, on);
  }

  private static long tcpDuration(CallTrace t) {
    CallTrace.Attempt tcp = t.attempts().stream().filter(a -> !a.endpoint().quic()).findFirst().orElseThrow();
    return tcp.endNs() - tcp.startNs();
  }
}
