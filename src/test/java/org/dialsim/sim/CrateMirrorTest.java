package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dialsim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Test cases of Firefox's Happy Eyeballs v3 crate, mozilla/happy-eyeballs 0.11.0 (commit
 * 8a0ae3029229ac13f03792af1dbaa5ff92ce45ee, tests/*.rs), translated into dialsim scenarios:
 * each test names the crate test it mirrors and shows the same attempt order and timing.
 *
 * <p>The translation. The crate is a state machine fed DNS answers and connection results at
 * instants a test chooses; here each answer the crate test feeds at one instant gets its own
 * latency, 5 ms, 6 ms, 7 ms ... in the order fed, so the same order holds; an answer it never
 * feeds comes after 1 s. The crate's {@code Err(())} is dialsim's {@code servfail}, {@code
 * Ok(vec![])} is {@code empty}. A connection the crate test fails is a path that answers with an
 * ICMP error (QUIC: {@code icmp: fail}); one it never completes is blackholed (every path here
 * is, unless said). The crate's ServiceInfo lists exact HTTP versions and adds no default, so a
 * record here says {@code no_default_alpn: true} unless it lists http/1.1. The stack is the crate's
 * profile, firefox-hev3, with {@code order: prefer-ipv6} (the crate keeps the resolver's order
 * and prefers IPv6, NetworkConfig DualStackPreferV6) and {@code tls: none} (the crate's caller
 * reports success; these tests report it at the transport handshake). Every TCP attempt runs
 * Linux SYNs, every QUIC attempt neqo's timers; RTT 20 ms. Addresses as the crate's
 * tests/common: V6_ADDR 2001:db8::1, V6_ADDR_2 ::2, V6_ADDR_3 ::3, V4_ADDR 192.0.2.1,
 * V4_ADDR_2 192.0.2.2; HOSTNAME example.com; SVC1 svc1.example.com.
 */
class CrateMirrorTest {
  private static final String CRATE = "crate";

  /** A scenario with every test address on one host, {@code paths} before a final blackhole, and {@code names}. */
  private static String scenario(String names, String paths, String stackExtra) {
    return "name: crate-mirror\nseed: 7\nreplications: 1\n"
        + "hosts:\n  all: { addresses: [2001:db8::1, 2001:db8::2, 2001:db8::3, 192.0.2.1, 192.0.2.2] }\n"
        + "network:\n  rtt: 20ms\n  paths:\n" + paths + "    - { to: any, behaviour: blackhole }\n"
        + "dns:\n  names:\n" + names
        + "calls: { target: example.com }\n"
        + "configurations:\n"
        + "  - { name: crate, stack: { base: firefox-hev3, order: prefer-ipv6, tls: none" + stackExtra + " } }\n"
        + "  - { name: hev3, stack: { base: hev3, tls: none" + stackExtra + " } }\n";
  }

  private static String scenario(String names) {
    return scenario(names, "", "");
  }

  private static List<String> starts(String yaml, String configuration) {
    return Hev3.starts(Hev3.trace(yaml, configuration));
  }

