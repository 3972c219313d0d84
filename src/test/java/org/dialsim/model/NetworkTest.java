package org.dialsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dialsim.engine.Time;
import org.junit.jupiter.api.Test;

class NetworkTest {
  @Test
  void theFirstMatchingRuleDecidesByFamilyPrefixAddressOrHost() {
    PathRule host = new PathRule(new Match.ToHost("fe2"), Behaviour.UNREACHABLE, 0, null);
    PathRule address = new PathRule(new Match.ToAddress(Address.of("192.0.2.7")), Behaviour.NO_ROUTE, 0, null);
    PathRule prefix = new PathRule(new Match.ToPrefix(Prefix.of("192.0.2.0/24")), Behaviour.DELIVER, 0.1, null);
    PathRule v6 = new PathRule(new Match.ToFamily(Family.IPV6), Behaviour.BLACKHOLE, 0, new Delay.Fixed(3 * Time.S));
    Network n = new Network(new Delay.Fixed(20 * Time.MS), List.of(host, address, prefix, v6));
    assertEquals(host, n.pathTo(Address.of("192.0.2.7"), "fe2"), "the host rule comes first");
    assertEquals(address, n.pathTo(Address.of("192.0.2.7"), "fe1"));
    assertEquals(prefix, n.pathTo(Address.of("192.0.2.8"), null));
    assertEquals(v6, n.pathTo(Address.of("2001:db8::1"), null));
    PathRule none = n.pathTo(Address.of("198.51.100.1"), "fe1");
    assertEquals(Behaviour.DELIVER, none.behaviour());
    assertEquals(0, none.loss());
  }

  @Test
  void prefixesMatchByBitsAndIpv4MappedRowsBecomeIpv4() {
    assertTrue(Prefix.of("2001:db8::/32").contains(Address.of("2001:db8:ffff::1")));
    assertFalse(Prefix.of("2001:db8::/32").contains(Address.of("2001:db9::1")));
    assertFalse(Prefix.of("192.0.2.0/25").contains(Address.of("192.0.2.200")));
    // the usual gai.conf row: every IPv4 address
    assertTrue(Prefix.of("::ffff:0:0/96").contains(Address.of("203.0.113.9")));
    assertEquals(0, Prefix.of("::ffff:0:0/96").length());
  }

  @Test
  void addressLiteralsNeverResolveNames() {
    assertTrue(Address.parse("example.com").isEmpty());
    assertTrue(Address.parse("10.1").isEmpty(), "inet_aton's short forms are not literals here");
    assertEquals(Family.IPV6, Address.of("2001:DB8::1").family());
    assertEquals(Address.of("2001:db8::1"), Address.of("2001:0db8:0:0::1"));
    assertEquals(32, Address.of("192.0.2.1").commonPrefixLength(Address.of("192.0.2.1")));
    assertEquals(30, Address.of("192.0.2.1").commonPrefixLength(Address.of("192.0.2.2")));
  }
}
