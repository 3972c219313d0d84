package org.dialsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPathTest {
  @Test
  void buildsPathsThatParseBack() {
    String p = KeyPath.child(KeyPath.child(KeyPath.child("", "dns"), "names"), "pool.example.com");
    assertEquals("dns.names[\"pool.example.com\"]", p);
    assertEquals("configurations[0].stack.deadline",
        KeyPath.child(KeyPath.child(KeyPath.index("configurations", 0), "stack"), "deadline"));
    List<KeyPath.Step> steps = KeyPath.parse("dns.names[\"pool.example.com\"].ttl");
    assertEquals(List.of(new KeyPath.Key("dns"), new KeyPath.Key("names"), new KeyPath.Key("pool.example.com"),
        new KeyPath.Key("ttl")), steps);
    assertEquals("dns.names[\"pool.example.com\"].ttl", KeyPath.format(steps));
    assertEquals(List.of(new KeyPath.Key("network"), new KeyPath.Key("paths"), new KeyPath.Index(0), new KeyPath.Key("loss")),
        KeyPath.parse("network.paths[0].loss"));
  }

  @Test
  void refusesMalformedPaths() {
    for (String bad : new String[] {"", ".a", "a.", "a..b", "a[x]", "a[1", "a b", "a[0]b"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyPath.parse(bad), bad);
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("write"), e.getMessage());
    }
  }
}
