package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dialsim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Timelines of the Happy Eyeballs v3 rules, each derived by hand from the text of
 * draft-ietf-happy-happyeyeballs-v3-04 ("the draft", July 2026) and RFC 9460, under the hev3
 * profile with {@code tls: none} (a TCP attempt connects at its SYN-ACK) unless said. Every world
 * has a fixed 20 ms RTT; a blackholed address never answers, so its attempt runs on past every
 * time asserted (Linux gives up after 127 s, QUIC after 30 s). The draft's Resolution Delay is
 * 50 ms and its Connection Attempt Delay 250 ms (section 9). Addresses: ::N is 2001:db8::N, .N is
 * 192.0.2.N.
 */
class Hev3DraftTimelineTest {
  private static final String HEV3 = "configurations:\n  - { name: hev3, stack: { base: hev3, tls: none } }\n";
  private static final String CRATE = "  - { name: crate, stack: { base: firefox-hev3, order: prefer-ipv6, tls: none } }\n";

  /** A scenario of one replication: the header, then {@code body}. */
  private static String world(String body) {
    return world(1, body);
  }

  /** A scenario of {@code replications} replications. */
  private static String world(int replications, String body) {
    return "name: t\nseed: 7\nreplications: " + replications + "\n" + body;
  }

  /** Four hosts, each with one address, every path blackholed but those {@code deliver} names. */
  private static String fourHosts(String... deliver) {
    StringBuilder sb = new StringBuilder("""
        hosts:
          v6a: { addresses: [2001:db8::1] }
          v6b: { addresses: [2001:db8::2] }
          v4a: { addresses: [192.0.2.1] }
          v4b: { addresses: [192.0.2.2] }
        network:
          rtt: 20ms
          paths:
        """);
    for (String d : deliver) {
      sb.append("    - { to: ").append(d).append(", behaviour: deliver }\n");
    }
    sb.append("    - { to: any, behaviour: blackhole }\n");
    return sb.toString();
  }

  private static String calls() {
    return "calls: { target: www.example.com }\n";
  }

  @Test
  void theThreeQueriesGoOutTogetherHttpsFirst() {
    // the draft section 4.1: HTTPS, AAAA and A "as soon after one another as possible", in that
    // order; with 5 ms answers each, they complete in the order they went out
    CallTrace t = Hev3.trace(world(fourHosts() + """
        dns:
          names:
            www.example.com: { records: [2001:db8::1, 192.0.2.1] }
        """ + calls() + HEV3), "hev3");
    assertEquals(List.of("HTTPS www.example.com 0 0.005", "AAAA www.example.com 0 0.005", "A www.example.com 0 0.005"),
        Hev3.dns(t));
  }

