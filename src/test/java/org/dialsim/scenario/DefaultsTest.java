package org.dialsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** defaults.yaml documents exactly the keys the binder reads, in the same order. */
class DefaultsTest {
  @Test
  void documentsEveryTopLevelKey() {
    assertEquals(Binder.ROOT_KEYS, Defaults.scenario().keys());
  }

  @Test
  void documentsEveryStackKey() {
    assertEquals(Stacks.KEYS, Defaults.stack().keys());
  }

  @Test
  void documentsEveryEntryKey() {
    assertEquals(List.of("addresses", "listens_on", "down", "failure"), Defaults.host().keys());
    assertEquals(List.of("to", "behaviour", "loss", "rtt"), Defaults.path().keys());
    assertEquals(List.of("host", "down"), Defaults.fault().keys());
    assertEquals(List.of("records", "ttl", "source"), Defaults.name().keys());
    assertEquals(List.of("name", "stack"), Defaults.configuration().keys());
    assertEquals(List.of("configuration", "metric", "max", "min", "mode", "at"), Defaults.expectation().keys());
  }
}
