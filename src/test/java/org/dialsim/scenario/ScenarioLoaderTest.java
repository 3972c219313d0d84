package org.dialsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.model.AaaaBehaviour;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Delay;
import org.dialsim.model.Dns;
import org.dialsim.model.DnsName;
import org.dialsim.model.Family;
import org.dialsim.model.Host;
import org.dialsim.model.Match;
import org.dialsim.model.NameSource;
import org.dialsim.model.PathRule;
import org.dialsim.model.Prefix;
import org.dialsim.model.Window;
import org.dialsim.model.Workload;
import org.dialsim.stack.CallRetries;
import org.dialsim.stack.Configuration;
import org.dialsim.stack.Memory;
import org.dialsim.stack.Order;
import org.dialsim.stack.PolicyRow;
import org.dialsim.stack.RstAction;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stack.SynSchedule;
import org.dialsim.stack.TimeoutSplit;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
  static final Path GOOD = Path.of("src/test/resources/scenario/good");

  /** The smallest valid scenario: only the keys without a default. */
  static final String MINIMAL = """
      name: minimal
      hosts:
        fe1: { addresses: [192.0.2.1] }
      dns:
        names:
          pool.example.com: { records: [192.0.2.1] }
      calls: { target: pool.example.com }
      configurations:
        - { name: neutral, stack: {} }
      """;

  static Scenario single(String yaml) throws ScenarioException {
    LoadedScenario l = ScenarioLoader.load(Path.of("t.yaml"), yaml);
    assertEquals(1, l.points().size());
    return l.points().get(0);
  }

  @Test
  void bindsTheSpecExampleExactly() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(GOOD.resolve("pool.yaml"));
    assertEquals(1, loaded.points().size());
    assertEquals(List.of(), loaded.sweptPaths());
    Scenario s = loaded.points().get(0);
    assertEquals("ucma-first-call", s.name());
    assertEquals("Only the first two addresses are tried", s.title());
    assertTrue(s.description().startsWith("Two front ends, each with one IPv6 and one IPv4 address;"));
    assertEquals(20140725L, s.seed());
    assertEquals(1000, s.replications());
    assertEquals(Map.of(), s.point());

    // hosts: fe1's fault is merged into its down windows; "always" is [0, NEVER)
    List<Host> hosts = s.topology().hosts();
    assertEquals(new Host("fe1", List.of(Address.of("2001:db8:10::1"), Address.of("192.0.2.1")),
        Set.of(Family.IPV4, Family.IPV6), List.of(new Window(0, 5 * Time.M)), null), hosts.get(0));
    assertEquals(new Host("fe2", List.of(Address.of("2001:db8:10::2"), Address.of("192.0.2.2")),
        Set.of(Family.IPV4), List.of(), null), hosts.get(1));
    assertEquals(new Host("old", List.of(Address.of("192.0.2.99")), Set.of(Family.IPV4, Family.IPV6),
        List.of(new Window(0, Time.NEVER)), null), hosts.get(2));

    // network: a rule with only loss is deliver; rtt null means network.rtt
    assertEquals(new Delay.LogNormal(20 * Time.MS, 60 * Time.MS), s.topology().network().rtt());
    assertEquals(List.of(
            new PathRule(new Match.ToFamily(Family.IPV6), Behaviour.BLACKHOLE, 0.0, null),
            new PathRule(new Match.ToPrefix(Prefix.of("192.0.2.0/24")), Behaviour.DELIVER, 0.01, null),
            new PathRule(new Match.ToHost("fe2"), Behaviour.UNREACHABLE, 0.0, new Delay.Fixed(3 * Time.S))),
        s.topology().network().paths());

    Dns dns = s.topology().dns();
    assertEquals(new DnsName("pool.example.com", List.of(Address.of("2001:db8:10::1"), Address.of("2001:db8:10::2"),
            Address.of("192.0.2.1"), Address.of("192.0.2.2"), Address.of("192.0.2.99"), Address.of("192.0.2.200")),
        5 * Time.M, NameSource.DNS), dns.names().get("pool.example.com"));
    assertEquals(AnswerOrder.ROUND_ROBIN, dns.answerOrder());
    assertEquals(new Delay.Fixed(5 * Time.MS), dns.latencyA());
    assertEquals(new Delay.LogNormal(5 * Time.MS, 40 * Time.MS), dns.latencyAaaa());
    assertEquals(AaaaBehaviour.NORMAL, dns.aaaa());
    assertEquals(5 * Time.S, dns.resolverTimeoutNs());

    assertEquals(new Workload(50, List.of(Address.of("2001:db8:20::5"), Address.of("192.0.2.50")),
        "pool.example.com", 10, Time.M, 60 * Time.S, true), s.topology().workload());

    List<Configuration> c = s.configurations();
    assertEquals(List.of("UCMA 4.0", "UCMA 4.0 + IPv4 hint", "Linux, shorter SYN", "Happy Eyeballs by hand"),
        c.stream().map(Configuration::name).toList());
    StackConfig ucma = Profiles.get("ucma-4").stack();
    assertEquals(ucma, c.get(0).stack());
    assertEquals(List.of(Family.IPV4), c.get(1).stack().families());
    assertEquals(ucma.syn(), c.get(1).stack().syn());
    StackConfig linux = c.get(2).stack();
    assertEquals("linux-glibc", linux.base());
    // retries 2 over linux-glibc's preset (Linux 6.5+: linear_first 4, rto_max 120s, HZ 250)
    assertEquals(new SynSchedule(Time.S, 2, 4, Time.NEVER, SynSchedule.GiveUp.LINUX, 120 * Time.S, 250), linux.syn(),
        "syn merges key by key over the preset");
    assertEquals(90 * Time.S, linux.deadlineNs());
    assertEquals("glibc", linux.policyTableName());
    StackConfig he = c.get(3).stack();
    assertNull(he.base());
    assertEquals(1, he.interleave());
    assertEquals(StrategyKind.STAGGERED, he.strategy());
    assertEquals(50 * Time.MS, he.resolutionDelayNs());
    assertEquals(6, he.maxConcurrent());
    assertEquals(new Memory(Memory.Kind.AVOID_FAILED, 10 * Time.M), he.memory());
    assertEquals(new CallRetries(2, 1_500 * Time.MS), he.callRetries());
    assertEquals("custom", he.policyTableName());
    PolicyRow mapped = he.policyTable().get(2);
    assertEquals(Family.IPV6, mapped.prefix().network().family(), "IPv4-mapped rows stay 128-bit");
    assertEquals(96, mapped.prefix().length());
    assertEquals(0xffff_0000_0000L, mapped.prefix().network().lo());
    assertEquals(45, mapped.precedence());

    assertEquals(List.of(
            new Expectation("UCMA 4.0 + IPv4 hint", "first_call_failure_rate", 0.01, null, false, Map.of(), 66, 5),
            new Expectation(null, "failure_rate_by_call[10]", 0.05, null, true, Map.of(), 67, 5)),
        loaded.expectations());
  }

  @Test
  void resolvedJsonHoldsEveryDefaultAndResolvedStacks() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(GOOD.resolve("pool.yaml"));
    JsonNode j = new ObjectMapper().readTree(loaded.resolvedJson());
    assertEquals("Only the first two addresses are tried", j.get("title").asText());
    assertEquals(20140725L, j.get("seed").asLong());
    assertEquals("deliver", j.at("/network/paths/1/behaviour").asText(), "a rule's default is filled in");
    assertEquals(0.01, j.at("/network/paths/1/loss").asDouble());
    assertTrue(j.at("/network/paths/0/rtt").isNull());
    assertEquals("5s", j.at("/dns/resolver_timeout").asText());
    assertEquals("ucma-4", j.at("/configurations/0/stack/base").asText());
    assertEquals("3s", j.at("/configurations/0/stack/syn/initial_rto").asText(), "the preset is expanded");
    assertEquals("1s", j.at("/configurations/2/stack/syn/initial_rto").asText(), "linux preset under the user's key");
    assertEquals(2, j.at("/configurations/2/stack/syn/retries").asInt());
    assertEquals("glibc", j.at("/configurations/2/stack/policy_table").asText());
    assertEquals("avoid-failed", j.at("/configurations/0/stack/memory/kind").asText());
    assertEquals("[\"ipv4\",\"ipv6\"]", j.at("/hosts/fe1/listens_on").toString());
    assertEquals("confidence", j.at("/expect/1/mode").asText());
    assertTrue(j.get("sweep").isObject());
  }

  @Test
  void fillsEveryDefault() throws Exception {
    Scenario s = single(MINIMAL);
    assertEquals("minimal", s.title(), "title defaults to the name");
    assertEquals("", s.description());
    assertEquals(1L, s.seed());
    assertEquals(100, s.replications());
    Host h = s.topology().hosts().get(0);
    assertEquals(Set.of(Family.IPV4, Family.IPV6), h.listensOn());
    assertEquals(List.of(), h.down());
    assertNull(h.failure());
    assertEquals(new Delay.Fixed(20 * Time.MS), s.topology().network().rtt());
    assertEquals(List.of(), s.topology().network().paths());
    Dns dns = s.topology().dns();
    assertEquals(AnswerOrder.FIXED, dns.answerOrder());
    assertEquals(new Delay.Fixed(5 * Time.MS), dns.latencyA());
    assertEquals(new Delay.Fixed(5 * Time.MS), dns.latencyAaaa());
    assertEquals(AaaaBehaviour.NORMAL, dns.aaaa());
    assertEquals(5 * Time.S, dns.resolverTimeoutNs());
    assertEquals(5 * Time.M, dns.names().get("pool.example.com").ttlNs());
    assertEquals(NameSource.DNS, dns.names().get("pool.example.com").source());
    assertEquals(new Workload(1, List.of(), "pool.example.com", 1, 0, 30 * Time.S, false), s.topology().workload());

    StackConfig n = s.configurations().get(0).stack();
    assertNull(n.base());
    assertEquals(List.of(Family.IPV4, Family.IPV6), n.families());
    assertEquals(Order.DNS, n.order());
    assertEquals("rfc6724", n.policyTableName());
    assertEquals(9, n.policyTable().size());
    assertEquals(new PolicyRow(Prefix.of("::/0"), 40, 1), n.policyTable().get(1));
    assertEquals(0, n.interleave());
    assertEquals(StrategyKind.SEQUENTIAL, n.strategy());
    assertEquals(250 * Time.MS, n.attemptDelayNs());
    // none: a synchronous getaddrinfo() that waits for both answers (0s would be Happy Eyeballs with no delay)
    assertEquals(Time.NEVER, n.resolutionDelayNs());
    assertEquals(Integer.MAX_VALUE, n.maxConcurrent());
    assertEquals(new SynSchedule(Time.S, 6, 0, Time.NEVER), n.syn());
    assertEquals(RstAction.FAIL, n.rst());
    assertEquals(Time.NEVER, n.attemptTimeoutNs());
    assertEquals(TimeoutSplit.NONE, n.timeoutSplit());
    assertEquals(Time.NEVER, n.deadlineNs());
    assertEquals(new Memory(Memory.Kind.NONE, 10 * Time.M), n.memory());
    assertEquals(new CallRetries(0, 0), n.callRetries());
  }

  @Test
  void userKeysGoOverTheProfileOverTheNeutralStack() throws Exception {
    Scenario s = single(MINIMAL.replace("{ name: neutral, stack: {} }", """
        { name: a, stack: { base: ucma-4, syn: { retries: 3 }, memory: prefer-last-good } }
          - { name: b, stack: { base: windows-modern, rst: fail } }
          - { name: c, stack: { syn: windows-classic, deadline: 20s, memory: { kind: avoid-failed, ttl: none } } }
          - { name: d, stack: linux-glibc }"""));
    StackConfig a = s.configurations().get(0).stack();
    assertEquals(new SynSchedule(3 * Time.S, 3, 0, Time.NEVER), a.syn(), "retries over the windows-classic preset");
    assertEquals(new Memory(Memory.Kind.PREFER_LAST_GOOD, 10 * Time.M), a.memory(), "kind replaced, ttl kept");
    assertEquals(30 * Time.S, a.deadlineNs(), "the profile's deadline stays");
    assertEquals(Order.PREFER_IPV4, a.order());
    assertEquals("ucma-4", a.base());

    StackConfig b = s.configurations().get(1).stack();
    assertEquals("windows-modern", b.base());
    assertEquals(Order.PREFER_IPV6, b.order(), "from windows-classic, the base of windows-modern");
    assertEquals(new SynSchedule(Time.S, 4, 0, 21 * Time.S), b.syn());
    assertEquals(RstAction.FAIL, b.rst());

    StackConfig c = s.configurations().get(2).stack();
    assertNull(c.base());
    assertEquals(Order.DNS, c.order(), "no base: the neutral stack");
    assertEquals(new SynSchedule(3 * Time.S, 2, 0, Time.NEVER), c.syn());
    assertEquals(20 * Time.S, c.deadlineNs());
    assertEquals(new Memory(Memory.Kind.AVOID_FAILED, Time.NEVER), c.memory());

    assertEquals(Profiles.get("linux-glibc").stack(), s.configurations().get(3).stack());
  }

  @Test
  void alternativesReplaceAndMapsMergeInScenarioKeys() throws Exception {
    Scenario s = single("""
        name: merged
        hosts:
          fe1: { addresses: ["::1", 192.0.2.1] }
        network:
        dns:
          names:
            pool.example.com: { records: ["::1", 192.0.2.1], source: hosts-file, ttl: none }
          latency: { A: 10ms }
          aaaa: timeout
        calls: { target: pool.example.com, interval: { exponential_mean: 10s }, start: { uniform: 90s } }
        configurations:
          - { name: neutral, stack: {} }
        """);
    assertEquals(new Delay.Fixed(20 * Time.MS), s.topology().network().rtt(), "an empty section keeps the defaults");
    Dns dns = s.topology().dns();
    assertEquals(new Delay.Fixed(10 * Time.MS), dns.latencyA());
    assertEquals(new Delay.Fixed(5 * Time.MS), dns.latencyAaaa(), "latency merges key by key");
    assertEquals(AaaaBehaviour.TIMEOUT, dns.aaaa());
    DnsName name = dns.names().get("pool.example.com");
    assertEquals(NameSource.HOSTS_FILE, name.source());
    assertEquals(Time.NEVER, name.ttlNs());
    Workload w = s.topology().workload();
    assertTrue(w.exponential(), "interval is replaced whole, not merged with the default fixed: 30s");
    assertEquals(10 * Time.S, w.intervalNs());
    assertEquals(90 * Time.S, w.startSpreadNs());
  }

  @Test
  void collectsSeveralProblemsSortedByPosition() {
    ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
        () -> ScenarioLoader.load(Path.of("p.yaml"), """
            name: several
            replications: 0
            hosts:
              fe1: { addresses: [192.0.2.1], listen_on: [ipv4] }
            dns:
              names:
                pool.example.com: { records: [192.0.2.1] }
            calls: { target: pool.example.com, per_client: lots }
            configurations:
              - { name: a, stack: { deadline: 30, strategy: race } }
            """));
    assertEquals(List.of(
        "p.yaml:2:15: replications: \"0\" is not allowed; write a whole number of at least 1",
        "p.yaml:4:34: hosts.fe1.listen_on: unknown key; did you mean \"listens_on\"?",
        "p.yaml:8:48: calls.per_client: \"lots\" is not a whole number; write digits only, e.g. 1",
        "p.yaml:10:35: configurations[0].stack.deadline: \"30\" has no unit; write 30s",
        "p.yaml:10:49: configurations[0].stack.strategy: unknown value \"race\"; use one of first-only, sequential, family-race, staggered, abort-advance"),
        e.problems().stream().map(Problem::toString).toList());
    assertEquals(String.join("\n", e.problems().stream().map(Problem::toString).toList()), e.getMessage());
    assertEquals(0, e.getStackTrace().length, "a scenario error carries no stack trace");
  }

  @Test
  void checksExpectations() {
    ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
        () -> ScenarioLoader.load(Path.of("x.yaml"), MINIMAL + """
            expect:
              - { configuration: neutrl, metric: calls, min: 1 }
              - { metric: "failure_rate_by_call[K]", max: 0.1 }
              - { metric: "failure_rate_by_call[0]", max: 0.1 }
              - { metric: call_failure_rate }
              - { metric: call_failure_rate, min: 0.5, max: 0.1, mode: strict }
            """));
    assertEquals(List.of(
        "x.yaml:11:22: expect[0].configuration: no configuration is named \"neutrl\"; did you mean \"neutral\"?",
        "x.yaml:12:15: expect[1].metric: unknown metric \"failure_rate_by_call[K]\"; did you mean \"failure_rate_by_call[1]\"?",
        "x.yaml:13:15: expect[2].metric: calls count from 1; write failure_rate_by_call[1] for the first call",
        "x.yaml:14:5: expect[3]: gives no bound; add max: or min: (or both)",
        "x.yaml:15:39: expect[4].min: min is above max; a value cannot satisfy both",
        "x.yaml:15:60: expect[4].mode: unknown value \"strict\"; use one of point, confidence"),
        e.problems().stream().map(Problem::toString).toList());

    ScenarioException never = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
        () -> ScenarioLoader.load(Path.of("x.yaml"), MINIMAL + "expect:\n  - { metric: \"failure_rate_by_call[2]\", max: 0.1 }\n"));
    assertEquals("x.yaml:11:5: expect[0].metric: call 2 is never made; calls.per_client is at most 1", never.getMessage());
  }

  @Test
  void anchorsAndMergeKeysShareAStack() throws Exception {
    List<Configuration> c = ScenarioLoader.load(GOOD.resolve("anchors.yaml")).points().get(0).configurations();
    StackConfig ucma = Profiles.get("ucma-4").stack();
    assertEquals(ucma.deadlineNs(), c.get(0).stack().deadlineNs());
    assertEquals(10 * Time.S, c.get(1).stack().deadlineNs(), "the merged map's own key wins");
    assertEquals(ucma.syn(), c.get(1).stack().syn(), "the rest comes from the anchored stack, base and all");
    assertEquals(List.of(Family.IPV4, Family.IPV6), c.get(1).stack().families());
  }

  @Test
  void memoryLearnSaysWhichFailuresAreRemembered() throws Exception {
    Scenario s = single(MINIMAL.replace("{ name: neutral, stack: {} }", """
        { name: a, stack: ucma-4 }
          - { name: b, stack: { base: ucma-4, memory: { learn: [timeout, cut] } } }
          - { name: c, stack: { base: ucma-4, memory: { learn: [] } } }"""));
    assertEquals(Memory.ANSWERED, s.configurations().get(0).stack().memory().learn(), "the documented default");
    Memory b = s.configurations().get(1).stack().memory();
    assertEquals(java.util.EnumSet.of(Memory.Learn.TIMEOUT, Memory.Learn.CUT), b.learn(), "the list replaces the base's");
    assertEquals(new Memory(Memory.Kind.AVOID_FAILED, 10 * Time.M, b.learn()), b, "kind and ttl kept from ucma-4");
    assertTrue(s.configurations().get(2).stack().memory().learn().isEmpty());
    ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> single(
        MINIMAL.replace("{ name: neutral, stack: {} }", "{ name: a, stack: { memory: { learn: [cutt, timeout, timeout] } } }")));
    assertEquals(List.of(
        "configurations[0].stack.memory.learn[0]: unknown value \"cutt\"; did you mean \"cut\"?",
        "configurations[0].stack.memory.learn[2]: \"timeout\" is listed twice; list each failure once"),
        e.problems().stream().map(p -> p.key() + ": " + p.message()).toList());
  }
}
