package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dialsim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * What RFC 9460 says of HTTPS records, as timelines under the hev3 profile with {@code tls:
 * none}: AliasMode, its chain limit, the port SvcParam and caching for the TTL. Every answer
 * takes 5 ms; RTT 20 ms; every path is blackholed, so attempts run on.
 */
class SvcbTimelineTest {
  private static String scenario(String names, String calls) {
    return "name: s\nseed: 7\nreplications: 1\n"
        + "hosts:\n  a: { addresses: [2001:db8::1, 2001:db8::9] }\n"
        + "network:\n  rtt: 20ms\n  paths: [ { to: any, behaviour: blackhole } ]\n"
        + "dns:\n  names:\n" + names.indent(4)
        + calls
        + "configurations:\n  - { name: hev3, stack: { base: hev3, tls: none, deadline: 1s } }\n";
  }

  private static final String ONE_CALL = "calls: { target: www.example.com }\n";

  @Test
  void anAliasIsFollowedToItsServiceRecordsAndAddresses() {
    // RFC 9460 sections 2.4.2 and 3 (the draft section 4.2.1): AliasMode needs another HTTPS
    // query for its TargetName; the ServiceMode "." record there applies to that name, whose
    // A/AAAA are queried in turn: HTTPS www at 5 ms, HTTPS cdn at 10 ms, AAAA and A of cdn at
    // 15 ms, the attempt then. The origin's own A/AAAA answer empty
    CallTrace t = Hev3.trace(scenario("""
        www.example.com:
          records: [2001:db8::9]
          https: [ { svc_priority: 0, target: cdn.example.net } ]
          answers: { AAAA: empty, A: empty }
        cdn.example.net:
          records: [2001:db8::1]
          https: [ { svc_priority: 1, alpn: [h2] } ]
        """, ONE_CALL), "hev3");
    assertEquals(List.of("HTTPS www.example.com 0 0.005", "AAAA www.example.com 0 0.005", "A www.example.com 0 0.005",
        "HTTPS cdn.example.net 0.005 0.01", "AAAA cdn.example.net 0.01 0.015", "A cdn.example.net 0.01 0.015"), Hev3.dns(t));
    assertEquals(List.of("TCP 2001:db8::1 0.015"), Hev3.starts(t));
  }

  @Test
  void anAliasModeRecordOutranksServiceModeRecordsBesideIt() {
    // RFC 9460 section 2.4.1: "if an RRset contains a record with SvcPriority 0, the client
    // MUST ignore any ServiceMode records in the set": the h3 record of www is not used (no
    // QUIC attempt), the alias is followed
    CallTrace t = Hev3.trace(scenario("""
        www.example.com:
          records: [2001:db8::9]
          https:
            - { svc_priority: 0, target: cdn.example.net }
            - { svc_priority: 1, alpn: [h3], no_default_alpn: true }
          answers: { AAAA: empty, A: empty }
        cdn.example.net:
          records: [2001:db8::1]
          https: [ { svc_priority: 1, alpn: [h2] } ]
        """, ONE_CALL), "hev3");
    assertEquals(List.of("TCP 2001:db8::1 0.015"), Hev3.starts(t));
  }

