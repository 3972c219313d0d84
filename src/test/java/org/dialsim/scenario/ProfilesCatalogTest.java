package org.dialsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dialsim.engine.Time;
import org.dialsim.stack.Advance;
import org.dialsim.stack.Memory;
import org.dialsim.stack.Order;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stack.SynSchedule;
import org.dialsim.stack.TimeoutSplit;
import org.junit.jupiter.api.Test;

/**
 * The built-in profiles against SPEC section 2: every binding name is there, cites a source,
 * resolves, and can be used by a scenario; each profile's key values are the documented ones.
 */
class ProfilesCatalogTest {
  /** SPEC section 2, in its table's order: binding names. */
  static final List<String> SPEC_PROFILES = List.of(
      "ucma-4", "windows-classic", "windows-modern", "linux-glibc", "java-socket", "go", "curl-classic",
      "curl", "chromium", "firefox", "okhttp", "python-asyncio-he", "node", "node-500", "rfc8305");

  private static final long MS = Time.MS;
  private static final long S = Time.S;

  @Test
  void everySpecProfileExistsCitesASourceAndResolves() {
    for (String name : SPEC_PROFILES) {
      Profile p = Profiles.find(name).orElseThrow(() -> new AssertionError("missing profile " + name));
      assertFalse(p.sources().isEmpty(), name);
      assertTrue(p.sources().stream().noneMatch(String::isBlank), name);
      assertFalse(p.summary().isBlank(), name);
      StackConfig s = p.stack();
      assertEquals(name, s.base(), name);
      assertEquals(StackBinder.KEYS, List.copyOf(p.settings().keySet()), name);
    }
    // `dialsim stacks` lists them in the SPEC table's order
    assertEquals(SPEC_PROFILES, Profiles.names().subList(0, SPEC_PROFILES.size()));
  }