  @Test
  void dontWaitForAllDnsAnswers() {
    // hostname_resolution.rs dont_wait_for_all_dns_answers: HTTPS positive ({1, HOSTNAME,
    // [H3, H2]}), then AAAA positive: "expect(out_attempt_v6_h3)" before any A answer
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          https: [ { svc_priority: 1, alpn: [h3, h2], no_default_alpn: true } ]
          latency: { HTTPS: 5ms, AAAA: 6ms, A: 1s }
        """.indent(4));
    assertEquals("QUIC 2001:db8::1 0.006", starts(yaml, CRATE).get(0));
  }

  @Test
  void moveOnNonTimeoutWaitsForHttpsAfterBothFamilies() {
    // hostname_resolution.rs move_on_non_timeout, cases "V6 preferred, V4 positive, V6
    // positive" and "V6 preferred, V6 negative, V4 positive", each with in_dns_https_negative:
    // nothing until the HTTPS answer, then out_attempt_v6_h1_h2 (out_attempt_v4_h1_h2 when
    // AAAA failed). The crate's other HTTPS input there, a record with no ALPN (which the crate
    // turns into no endpoint), cannot be written as an RFC 9460 record.
    String positive = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          latency: { A: 5ms, AAAA: 6ms, HTTPS: 7ms }
          answers: { HTTPS: servfail }
        """.indent(4));
    assertEquals(List.of("TCP 2001:db8::1 0.007", "TCP 192.0.2.1 0.257"), starts(positive, CRATE));
    String negative = positive.replace("answers: { HTTPS: servfail }", "answers: { HTTPS: servfail, AAAA: servfail }");
    assertEquals(List.of("TCP 192.0.2.1 0.007"), starts(negative, CRATE));
  }

  @Test
  void moveOnTimeout() {
    // hostname_resolution.rs move_on_timeout: only A positive; "now += RESOLUTION_DELAY;
    // expect(out_attempt_v4_h1_h2)": 5 + 50 ms
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          latency: { A: 5ms, AAAA: 1s, HTTPS: 1s }
        """.indent(4));
    assertEquals("TCP 192.0.2.1 0.055", starts(yaml, CRATE).get(0));
  }

  @Test
  void resolutionDelayStartsOnFirstResponse() {
    // hostname_resolution.rs resolution_delay_starts_on_first_response: the A answer at
    // start + 10 ms; the attempt at "start + RESPONSE_DELAY + RESOLUTION_DELAY" = 60 ms, not 50
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          latency: { A: 10ms, AAAA: 1s, HTTPS: 1s }
        """.indent(4));
    assertEquals("TCP 192.0.2.1 0.06", starts(yaml, CRATE).get(0));
  }

  @Test
  void httpsHints() {
    // hostname_resolution.rs https_hints: HTTPS with ipv4hint V4_ADDR and ipv6hint V6_ADDR,
    // AAAA and A still out: after RESOLUTION_DELAY out_attempt_v6_h3; AAAA and A then fail
    // ("the hints are kept"); the v6 attempt fails and "the v4 hint is tried next"
    // (out_attempt_v4_h3) at once. Here the v6 QUIC attempt gets an ICMP error after one RTT
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          https: [ { svc_priority: 1, alpn: [h3, h2], no_default_alpn: true, ipv4hint: [192.0.2.1], ipv6hint: [2001:db8::1] } ]
          latency: { HTTPS: 5ms, AAAA: 60ms, A: 61ms }
          answers: { AAAA: servfail, A: servfail }
        """.indent(4), "    - { to: 2001:db8::1, protocol: udp, behaviour: unreachable }\n", "");
    CallTrace t = Hev3.trace(yaml, CRATE);
    assertEquals("QUIC [2001:db8::1]:443 h3 0.055-0.075 unreachable", Hev3.attempts(t).get(0));
    assertEquals("QUIC 192.0.2.1:443 h3 0.075", Hev3.endpoints(t).get(1));
  }

  @Test
  void httpsHintsMoveOnWithTimeoutUnderTheCrateAtOnceUnderTheDraft() {
    // hostname_resolution.rs https_hints_move_on_with_timeout: HTTPS with an ipv6hint only;
    // "now += RESOLUTION_DELAY; expect(out_attempt_v6_h3)": 55 ms. The draft's example 6 takes
    // the hint as the IPv6 answer, so hev3 goes at 5 ms (the crate differs here, D-2)
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          https: [ { svc_priority: 1, alpn: [h3, h2], no_default_alpn: true, ipv6hint: [2001:db8::1] } ]
          latency: { HTTPS: 5ms, AAAA: 1s, A: 1s }
        """.indent(4));
    assertEquals("QUIC 2001:db8::1 0.055", starts(yaml, CRATE).get(0));
    assertEquals("QUIC 2001:db8::1 0.005", starts(yaml, "hev3").get(0));
  }

  @Test
  void httpsV4HintsMoveOnWithTimeout() {
    // hostname_resolution.rs https_v4_hints_move_on_with_timeout: an ipv4hint only; after
    // RESOLUTION_DELAY out_attempt_v4_h3. An IPv4 hint does not answer the preferred family
    // under either reading, so both wait: 55 ms
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          https: [ { svc_priority: 1, alpn: [h3, h2], no_default_alpn: true, ipv4hint: [192.0.2.1] } ]
          latency: { HTTPS: 5ms, AAAA: 1s, A: 1s }
        """.indent(4));
    assertEquals("QUIC 192.0.2.1 0.055", starts(yaml, CRATE).get(0));
    assertEquals("QUIC 192.0.2.1 0.055", starts(yaml, "hev3").get(0));
  }

  @Test
  void emptyAAaaaBeforeHttpsV6HintKeepsHint() {
    // hostname_resolution.rs empty_a_aaaa_before_https_v6_hint_keeps_hint: AAAA and A empty,
    // then HTTPS ({1, HOSTNAME, [H1]} with ipv6hint V6_ADDR): an H1 attempt to the hint at once
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          https: [ { svc_priority: 1, alpn: [http/1.1], ipv6hint: [2001:db8::1] } ]
          latency: { AAAA: 5ms, A: 6ms, HTTPS: 7ms }
          answers: { AAAA: empty, A: empty }
        """.indent(4));
    CallTrace t = Hev3.trace(yaml, CRATE);
    assertEquals("TCP [2001:db8::1]:443 http/1.1 0.007", Hev3.endpoints(t).get(0));
    assertEquals("hint", t.attempts().get(0).endpoint().source());
  }

  @Test
  void httpsH3UpgradeWithoutHintsAndH3Disabled() {
    // hostname_resolution.rs https_h3_upgrade_without_hints: AAAA positive, then HTTPS
    // ({1, HOSTNAME, [H3, H2]}): out_attempt_v6_h3 at once; https_h3_disabled: the same with H3
    // not enabled gives the H2 attempt (quic.enabled false)
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          https: [ { svc_priority: 1, alpn: [h3, h2], no_default_alpn: true } ]
          latency: { AAAA: 5ms, HTTPS: 6ms, A: 1s }
        """.indent(4));
    assertEquals("QUIC [2001:db8::1]:443 h3 0.006", Hev3.endpoints(Hev3.trace(yaml, CRATE)).get(0));
    String noH3 = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          https: [ { svc_priority: 1, alpn: [h3, h2], no_default_alpn: true } ]
          latency: { AAAA: 5ms, HTTPS: 6ms, A: 1s }
        """.indent(4), "", ", quic: { enabled: false }");
    assertEquals("TCP [2001:db8::1]:443 h2 0.006", Hev3.endpoints(Hev3.trace(noH3, CRATE)).get(0));
  }

  @Test
  void multipleIpsPerRecord() {
    // hostname_resolution.rs multiple_ips_per_record: HTTPS and A negative, AAAA with V6_ADDR,
    // V6_ADDR_2, V6_ADDR_3: one attempt per address, each CONNECTION_ATTEMPT_DELAY after the last
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 2001:db8::2, 2001:db8::3, 192.0.2.1]
          latency: { HTTPS: 5ms, A: 6ms, AAAA: 7ms }
          answers: { HTTPS: servfail, A: servfail }
        """.indent(4));
    assertEquals(List.of("TCP 2001:db8::1 0.007", "TCP 2001:db8::2 0.257", "TCP 2001:db8::3 0.507"), starts(yaml, CRATE));
  }

  @Test
  void ipv6Blackhole() {
    // connection_attempts.rs ipv6_blackhole: HTTPS positive, A, then AAAA: out_attempt_v6_h3,
    // then one attempt per CONNECTION_ATTEMPT_DELAY until an IPv4 one ("Did not fall back to
    // IPv4" otherwise). The crate deals (H3, v6), (H3, v4), (H2, v6), (H2, v4), then its origin
    // fallback tier (H2OrH1): IPv4 comes in the second slot
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          https: [ { svc_priority: 1, alpn: [h3, h2], no_default_alpn: true } ]
          latency: { HTTPS: 5ms, A: 6ms, AAAA: 7ms }
        """.indent(4));
    assertEquals(List.of("QUIC 2001:db8::1 0.007", "QUIC 192.0.2.1 0.257", "TCP 2001:db8::1 0.507", "TCP 192.0.2.1 0.757",
        "TCP 2001:db8::1 1.007", "TCP 192.0.2.1 1.257"), starts(yaml, CRATE));
    CallTrace t = Hev3.trace(yaml, CRATE);
    assertEquals("h2,http/1.1", t.tries().get(0).endpoints().get(4).alpn(), "the fallback tier offers H2OrH1");
  }

  @Test
  void successfulConnectionCancelsOthers() {
    // connection_attempts.rs successful_connection_cancels_others: attempts to V6_ADDR, V4_ADDR,
    // V6_ADDR_2 in turn; V6_ADDR succeeds: the others are cancelled (CancelConnection). Here
    // ::1 answers after 510 ms, so it connects at 516 ms with .1 and ::2 running. The crate's
    // HTTPS input, a record without ALPN, gives no endpoint: NODATA here has the same effect
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 2001:db8::2, 192.0.2.1]
          latency: { HTTPS: 5ms, AAAA: 6ms, A: 7ms }
          answers: { HTTPS: empty }
        """.indent(4), "    - { to: 2001:db8::1, behaviour: deliver, rtt: 510ms }\n", "");
    assertEquals(List.of("TCP [2001:db8::1]:443 h2,http/1.1 0.006-0.516 connected",
        "TCP 192.0.2.1:443 h2,http/1.1 0.256-0.516 cancelled", "TCP [2001:db8::2]:443 h2,http/1.1 0.506-0.516 cancelled"),
        Hev3.attempts(Hev3.trace(yaml, CRATE)));
  }

  @Test
  void failedConnectionTriesNextImmediately() {
    // connection_attempts.rs failed_connection_tries_next_immediately: the V6 attempt fails,
    // and the V4 attempt comes at the same instant, not a CONNECTION_ATTEMPT_DELAY later
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          latency: { HTTPS: 5ms, AAAA: 6ms, A: 7ms }
          answers: { HTTPS: empty }
        """.indent(4), "    - { to: 2001:db8::1, behaviour: unreachable, rtt: 10ms }\n", "");
    assertEquals(List.of("TCP [2001:db8::1]:443 h2,http/1.1 0.006-0.016 unreachable"), Hev3.attempts(Hev3.trace(yaml, CRATE))
        .subList(0, 1));
    assertEquals("TCP 192.0.2.1 0.016", starts(yaml, CRATE).get(1));
  }

  @Test
  void allDnsFailed() {
    // failure.rs all_dns_failed: HTTPS, AAAA and A all Err: Output::Failed(DnsResolution) once
    // the last is in, and no attempt
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          latency: { HTTPS: 5ms, AAAA: 6ms, A: 7ms }
          answers: { HTTPS: servfail, AAAA: servfail, A: servfail }
        """.indent(4));
    CallTrace t = Hev3.trace(yaml, CRATE);
    assertFalse(t.connected());
    assertEquals(List.of(), t.attempts());
    assertEquals(CallTrace.End.NO_ADDRESSES, t.tries().get(0).end());
    assertEquals(7_000_000, t.endNs() - t.startNs());
  }

  @Test
  void hintsKeptAsFallbackAfterAddressRecords() {
    // https_records.rs hints_kept_as_fallback_after_address_records: HTTPS ({1, HOSTNAME, [H2]},
    // ipv6hint V6_ADDR_2), then AAAA V6_ADDR: "The real address is attempted first", then "the
    // hint is then attempted as a fallback, after the connection attempt delay". The draft
    // replaces the hint (RFC 9460 section 7.3) and lets it answer IPv6 at once: hev3 starts the
    // hint at 5 ms, and the AAAA answer at 6 ms puts ::1 in its place for the 255 ms slot
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          https: [ { svc_priority: 1, alpn: [h2], no_default_alpn: true, ipv6hint: [2001:db8::2] } ]
          latency: { HTTPS: 5ms, AAAA: 6ms, A: 1s }
        """.indent(4));
    assertEquals(List.of("TCP 2001:db8::1 0.006", "TCP 2001:db8::2 0.256"), starts(yaml, CRATE).subList(0, 2));
    assertEquals(List.of("TCP 2001:db8::2 0.005", "TCP 2001:db8::1 0.255"), starts(yaml, "hev3").subList(0, 2));
  }

  @Test
  void hintEqualToResolvedAddressIsNotAttemptedTwice() {
    // https_records.rs hint_equal_to_resolved_address_is_not_attempted_twice: hint and AAAA
    // both V6_ADDR: one V6/H2 attempt, then "the origin fallback (H2OrH1), not a repeat of
    // V6/H2". hev3 has no such tier (the "." record covers the origin, the draft section 5.2):
    // one attempt only
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1]
          https: [ { svc_priority: 1, alpn: [h2], no_default_alpn: true, ipv6hint: [2001:db8::1] } ]
          latency: { HTTPS: 5ms, AAAA: 6ms }
        """.indent(4));
    assertEquals(List.of("TCP [2001:db8::1]:443 h2 0.006", "TCP [2001:db8::1]:443 h2,http/1.1 0.256"),
        Hev3.endpoints(Hev3.trace(yaml, CRATE)));
    assertEquals(List.of("TCP 2001:db8::1 0.005"), starts(yaml, "hev3"));
  }

  @Test
  void multipleTargetNames() {
    // https_records.rs multiple_target_names: HTTPS ({1, SVC1, [H3, H2]}, ipv6hint V6_ADDR_2):
    // "out_send_dns_svc1" (AAAA and A for svc1 go out), then AAAA for the origin: the attempt
    // goes to V6_ADDR_2 over H3 (the svc1 hint; the origin's V6_ADDR is in the fallback tier)
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1]
          https: [ { svc_priority: 1, target: svc1.example.com, alpn: [h3, h2], no_default_alpn: true, ipv6hint: [2001:db8::2] } ]
          latency: { HTTPS: 5ms, AAAA: 6ms, A: 1s }
        svc1.example.com:
          records: [2001:db8::2]
          latency: { AAAA: 1s, A: 1s }
        """.indent(4));
    CallTrace t = Hev3.trace(yaml, CRATE);
    assertEquals("QUIC 2001:db8::2 0.006", Hev3.starts(t).get(0));
    assertTrue(Hev3.dns(t).stream().noneMatch(d -> d.startsWith("AAAA svc1") && !d.contains(" 0.005 ")),
        "svc1's queries went out with the HTTPS answer at 5 ms: " + Hev3.dns(t));
  }

  @Test
  void perRecordAlpnNotUnionedAcrossRecords() {
    // https_records.rs per_record_alpn_not_unioned_across_records: {1, SVC1, [H3]} and
    // {2, SVC2, [H2]}; svc1's AAAA (V6_ADDR_2) gives the first attempt, "H3-only"; then svc2's
    // V6_ADDR_3 "H2-only, no spurious H3 from svc1's record", then the origin fallback
    // (V6_ADDR, default H2OrH1)
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1]
          https:
            - { svc_priority: 1, target: svc1.example.com, alpn: [h3], no_default_alpn: true }
            - { svc_priority: 2, target: svc2.example.com, alpn: [h2], no_default_alpn: true }
          latency: { HTTPS: 5ms, AAAA: 14ms, A: 15ms }
          answers: { A: servfail }
        svc1.example.com:
          records: [2001:db8::2]
          latency: { AAAA: 5ms, A: 6ms }
          answers: { A: servfail }
        svc2.example.com:
          records: [2001:db8::3]
          latency: { AAAA: 7ms, A: 8ms }
          answers: { A: servfail }
        """.indent(4));
    assertEquals(List.of("QUIC [2001:db8::2]:443 h3 0.01", "TCP [2001:db8::3]:443 h2 0.26",
        "TCP [2001:db8::1]:443 h2,http/1.1 0.51"), Hev3.endpoints(Hev3.trace(yaml, CRATE)));
  }

  @Test
  void noDefaultAlpn() {
    // https_records.rs no_default_alpn: HTTPS {1, HOSTNAME, [H3, H2]}, AAAA, A; every attempt
    // fails and the next comes at once: v6 H3, v4 H3, v6 H2, v4 H2, then the "fallback bucket
    // with default HTTP versions (H2OrH1)" v6, v4, then Failed(Connection). Every path here
    // answers with an ICMP error after 10 ms, so each attempt lasts 10 ms
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          https: [ { svc_priority: 1, alpn: [h3, h2], no_default_alpn: true } ]
          latency: { HTTPS: 5ms, AAAA: 6ms, A: 7ms }
        """.indent(4), "    - { to: any, behaviour: unreachable, rtt: 10ms }\n", "");
    CallTrace t = Hev3.trace(yaml, CRATE);
    assertEquals(List.of("QUIC [2001:db8::1]:443 h3 0.006-0.016 unreachable", "QUIC 192.0.2.1:443 h3 0.016-0.026 unreachable",
        "TCP [2001:db8::1]:443 h2 0.026-0.036 unreachable", "TCP 192.0.2.1:443 h2 0.036-0.046 unreachable",
        "TCP [2001:db8::1]:443 h2,http/1.1 0.046-0.056 unreachable", "TCP 192.0.2.1:443 h2,http/1.1 0.056-0.066 unreachable"),
        Hev3.attempts(t));
    assertFalse(t.connected());
    assertEquals(CallTrace.End.ALL_FAILED, t.tries().get(0).end());
  }

  @Test
  void httpsSvc1AddressesTriggerAdditionalAttempts() {
    // https_records.rs https_svc1_addresses_trigger_additional_attempts: {1, HOSTNAME, [H2, H3]}
    // and {2, SVC1, [H2, H3]}; the origin's AAAA and A, then svc1's V6_ADDR_2 and V4_ADDR_2:
    // "P1 (HOSTNAME, priority=1) endpoints come before P2 (SVC1, priority=2) endpoints", then
    // the fallback bucket: 11 attempts, one per CONNECTION_ATTEMPT_DELAY
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          https:
            - { svc_priority: 1, alpn: [h2, h3], no_default_alpn: true }
            - { svc_priority: 2, target: svc1.example.com, alpn: [h2, h3], no_default_alpn: true }
          latency: { HTTPS: 5ms, AAAA: 6ms, A: 7ms }
        svc1.example.com:
          records: [2001:db8::2, 192.0.2.2]
          latency: { AAAA: 4ms, A: 5ms }
        """.indent(4));
    assertEquals(List.of("QUIC [2001:db8::1]:443 h3 0.006", "QUIC 192.0.2.1:443 h3 0.256", "TCP [2001:db8::1]:443 h2 0.506",
        "TCP 192.0.2.1:443 h2 0.756", "QUIC [2001:db8::2]:443 h3 1.006", "QUIC 192.0.2.2:443 h3 1.256",
        "TCP [2001:db8::2]:443 h2 1.506", "TCP 192.0.2.2:443 h2 1.756", "TCP [2001:db8::1]:443 h2,http/1.1 2.006",
        "TCP 192.0.2.1:443 h2,http/1.1 2.256"), Hev3.endpoints(Hev3.trace(yaml, CRATE)));
  }

  @Test
  void targetNameRedirectAddressesUsedInConnectionAttempts() {
    // https_records.rs target_name_redirect_addresses_used_in_connection_attempts:
    // {1, SVC1, [H3]} and no hints; svc1's AAAA V6_ADDR_2 meets the move-on criteria and the
    // first attempt goes to it over H3; svc1's A and the origin's answers join while it runs:
    // V4_ADDR_2 over H3, then the origin's addresses at the default H2OrH1
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          https: [ { svc_priority: 1, target: svc1.example.com, alpn: [h3], no_default_alpn: true } ]
          latency: { HTTPS: 5ms, AAAA: 20ms, A: 20ms }
        svc1.example.com:
          records: [2001:db8::2, 192.0.2.2]
          latency: { AAAA: 3ms, A: 4ms }
        """.indent(4));
    assertEquals(List.of("QUIC [2001:db8::2]:443 h3 0.008", "QUIC 192.0.2.2:443 h3 0.258",
        "TCP [2001:db8::1]:443 h2,http/1.1 0.508", "TCP 192.0.2.1:443 h2,http/1.1 0.758"),
        Hev3.endpoints(Hev3.trace(yaml, CRATE)));
  }

  @Test
  void customDelays() {
    // network_config.rs custom_delays: resolution delay 10 ms and connection attempt delay
    // 50 ms: A at 5 ms, so the V4 attempt at 15 ms; AAAA at 30 ms, so V6 at 15 + 50 = 65 ms
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          latency: { A: 5ms, AAAA: 30ms, HTTPS: 1s }
        """.indent(4), "", ", resolution_delay: 10ms, attempt_delay: 50ms");
    assertEquals(List.of("TCP 192.0.2.1 0.015", "TCP 2001:db8::1 0.065"), starts(yaml, CRATE));
  }

  @Test
  void skipWaitForPreferredAddress() {
    // network_config.rs skip_wait_for_preferred_address: with wait_for_preferred_address false,
    // a negative HTTPS answer and a positive A are enough: the V4 attempt at once, with no
    // Resolution Delay for AAAA
    String yaml = scenario("""
        example.com:
          records: [2001:db8::1, 192.0.2.1]
          latency: { HTTPS: 5ms, A: 6ms, AAAA: 1s }
          answers: { HTTPS: servfail }
        """.indent(4), "", ", https: { wait_for_preferred: false }");
    assertEquals("TCP 192.0.2.1 0.006", starts(yaml, CRATE).get(0));
  }
}