  @Test
  void aChainLongerThanTheLimitFallsBackToTheOrigin() {
    // RFC 9460 section 2.4.2: a chain limit MUST exist (dialsim follows 4 aliases) and section
    // 3.1: past it the client falls back to the origin. www -> a1 -> a2 -> a3 -> a4 -> a5: the
    // HTTPS answers at 5, 10, 15, 20, 25 ms; a4's alias is the fifth, so a5 is never asked and
    // at 25 ms the origin's own ::9 (answered at 5 ms) is tried
    CallTrace t = Hev3.trace(scenario("""
        www.example.com:
          records: [2001:db8::9]
          https: [ { svc_priority: 0, target: a1.example.net } ]
        a1.example.net: { records: [2001:db8::1], https: [ { svc_priority: 0, target: a2.example.net } ] }
        a2.example.net: { records: [2001:db8::1], https: [ { svc_priority: 0, target: a3.example.net } ] }
        a3.example.net: { records: [2001:db8::1], https: [ { svc_priority: 0, target: a4.example.net } ] }
        a4.example.net: { records: [2001:db8::1], https: [ { svc_priority: 0, target: a5.example.net } ] }
        a5.example.net: { records: [2001:db8::1], https: [ { svc_priority: 1, alpn: [h2] } ] }
        """, ONE_CALL), "hev3");
    assertEquals(List.of("TCP 2001:db8::9 0.025"), Hev3.starts(t));
    assertEquals(5, Hev3.dns(t).stream().filter(d -> d.startsWith("HTTPS")).count(), Hev3.dns(t).toString());
    assertTrue(Hev3.dns(t).stream().noneMatch(d -> d.contains("a5")), Hev3.dns(t).toString());
  }

  @Test
  void thePortSvcParamGoesWithTheRecordsEndpoints() {
    // RFC 9460 section 7.2: port is the service's port; the origin's unassociated addresses
    // keep the authority's (443). svc (port 8443) answers at 10 ms, before the origin (20 ms)
    CallTrace t = Hev3.trace(scenario("""
        www.example.com:
          records: [2001:db8::9]
          https: [ { svc_priority: 1, target: svc.example.net, alpn: [h2], port: 8443 } ]
          latency: { AAAA: 20ms, A: 20ms }
        svc.example.net: { records: [2001:db8::1] }
        """, ONE_CALL), "hev3");
    assertEquals(List.of("TCP [2001:db8::1]:8443 h2,http/1.1 0.01", "TCP [2001:db8::9]:443 h2,http/1.1 0.26"),
        Hev3.endpoints(t));
  }

  @Test
  void answersAreCachedForTheirTtlAndNodataToo() {
    // RFC 9460 section 9.2.3: the TTL is the lifetime. ttl 1m, the answers in at 5 ms, so kept
    // until 60.005 s; calls 31 s apart: call 2 (31 s) takes HTTPS, AAAA and A from the cache and
    // starts at once; call 3 (62 s) asks again. A NODATA answer is cached the same way; a
    // SERVFAIL is not, so call 2 asks HTTPS again
    String calls = "calls: { target: www.example.com, per_client: 3, interval: { fixed: 31s } }\n";
    Scenario s = Hev3.load(scenario("""
        www.example.com:
          records: [2001:db8::1]
          ttl: 1m
          https: [ { svc_priority: 1, alpn: [h2] } ]
        """, calls));
    CallTrace second = Hev3.trace(s, "hev3", 0, 0, 1);
    assertTrue(second.dns().stream().allMatch(d -> d.note().equals("from the client's cache")), Hev3.dns(second).toString());
    assertEquals(List.of("TCP 2001:db8::1 0"), Hev3.starts(second));
    CallTrace third = Hev3.trace(s, "hev3", 0, 0, 2);
    assertTrue(third.dns().stream().noneMatch(d -> d.note().equals("from the client's cache")), Hev3.dns(third).toString());

    Scenario empty = Hev3.load(scenario("""
        www.example.com:
          records: [2001:db8::1]
          ttl: 1m
          answers: { HTTPS: empty }
        """, calls));
    assertEquals("from the client's cache", Hev3.trace(empty, "hev3", 0, 0, 1).dns().get(0).note());
    Scenario failing = Hev3.load(scenario("""
        www.example.com:
          records: [2001:db8::1]
          ttl: 1m
          answers: { HTTPS: servfail }
        """, calls));
    // call 2 begins at 31 s: its HTTPS query goes to the server again, answered 5 ms later
    CallTrace again = Hev3.trace(failing, "hev3", 0, 0, 1);
    assertEquals(List.of("HTTPS www.example.com 0 0.005"),
        Hev3.dns(again).stream().filter(d -> d.startsWith("HTTPS")).toList());
  }
}