  @Test
  void theApplicationProfilesSayWhichOperatingSystemTheirTimersAre() {
    // "OS timers": each takes Linux's and a note says which kernel (and how to model Windows).
    // syn linux is Linux 6.5+ (6 retries, 4 linear timeouts: 131 s, timer wheel at HZ 250);
    // rfc8305 is a reference configuration with the textbook RFC 6298 schedule (127 s, on time)
    List<String> linuxBased = new java.util.ArrayList<>(SPEC_PROFILES.subList(3, SPEC_PROFILES.size()));
    linuxBased.add("curl-7.88");
    for (String name : linuxBased) {
      Profile p = Profiles.get(name);
      SynSchedule syn = p.stack().syn();
      if (name.equals("rfc8305")) {
        assertEquals(Profiles.synPreset("rfc6298"), syn, name);
        assertEquals(127 * S, syn.giveUpNs(), name);
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("Linux 6.5")), name + ": " + p.notes());
        continue;
      }
      assertTrue(p.notes().stream().anyMatch(n -> n.contains("Linux 6.5") && n.contains("5.4 to 6.4")),
          name + ": " + p.notes());
      assertEquals(Profiles.synPreset("linux"), syn, name);
      assertEquals(131 * S, syn.giveUpNs(), name);
    }
  }

  @Test
  void everyCurlProfileSaysWhichReleasesItFollows() {
    // the boundaries from curl's history: 02fbc26d59 (7.34.0), 71b7e01610 (7.88.0), 01d8473b25
    // (8.4.0), af69c9d636 (8.16.0), db9b6fa82e (8.20.0)
    Map<String, String> releases = Map.of(
        "curl-classic", "7.34.0 to 7.87.0 and 8.4.0 to 8.15.x",
        "curl-7.88", "7.88.0 to 8.3.x",
        "curl", "8.20.0 and later");
    releases.forEach((name, text) -> assertTrue(Profiles.get(name).notes().stream()
        .anyMatch(n -> n.startsWith("Which curl: " + text)), name + ": " + Profiles.get(name).notes()));
  }

  @Test
  void everyProfileWorksAsAScenarioStackAndAsABase() throws Exception {
    StringBuilder configs = new StringBuilder();
    for (String name : SPEC_PROFILES) {
      configs.append("  - { name: ").append(name).append(", stack: ").append(name).append(" }\n");
      configs.append("  - { name: ").append(name).append(" 30s, stack: { base: ").append(name)
          .append(", deadline: 30s } }\n");
    }
    String yaml = """
        name: catalog
        hosts:
          fe1: { addresses: [2001:db8::1, 192.0.2.1] }
        dns:
          names:
            pool.example.com: { records: [2001:db8::1, 192.0.2.1] }
        calls: { target: pool.example.com }
        configurations:
        """ + configs;
    LoadedScenario l = ScenarioLoader.load(Path.of("catalog.yaml"), yaml);
    List<org.dialsim.stack.Configuration> cs = l.points().get(0).configurations();
    assertEquals(2 * SPEC_PROFILES.size(), cs.size());
    for (int i = 0; i < SPEC_PROFILES.size(); i++) {
      StackConfig plain = cs.get(2 * i).stack();
      StackConfig based = cs.get(2 * i + 1).stack();
      assertEquals(Profiles.get(SPEC_PROFILES.get(i)).stack().strategy(), plain.strategy());
      assertEquals(30 * S, based.deadlineNs(), SPEC_PROFILES.get(i));
      assertEquals(plain.attemptDelayNs(), based.attemptDelayNs(), SPEC_PROFILES.get(i));
    }
  }

  /** One profile's documented key values. */
  private static void expect(String name, Order order, StrategyKind strategy, long delayNs, long deadlineNs) {
    StackConfig s = Profiles.get(name).stack();
    assertEquals(order, s.order(), name);
    assertEquals(strategy, s.strategy(), name);
    assertEquals(delayNs, s.attemptDelayNs(), name);
    assertEquals(deadlineNs, s.deadlineNs(), name);
    // every profile here resolves synchronously except rfc8305
    assertEquals(name.equals("rfc8305") ? 50 * MS : Time.NEVER, s.resolutionDelayNs(), name);
  }

  @Test
  void applicationProfilesCarryTheirDocumentedConstants() {
    // java.net.Socket(String, int): first address only, IPv4 first (preferIPv6Addresses=false)
    expect("java-socket", Order.PREFER_IPV4, StrategyKind.FIRST_ONLY, 250 * MS, Time.NEVER);
    // net/dial.go fallbackDelay() 300 ms, partialDeadline, no deadline of its own
    expect("go", Order.RFC6724, StrategyKind.FAMILY_RACE, 300 * MS, Time.NEVER);
    assertEquals(TimeoutSplit.EVEN, Profiles.get("go").stack().timeoutSplit());
    assertEquals("rfc6724", Profiles.get("go").stack().policyTableName());
    // CURL_HET_DEFAULT 200 ms, DEFAULT_CONNECT_TIMEOUT 300000 ms
    expect("curl-classic", Order.RFC6724, StrategyKind.FAMILY_RACE, 200 * MS, 300 * S);
    assertEquals(TimeoutSplit.HALVE, Profiles.get("curl-classic").stack().timeoutSplit());
    // curl 7.88.0 to 8.3.x: as curl-classic; the next address waits for a wake-up, the tool
    // wakes every 1 s (lib/easy.c curl_multi_poll(..., 1000, ...))
    expect("curl-7.88", Order.RFC6724, StrategyKind.FAMILY_RACE, 200 * MS, 300 * S);
    assertEquals(Advance.NEXT_WAKEUP, Profiles.get("curl-7.88").stack().advance());
    assertEquals(S, Profiles.get("curl-7.88").stack().wakeupEveryNs());
    assertEquals(Advance.IMMEDIATE, Profiles.get("curl-classic").stack().advance());
    expect("curl", Order.PREFER_IPV6, StrategyKind.STAGGERED, 200 * MS, 300 * S);
    assertEquals(1, Profiles.get("curl").stack().interleave());
    assertEquals(6, Profiles.get("curl").stack().maxConcurrent());
    // kIPv6FallbackTime 300 ms, ConnectionTimeout() 4 minutes
    expect("chromium", Order.PREFER_IPV6, StrategyKind.FAMILY_RACE, 300 * MS, 240 * S);
    // client_socket_pool.h kMaxConnectRetryIntervalMs = 250: the backup connect job
    assertEquals(250 * MS, Profiles.get("chromium").stack().backupJobNs());
    // connection-retry-timeout 250 ms; connection-timeout 90 s per attempt
    expect("firefox", Order.RFC6724, StrategyKind.FAMILY_RACE, 250 * MS, Time.NEVER);
    assertEquals(90 * S, Profiles.get("firefox").stack().attemptTimeoutNs());
    // connectDelayNanos 250 ms, connectTimeout 10 s, RouteDatabase for the client's life
    expect("okhttp", Order.PREFER_IPV6, StrategyKind.STAGGERED, 250 * MS, Time.NEVER);
    assertEquals(10 * S, Profiles.get("okhttp").stack().attemptTimeoutNs());
    assertEquals(1, Profiles.get("okhttp").stack().interleave());
    assertEquals(new Memory(Memory.Kind.AVOID_FAILED, Time.NEVER), Profiles.get("okhttp").stack().memory());
    // happy_eyeballs_delay=0.25, interleave defaults to 1
    expect("python-asyncio-he", Order.RFC6724, StrategyKind.STAGGERED, 250 * MS, Time.NEVER);
    assertEquals(1, Profiles.get("python-asyncio-he").stack().interleave());
    // autoSelectFamilyAttemptTimeout 250 ms, 500 ms after nodejs/node pull request 60334
    expect("node", Order.RFC6724, StrategyKind.ABORT_ADVANCE, 250 * MS, Time.NEVER);
    expect("node-500", Order.RFC6724, StrategyKind.ABORT_ADVANCE, 500 * MS, Time.NEVER);
    assertEquals(1, Profiles.get("node").stack().interleave());
    // RFC 8305 sections 3 (50 ms), 4 (count 1), 5 (250 ms)
    expect("rfc8305", Order.RFC6724, StrategyKind.STAGGERED, 250 * MS, Time.NEVER);
    assertEquals(1, Profiles.get("rfc8305").stack().interleave());
    assertEquals("rfc6724", Profiles.get("rfc8305").stack().policyTableName());
  }

  @Test
  void uncertainValuesAreSaidInNotes() {
    for (String name : List.of("curl", "chromium", "node-500", "windows-modern")) {
      assertTrue(Profiles.get(name).notes().stream().anyMatch(n -> n.contains("ncertain")), name);
    }
  }
}
