package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chromium's backup connect job beside its QUIC job (profile chromium-h3, backup_job 250ms from
 * profile chromium). The backup belongs to the TCP socket pool (net/socket/
 * transport_client_socket_pool.cc): it copies the TCP endpoints only; with a QUIC job the main
 * job is blocked (JobController::DoCreateJobs) and asks the pool only when it resumes
 * (Job::DoWait), so the 250 ms count from TCP's first request; and no backup starts once the
 * first job's TCP socket exists and waits for TLS (SSLConnectJob::HasEstablishedConnection()).
 * One host 192.0.2.1, answers in 5 ms, UDP dropped, TLS 1.3 (connected two RTTs after the
 * answered SYN), SYN timers on time (first retransmission 1 s after the first SYN).
 */
class QuicBackupJobTest {
  private static String scenario(String rtt, String downUntil, String stackExtra) {
    return "name: b\nseed: 7\nreplications: 1\n"
        + "hosts:\n  a: { addresses: [192.0.2.1] }\n"
        + "network:\n  rtt: " + rtt + "\n  paths:\n    - { to: any, protocol: udp, behaviour: blackhole }\n"
        + (downUntil == null ? "" : "  faults:\n    - { host: a, down: { from: 0s, to: " + downUntil + " } }\n")
        + "dns:\n  names:\n    www.example.com:\n      records: [192.0.2.1]\n"
        + "      https: [ { svc_priority: 1, alpn: [h3, h2] } ]\n"
        + "calls: { target: www.example.com }\n"
        + "configurations:\n  - { name: c, stack: { base: chromium-h3, syn: { timer_hz: none }" + stackExtra + " } }\n";
  }

  @Test
  void theBackupCopiesTheTcpEndpointAndConnectsWhenTheFirstSynIsLost() {
    // QUIC has never worked, so TCP is not held back: QUIC and TCP at 5 ms, the backup timer at
    // 5 + 250 = 255 ms. The host is down until 100 ms: TCP's SYN at 5 ms is lost (retransmitted
    // at 1.005 s), the backup's SYN at 255 ms is answered at 275 ms, TLS done at 295 ms. No second
    // QUIC attempt: QUIC has no backup
    CallTrace t = Hev3.trace(scenario("20ms", "100ms", ""), "c");
    assertEquals(List.of("QUIC 192.0.2.1:443 h3 0.005-0.295 cancelled", "TCP 192.0.2.1:443 h2,http/1.1 0.005-0.295 cancelled",
        "TCP 192.0.2.1:443 h2,http/1.1 0.255-0.295 connected"), Hev3.attempts(t));
    // without the backup the retransmission connects: SYN-ACK 1.025 s, TLS 1.045 s
    CallTrace without = Hev3.trace(scenario("20ms", "100ms", ", backup_job: none"), "c");
    assertEquals(1_045_000_000L, without.endNs() - without.startNs());
  }

  @Test
  void theBackupTimerCountsFromTheHeldBackTcpRequest() {
    // tcp_delay 300ms: QUIC at 5 ms, TCP's request at 305 ms, so the backup at 305 + 250 =
    // 555 ms, not 250 or 255 ms after the call's start (the main job was blocked then). The host
    // is down until 400 ms: TCP's SYN at 305 ms is lost, the backup's at 555 ms connects: SYN-ACK
    // 575 ms, TLS 595 ms
    CallTrace t = Hev3.trace(scenario("20ms", "400ms", ", quic: { tcp_delay: 300ms }"), "c");
    assertEquals(List.of("QUIC 192.0.2.1:443 h3 0.005-0.595 cancelled", "TCP 192.0.2.1:443 h2,http/1.1 0.305-0.595 cancelled",
        "TCP 192.0.2.1:443 h2,http/1.1 0.555-0.595 connected"), Hev3.attempts(t));
  }

  @Test
  void noBackupOnceTheTcpConnectionWaitsForTls() {
    // RTT 200 ms: TCP's SYN at 5 ms is answered at 205 ms, before the timer at 255 ms; TLS takes
    // until 405 ms. At 255 ms the first job has its TCP socket, so no backup: two attempts (of
    // equal starts the connected one is listed first: it ended first, cancelling the other)
    CallTrace t = Hev3.trace(scenario("200ms", null, ""), "c");
    assertEquals(List.of("TCP 192.0.2.1:443 h2,http/1.1 0.005-0.405 connected", "QUIC 192.0.2.1:443 h3 0.005-0.405 cancelled"),
        Hev3.attempts(t));
    // RTT 300 ms: the SYN-ACK (305 ms) comes after the timer, so the backup starts at 255 ms
    // (its own SYN-ACK at 555 ms); the first job connects at 305 + 300 = 605 ms
    CallTrace late = Hev3.trace(scenario("300ms", null, ""), "c");
    assertEquals(List.of("TCP 192.0.2.1:443 h2,http/1.1 0.005-0.605 connected", "QUIC 192.0.2.1:443 h3 0.005-0.605 cancelled",
        "TCP 192.0.2.1:443 h2,http/1.1 0.255-0.605 cancelled"), Hev3.attempts(late));
  }
}
