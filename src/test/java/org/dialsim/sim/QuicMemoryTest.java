package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Chromium's QUIC job beside its TCP job (profile chromium-h3): the hold-back of TCP behind
 * QUIC and the "QUIC broken" memory with its backoff, as timelines of one client's calls. One
 * host with ::1 and .1, RTT 20 ms, answers in 5 ms; Chromium's QUIC job gives up a silent
 * handshake after 4 s; TCP waits for TLS 1.3 (connected 2 RTTs after its SYN).
 */
class QuicMemoryTest {
  private static String scenario(String paths, String calls, String stack) {
    return "name: m\nseed: 7\nreplications: 1\n"
        + "hosts:\n  a: { addresses: [2001:db8::1, 192.0.2.1] }\n"
        + "network:\n  rtt: 20ms\n  paths:\n" + paths
        + "dns:\n  names:\n    www.example.com:\n      records: [2001:db8::1, 192.0.2.1]\n"
        + "      https: [ { svc_priority: 1, alpn: [h3, h2] } ]\n"
        + calls
        + "configurations:\n  - { name: c, stack: " + stack + " }\n";
  }

  private static final String UDP_DROPPED = "    - { to: any, protocol: udp, behaviour: blackhole }\n";

  @Test
  void quicThatLosesToTcpIsMarkedBrokenFiveFiveTenTwentyMinutes() {
    // broken_alternative_services.cc: the first mark lasts 300 s, the n-th 300 s x 2^(n-1)
    // after that. Calls every 2 minutes; UDP dropped; TCP connects at 45 ms. Call 1 (0 s): QUIC
    // and TCP race, QUIC would give up at 4.005 s: broken [4.005, 304.005). Calls at 120 and
    // 240 s skip QUIC. Call 4 (360 s) tries it: broken [364.005, 664.005) (second mark, 300 s).
    // Calls at 480, 600 s skip it. Call 7 (720 s): broken [724.005, 1324.005) (600 s). Calls
    // 840 to 1320 s skip it. Call 13 (1440 s) tries QUIC again
    Scenario s = Hev3.load(scenario(UDP_DROPPED, "calls: { target: www.example.com, per_client: 13, interval: { fixed: 2m } }\n",
        "chromium-h3"));
    List<Integer> withQuic = new ArrayList<>();
    for (int call = 0; call < 13; call++) {
      CallTrace t = Hev3.trace(s, "c", 0, 0, call);
      if (t.attempts().stream().anyMatch(a -> a.endpoint().quic())) {
        withQuic.add(call + 1);
      }
      // every call connects over TCP 40 ms after its answers: 5 ms later when it asked DNS
      // (the 5 minute TTL runs out for the calls at 360, 720, 1080 and 1440 s), at once from the cache
      long dns = call % 3 == 0 ? 5_000_000 : 0;
      assertEquals(dns + 40_000_000, t.endNs() - t.startNs(), "call " + (call + 1) + ": " + Hev3.attempts(t));
    }
    assertEquals(List.of(1, 4, 7, 13), withQuic);
  }

  @Test
  void tcpWaitsTcpDelayBehindQuic() {
    // quic.tcp_delay 300ms: the QUIC job starts at 5 ms, the TCP job 300 ms later (305 ms) and
    // connects after SYN-ACK and TLS at 345 ms; the QUIC job, silent, is cancelled then
    CallTrace t = Hev3.trace(scenario(UDP_DROPPED, "calls: { target: www.example.com }\n",
        "{ base: chromium-h3, quic: { tcp_delay: 300ms } }"), "c");
    assertEquals(List.of("QUIC [2001:db8::1]:443 h3 0.005-0.345 cancelled", "TCP [2001:db8::1]:443 h2,http/1.1 0.305-0.345 connected"),
        Hev3.attempts(t));
  }

  @Test
  void onceQuicHasWorkedTcpWaitsOneAndAHalfRtts() {
    // GetTimeDelayForWaitingJob: no wait until QUIC has worked, then 1.5 x the QUIC RTT. Call 1:
    // QUIC and TCP both at 5 ms; QUIC connects at 25 ms (one RTT) and cancels TCP. Call 2
    // (30 s later, answers cached): QUIC at 0, TCP held back 30 ms, but QUIC connects at 20 ms,
    // so no TCP attempt is made at all
    Scenario s = Hev3.load(scenario("", "calls: { target: www.example.com, per_client: 2, interval: { fixed: 30s } }\n",
        "chromium-h3"));
    assertEquals(List.of("QUIC [2001:db8::1]:443 h3 0.005-0.025 connected", "TCP [2001:db8::1]:443 h2,http/1.1 0.005-0.025 cancelled"),
        Hev3.attempts(Hev3.trace(s, "c", 0, 0, 0)));
    assertEquals(List.of("QUIC [2001:db8::1]:443 h3 0-0.02 connected"), Hev3.attempts(Hev3.trace(s, "c", 0, 0, 1)));
  }
}
