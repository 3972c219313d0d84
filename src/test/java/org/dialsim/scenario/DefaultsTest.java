package org.dialsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The binders take their key lists from defaults.yaml, so the file names exactly the binding
 * keys (SPEC 1.4, 5), in the order results show them: a key dropped or renamed there is caught here.
 */
class DefaultsTest {
  @Test
  void documentsEveryTopLevelKey() {
    assertEquals(List.of("name", "title", "description", "seed", "replications", "hosts", "network", "dns", "clients",
        "calls", "configurations", "sweep", "expect"), Binder.ROOT_KEYS);
  }

  @Test
  void documentsEveryStackKey() {
    assertEquals(List.of("base", "families", "order", "policy_table", "interleave", "strategy", "attempt_delay",
        "resolution_delay", "max_concurrent", "advance", "wakeup_every", "backup_job", "syn", "rst", "attempt_timeout",
        "timeout_split", "deadline", "memory", "call_retries", "tls", "https", "quic"), StackBinder.KEYS);
  }

  @Test
  void everySynPresetSetsEverySynKey() {
    // a preset replaces another key by key ({ base: linux-glibc, syn: windows-modern }); a key a
    // preset left out would come from the profile's preset: Windows timers with Linux's rule
    List<String> keys = ((Node.Mapping) Defaults.stack().get("syn")).keys();
    for (String name : Defaults.synPresetNames()) {
      assertEquals(keys, Defaults.synPreset(name).keys(), name);
    }
  }

  @Test
  void documentsEveryEntryKey() {
    assertEquals(List.of("addresses", "listens_on", "down", "failure", "quic"), Defaults.host().keys());
    assertEquals(List.of("to", "protocol", "behaviour", "loss", "rtt"), Defaults.path().keys());
    assertEquals(List.of("host", "down"), Defaults.fault().keys());
    assertEquals(List.of("from", "to"), Defaults.window().keys());
    assertEquals(List.of("records", "ttl", "source", "https", "latency", "answers"), Defaults.name().keys());
    assertEquals(List.of("svc_priority", "target", "alpn", "no_default_alpn", "port", "ipv4hint", "ipv6hint", "ech"),
        Defaults.httpsRecord().keys());
    assertEquals(List.of("name", "stack"), Defaults.configuration().keys());
    assertEquals(List.of("configuration", "metric", "max", "min", "mode", "at"), Defaults.expectation().keys());
  }
}