  @Test
  void example1StartsOnAaaaAndHttpsThenTheLateARecordJoinsTheList() {
    // section 4.2.2 example 1: HTTPS (no hints) and AAAA at 30 ms start IPv6 at 30 ms; A at 32 ms
    // "update w/ IPv6 + IPv4". Section 7 re-sorts the complete list: RFC 6724 and interleaving
    // give ::1, .1, ::2, .2; ::1 has started, so .1, ::2, .2 follow at the 250 ms slots
    CallTrace t = Hev3.trace(world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1, 2001:db8::2, 192.0.2.1, 192.0.2.2]
              https: [ { svc_priority: 1, alpn: [h2] } ]
              latency: { HTTPS: 30ms, AAAA: 30ms, A: 32ms }
        """ + calls() + HEV3), "hev3");
    assertEquals(List.of("TCP 2001:db8::1 0.03", "TCP 192.0.2.1 0.28", "TCP 2001:db8::2 0.53", "TCP 192.0.2.2 0.78"),
        Hev3.starts(t));
  }

  @Test
  void example2WaitsForAaaaWithinTheResolutionDelay() {
    // example 2: HTTPS and A at 30 ms start the 50 ms timer (due at 80 ms); AAAA at 40 ms
    // satisfies condition (a): start at 40 ms with IPv6 and IPv4 interleaved
    CallTrace t = Hev3.trace(world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1, 192.0.2.1]
              https: [ { svc_priority: 1, alpn: [h2] } ]
              latency: { HTTPS: 30ms, AAAA: 40ms, A: 30ms }
        """ + calls() + HEV3), "hev3");
    assertEquals(List.of("TCP 2001:db8::1 0.04", "TCP 192.0.2.1 0.29"), Hev3.starts(t));
  }

  @Test
  void example3StartsIpv4AfterTheDelayAndReSortsWhenAaaaComes() {
    // example 3: HTTPS and A at 30 ms, nothing more by 80 ms: start IPv4 at 80 ms (condition
    // (b)); AAAA at 180 ms updates the list. The complete list is ::1, .1, ::2, .2 and .1 has
    // started, so ::1, ::2, .2 follow; the timer is not moved (section 7), so 330, 580, 830 ms
    CallTrace t = Hev3.trace(world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1, 2001:db8::2, 192.0.2.1, 192.0.2.2]
              https: [ { svc_priority: 1, alpn: [h2] } ]
              latency: { HTTPS: 30ms, AAAA: 180ms, A: 30ms }
        """ + calls() + HEV3), "hev3");
    assertEquals(List.of("TCP 192.0.2.1 0.08", "TCP 2001:db8::1 0.33", "TCP 2001:db8::2 0.58", "TCP 192.0.2.2 0.83"),
        Hev3.starts(t));
    assertTrue(t.tries().get(0).ready().contains("section 4.2, condition (b)"), t.tries().get(0).ready());
  }

  @Test
  void example4WaitsForHttpsAfterBothAddressAnswers() {
    // example 4: AAAA and A at 30 ms start the timer because HTTPS is missing; HTTPS at 40 ms
    // completes condition (a): start at 40 ms
    CallTrace t = Hev3.trace(world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1, 192.0.2.1]
              https: [ { svc_priority: 1, alpn: [h2] } ]
              latency: { HTTPS: 40ms, AAAA: 30ms, A: 30ms }
        """ + calls() + HEV3), "hev3");
    assertEquals("TCP 2001:db8::1 0.04", Hev3.starts(t).get(0));
  }

  @Test
  void example5GoesWithoutHttpsWhenTheDelayRunsOut() {
    // example 5: AAAA and A at 30 ms, HTTPS never answered: start at 30 + 50 = 80 ms
    CallTrace t = Hev3.trace(world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1, 192.0.2.1]
              https: [ { svc_priority: 1, alpn: [h2] } ]
              latency: { AAAA: 30ms, A: 30ms }
              answers: { HTTPS: timeout }
        """ + calls() + HEV3), "hev3");
    assertEquals("TCP 2001:db8::1 0.08", Hev3.starts(t).get(0));
  }

  @Test
  void example6HintsAnswerThePreferredFamilyWhereTheCrateWaits() {
    // example 6: an HTTPS answer with hints at 30 ms starts at once with IPv6 and IPv4 (the
    // hints are positive answers and the ipv6hint answers the preferred family, section 4.2.1).
    // The reference crate waits for the AAAA query, so it goes at 30 + 50 = 80 ms (D-2)
    String yaml = world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1, 192.0.2.1]
              https: [ { svc_priority: 1, alpn: [h2], ipv6hint: [2001:db8::1], ipv4hint: [192.0.2.1] } ]
              latency: { HTTPS: 30ms, AAAA: 100ms, A: 100ms }
        """ + calls() + HEV3 + CRATE);
    Scenario s = Hev3.load(yaml);
    assertEquals("TCP 2001:db8::1 0.03", Hev3.starts(Hev3.trace(s, "hev3", 0, 0, 0)).get(0));
    assertEquals("TCP 2001:db8::1 0.08", Hev3.starts(Hev3.trace(s, "crate", 0, 0, 0)).get(0));
  }

  @Test
  void example7QueriesTheAlternativeTargetAndItsAddressesJoinLater() {
    // example 7: HTTPS with "." and "alt", AAAA and A at 30 ms: start at 30 ms; alt's AAAA and A
    // go out at 30 ms and come at 60 ms into group 2 (SvcPriority 2): after ::1 and .1 of group 1
    CallTrace t = Hev3.trace(world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1, 192.0.2.1]
              https:
                - { svc_priority: 1, alpn: [h2] }
                - { svc_priority: 2, target: alt.example.com, alpn: [h2] }
              latency: { HTTPS: 30ms, AAAA: 30ms, A: 30ms }
            alt.example.com:
              records: [2001:db8::2, 192.0.2.2]
              latency: { AAAA: 30ms, A: 30ms }
        """ + calls() + HEV3), "hev3");
    assertEquals(List.of("TCP 2001:db8::1 0.03", "TCP 192.0.2.1 0.28", "TCP 2001:db8::2 0.53", "TCP 192.0.2.2 0.78"),
        Hev3.starts(t));
    assertTrue(Hev3.dns(t).contains("AAAA alt.example.com 0.03 0.06"), Hev3.dns(t).toString());
  }

  @Test
  void example8Ipv4OnlyWaitsForHttps() {
    // example 8: an IPv4-only client sends no AAAA query; A at 30 ms starts the timer, HTTPS at
    // 40 ms completes condition (a) with IPv4 the preferred family (section 4.2): start at 40 ms
    CallTrace t = Hev3.trace(world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1, 192.0.2.1]
              https: [ { svc_priority: 1, alpn: [h2] } ]
              latency: { HTTPS: 40ms, A: 30ms }
        """ + calls() + "configurations: [ { name: v4, stack: { base: hev3, tls: none, families: [ipv4] } } ]\n"), "v4");
    assertEquals(List.of("TCP 192.0.2.1 0.04"), Hev3.starts(t));
    assertFalse(Hev3.dns(t).stream().anyMatch(d -> d.startsWith("AAAA")), Hev3.dns(t).toString());
  }

  @Test
  void theResolutionDelayIs50msAfterTheFirstAddress() {
    // section 9: the Resolution Delay is 50 ms; A at 5 ms, AAAA and HTTPS at 1 s: 55 ms
    CallTrace t = Hev3.trace(world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1, 192.0.2.1]
              latency: { HTTPS: 1s, AAAA: 1s, A: 5ms }
        """ + calls() + HEV3), "hev3");
    assertEquals("TCP 192.0.2.1 0.055", Hev3.starts(t).get(0));
  }

  @Test
  void onlyNegativeAnswersFailTheTryOnceAllAreIn() {
    // section 4.2: negative answers are answers without addresses; all negative leaves nothing
    // to try, so the try fails when the last answer is in (5 ms)
    CallTrace t = Hev3.trace(world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1, 192.0.2.1]
              answers: { AAAA: empty, A: servfail, HTTPS: empty }
        """ + calls() + HEV3), "hev3");
    assertFalse(t.connected());
    assertEquals(List.of(), t.attempts());
    assertEquals(CallTrace.End.NO_ADDRESSES, t.tries().get(0).end());
    assertEquals(5_000_000, t.endNs() - t.startNs());
  }

  @Test
  void aNewAttemptEvery250msWhileTheEarlierOnesRun() {
    // section 6: one attempt at a time, earlier ones keep running, the next after the
    // Connection Attempt Delay (250 ms): 5, 255, 505 ms, all three still running at 600 ms
    String names = """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1, 2001:db8::2, 2001:db8::3]
              answers: { HTTPS: empty }
        """;
    String hosts = """
        hosts:
          a: { addresses: [2001:db8::1] }
          b: { addresses: [2001:db8::2] }
          c: { addresses: [2001:db8::3] }
        network:
          rtt: 20ms
          paths:
        """;
    CallTrace t = Hev3.trace(world(hosts + "    - { to: any, behaviour: blackhole }\n" + names + calls()
        + "configurations: [ { name: hev3, stack: { base: hev3, tls: none, deadline: 600ms } } ]\n"), "hev3");
    assertEquals(List.of("TCP [2001:db8::1]:443 h2,http/1.1 0.005-0.6 cancelled",
        "TCP [2001:db8::2]:443 h2,http/1.1 0.255-0.6 cancelled", "TCP [2001:db8::3]:443 h2,http/1.1 0.505-0.6 cancelled"),
        Hev3.attempts(t));
    // section 6: the first to succeed wins and the others are cancelled; ::2 connects at
    // 255 + 20 = 275 ms, ::1 is cancelled then, ::3 (due at 505 ms) never starts
    CallTrace won = Hev3.trace(world(hosts + "    - { to: 2001:db8::2, behaviour: deliver }\n"
        + "    - { to: any, behaviour: blackhole }\n" + names + calls() + HEV3), "hev3");
    assertEquals(List.of("TCP [2001:db8::1]:443 h2,http/1.1 0.005-0.275 cancelled",
        "TCP [2001:db8::2]:443 h2,http/1.1 0.255-0.275 connected"), Hev3.attempts(won));
  }

  @Test
  void serviceGroupsGoInSvcPriorityOrderWhateverTheWrittenOrder() {
    // section 5.2 and RFC 9460 section 2.4.1: lower SvcPriority first, and section 6: all of a
    // group's endpoints before the next group's. svcA (priority 1) and svcB (2) answer at 10 ms
    // (their queries go out with the HTTPS answer at 5 ms); the origin's own AAAA comes at 1 s,
    // after the list ran out (the 760 ms slot had nothing), so ::9 starts then
    CallTrace t = Hev3.trace(world("""
        hosts:
          a: { addresses: [2001:db8::1, 2001:db8::2, 2001:db8::3, 2001:db8::9] }
        network:
          rtt: 20ms
          paths: [ { to: any, behaviour: blackhole } ]
        dns:
          names:
            www.example.com:
              records: [2001:db8::9]
              https:
                - { svc_priority: 2, target: svcb.example.com, alpn: [h2] }
                - { svc_priority: 1, target: svca.example.com, alpn: [h2] }
              latency: { AAAA: 1s, A: 1s }
            svca.example.com: { records: [2001:db8::1, 2001:db8::2] }
            svcb.example.com: { records: [2001:db8::3] }
        """ + calls() + HEV3), "hev3");
    assertEquals(List.of("TCP 2001:db8::1 0.01", "TCP 2001:db8::2 0.26", "TCP 2001:db8::3 0.51", "TCP 2001:db8::9 1"),
        Hev3.starts(t));
  }

  @Test
  void equalPrioritiesAreShuffledByTheDraftAndKeptByTheCrate() {
    // section 5.2 / RFC 9460 section 2.4.1: records of equal SvcPriority SHOULD be shuffled; the
    // reference crate sorts stably. Two priority-1 records, svcA (::1) and svcB (::2): over 40
    // replications hev3 starts with each at least once; the crate always with svcA, as written
    Scenario s = Hev3.load(world(40, """
        hosts:
          a: { addresses: [2001:db8::1, 2001:db8::2, 2001:db8::9] }
        network:
          rtt: 20ms
          paths: [ { to: any, behaviour: blackhole } ]
        dns:
          names:
            www.example.com:
              records: [2001:db8::9]
              https:
                - { svc_priority: 1, target: svca.example.com, alpn: [h2] }
                - { svc_priority: 1, target: svcb.example.com, alpn: [h2] }
              latency: { AAAA: 1s, A: 1s }
            svca.example.com: { records: [2001:db8::1] }
            svcb.example.com: { records: [2001:db8::2] }
        """ + calls() + HEV3 + CRATE));
    Set<String> hev3 = new HashSet<>();
    Set<String> crate = new HashSet<>();
    for (int r = 0; r < 40; r++) {
      hev3.add(Hev3.starts(Hev3.trace(s, "hev3", r, 0, 0)).get(0));
      crate.add(Hev3.starts(Hev3.trace(s, "crate", r, 0, 0)).get(0));
    }
    assertEquals(Set.of("TCP 2001:db8::1 0.01", "TCP 2001:db8::2 0.01"), hev3);
    assertEquals(Set.of("TCP 2001:db8::1 0.01"), crate);
  }

  @Test
  void addressesNoRecordCoversGoLast() {
    // section 5.2: addresses with no associated service (no "." record) form the last group.
    // svc's AAAA (::2) comes at 10 ms; the origin's own (::1) at 20 ms joins behind it
    CallTrace t = Hev3.trace(world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1]
              https: [ { svc_priority: 1, target: svc.example.com, alpn: [h2] } ]
              latency: { AAAA: 20ms, A: 20ms }
            svc.example.com: { records: [2001:db8::2] }
        """ + calls() + HEV3), "hev3");
    assertEquals(List.of("TCP 2001:db8::2 0.01", "TCP 2001:db8::1 0.26"), Hev3.starts(t));
  }

  @Test
  void aRecordOfProtocolsTheClientLacksIsNotUsed() {
    // section 6.2 and RFC 9460 section 7.1.2: an endpoint whose ALPN set holds no protocol the
    // client speaks is not attempted. alpn [h3] with no-default-alpn offers QUIC only; without
    // QUIC the record does not apply: svc1 is never queried or tried, and with no applying
    // record the client connects as without HTTPS information (RFC 9460 section 3): the origin's
    // ::1 over TCP when its AAAA comes, 20 ms. With QUIC, svc1's ::2 (answered at 10 ms) goes
    // first and the origin's ::1, an address no record covers, last (section 5.2)
    String yaml = world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1]
              https: [ { svc_priority: 1, target: svc1.example.com, alpn: [h3], no_default_alpn: true } ]
              latency: { AAAA: 20ms, A: 20ms }
            svc1.example.com: { records: [2001:db8::2] }
        configurations:
          - { name: tcp, stack: { base: hev3, tls: none, quic: { enabled: false } } }
          - { name: quic, stack: { base: hev3, tls: none } }
        """ + calls());
    Scenario s = Hev3.load(yaml);
    CallTrace tcp = Hev3.trace(s, "tcp", 0, 0, 0);
    assertEquals(List.of("TCP 2001:db8::1 0.02"), Hev3.starts(tcp));
    assertFalse(Hev3.dns(tcp).stream().anyMatch(d -> d.contains("svc1")), Hev3.dns(tcp).toString());
    assertEquals(List.of("QUIC 2001:db8::2 0.01", "TCP 2001:db8::1 0.26"), Hev3.starts(Hev3.trace(s, "quic", 0, 0, 0)));
  }

  @Test
  void theDefaultAlpnGivesATcpEndpointBesideQuic() {
    // RFC 9460 sections 7.1.1 and 9: the https default http/1.1 joins alpn [h3] unless
    // no-default-alpn, so one record gives QUIC ::1 (h3) then TCP ::1 (http/1.1), 250 ms apart
    CallTrace t = Hev3.trace(world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1]
              https: [ { svc_priority: 1, alpn: [h3] } ]
        """ + calls() + "configurations: [ { name: hev3, stack: { base: hev3, tls: none, deadline: 300ms } } ]\n"), "hev3");
    assertEquals(List.of("QUIC [2001:db8::1]:443 h3 0.005-0.3 cancelled", "TCP [2001:db8::1]:443 http/1.1 0.255-0.3 cancelled"),
        Hev3.attempts(t));
  }

  @Test
  void tcpWaitsForTlsAndQuicConnectsInOneRoundTrip() {
    // section 6.1: with TLS over TCP the client SHOULD wait for the TLS handshake: TLS 1.3 adds
    // one round trip, so SYN at 5 ms, SYN-ACK at 25 ms, TLS done at 45 ms (tls none: 25 ms).
    // QUIC's handshake carries TLS: the Initial at 5 ms is answered and done at 25 ms
    String yaml = world(fourHosts("2001:db8::1") + """
        dns:
          names:
            www.example.com: { records: [2001:db8::1] }
            quic.example.com:
              records: [2001:db8::1]
              https: [ { svc_priority: 1, alpn: [h3] } ]
        calls: { target: www.example.com }
        configurations:
          - { name: tls, stack: hev3 }
          - { name: none, stack: { base: hev3, tls: none } }
        """);
    Scenario s = Hev3.load(yaml);
    assertEquals(List.of("TCP [2001:db8::1]:443 h2,http/1.1 0.005-0.045 connected"), Hev3.attempts(Hev3.trace(s, "tls", 0, 0, 0)));
    assertEquals(List.of("TCP [2001:db8::1]:443 h2,http/1.1 0.005-0.025 connected"), Hev3.attempts(Hev3.trace(s, "none", 0, 0, 0)));
    Scenario q = Hev3.load(yaml.replace("target: www.example.com", "target: quic.example.com"));
    assertEquals(List.of("QUIC [2001:db8::1]:443 h3 0.005-0.025 connected"), Hev3.attempts(Hev3.trace(q, "tls", 0, 0, 0)));
  }

  @Test
  void quicAndTcpToOneAddressAreTwoAttemptsAndTheWinnerCancelsTheOther() {
    // section 5.1: one address can be in several groups (protocols); section 6: attempts run
    // side by side. UDP is dropped, TCP delivered: QUIC ::1 at 5 ms gets no answer, TCP ::1 at
    // 255 ms connects at 275 ms and cancels the QUIC attempt
    CallTrace t = Hev3.trace(world("""
        hosts:
          a: { addresses: [2001:db8::1] }
        network:
          rtt: 20ms
          paths: [ { to: any, protocol: udp, behaviour: blackhole } ]
        dns:
          names:
            www.example.com:
              records: [2001:db8::1]
              https: [ { svc_priority: 1, alpn: [h3, h2] } ]
        """ + calls() + HEV3), "hev3");
    assertEquals(List.of("QUIC [2001:db8::1]:443 h3 0.005-0.275 cancelled", "TCP [2001:db8::1]:443 h2,http/1.1 0.255-0.275 connected"),
        Hev3.attempts(t));
  }

  @Test
  void aFailedQuicAttemptLetsTcpStartAtOnce() {
    // the draft says nothing of a failure of one protocol (no penalty, no memory); the staggered
    // pacing starts the next endpoint at once when the latest fails (the crate's
    // failed_connection_tries_next_immediately): QUIC fails at 5 ms (no route for UDP), TCP at 5 ms
    CallTrace t = Hev3.trace(world("""
        hosts:
          a: { addresses: [2001:db8::1] }
        network:
          rtt: 20ms
          paths: [ { to: any, protocol: udp, behaviour: no-route } ]
        dns:
          names:
            www.example.com:
              records: [2001:db8::1]
              https: [ { svc_priority: 1, alpn: [h3, h2] } ]
        """ + calls() + HEV3), "hev3");
    assertEquals(List.of("QUIC [2001:db8::1]:443 h3 0.005-0.005 unreachable", "TCP [2001:db8::1]:443 h2,http/1.1 0.005-0.025 connected"),
        Hev3.attempts(t));
  }

  @Test
  void anAnswerReplacesAStaleHintWhoseAttemptRunsOn() {
    // section 4.2.1 and RFC 9460 section 7.3: a hint counts until the TargetName's AAAA comes,
    // which replaces it. The hint ::9 (no host) starts at 5 ms; AAAA ::1 at 100 ms replaces it;
    // the ::9 attempt is not cancelled (section 7) and ::1 takes the next slot, 255 ms
    CallTrace t = Hev3.trace(world(fourHosts("2001:db8::1") + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1]
              https: [ { svc_priority: 1, alpn: [h2], ipv6hint: [2001:db8::9] } ]
              latency: { AAAA: 100ms, A: 100ms }
        """ + calls() + HEV3), "hev3");
    assertEquals(List.of("TCP [2001:db8::9]:443 h2,http/1.1 0.005-0.275 cancelled", "TCP [2001:db8::1]:443 h2,http/1.1 0.255-0.275 connected"),
        Hev3.attempts(t));
    assertEquals("hint", t.attempts().get(1).endpoint().source());
  }

  @Test
  void anSvcbReliantClientWaitsForHttpsAndFailsWithoutIt() {
    // section 6.3 and RFC 9460 section 3: an SVCB-reliant client does not connect before the
    // HTTPS records (at 900 ms here), and abandons the try when the HTTPS query fails (5 ms)
    String yaml = world(fourHosts("2001:db8::1") + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1]
              https: [ { svc_priority: 1, alpn: [h2], ech: true } ]
              latency: { HTTPS: 900ms }
            broken.example.com:
              records: [2001:db8::1]
              answers: { HTTPS: servfail }
        calls: { target: www.example.com }
        configurations: [ { name: reliant, stack: { base: hev3, tls: none, https: { reliant: true } } } ]
        """);
    assertEquals(List.of("TCP 2001:db8::1 0.9"), Hev3.starts(Hev3.trace(yaml, "reliant")));
    CallTrace failed = Hev3.trace(yaml.replace("target: www.example.com", "target: broken.example.com"), "reliant");
    assertFalse(failed.connected());
    assertEquals(CallTrace.End.NO_SERVICE, failed.tries().get(0).end());
    assertEquals(5_000_000, failed.endNs() - failed.startNs());
    assertEquals(List.of(), failed.attempts());
  }

  @Test
  void aLateAnswerStartsAtOnceWhenTheListHadRunOut() {
    // section 4.3 / 7: answers that come while attempts run join the list. ::1 started at 5 ms
    // and the list ran out, so no timer was running; A (.1) at 400 ms is past the 255 ms slot
    // and starts at once
    CallTrace t = Hev3.trace(world(fourHosts() + """
        dns:
          names:
            www.example.com:
              records: [2001:db8::1, 192.0.2.1]
              answers: { HTTPS: empty }
              latency: { A: 400ms }
        """ + calls() + HEV3), "hev3");
    assertEquals(List.of("TCP 2001:db8::1 0.005", "TCP 192.0.2.1 0.4"), Hev3.starts(t));
  }
}
