package org.dialsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.engine.Time;
import org.dialsim.model.Delay;
import org.dialsim.stack.Configuration;
import org.dialsim.stats.SweepAxis;
import org.junit.jupiter.api.Test;

class SweepTest {
  private static List<String> problems(String yaml) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(Path.of("s.yaml"), yaml));
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static String withSweep(String sweep) {
    return ScenarioLoaderTest.MINIMAL.replace("{ name: neutral, stack: {} }",
        "{ name: a, stack: ucma-4 }\n  - { name: b, stack: linux-glibc }") + "sweep:\n" + sweep;
  }

  @Test
  void expandsTheProductFirstKeySlowest() throws Exception {
    LoadedScenario l = ScenarioLoader.load(ScenarioLoaderTest.GOOD.resolve("sweep.yaml"));
    assertEquals(List.of("deadline", "clients.count", "syn.initial_rto"), l.sweptPaths());
    assertEquals(12, l.points().size());
    List<String> seen = new ArrayList<>();
    for (Scenario s : l.points()) {
      seen.add(s.point().get("deadline") + "/" + s.point().get("clients.count") + "/" + s.point().get("syn.initial_rto"));
    }
    assertEquals(List.of(
        "10s/1/1s", "10s/1/3s", "10s/5/1s", "10s/5/3s",
        "30s/1/1s", "30s/1/3s", "30s/5/1s", "30s/5/3s",
        "none/1/1s", "none/1/3s", "none/5/1s", "none/5/3s"), seen);
    assertEquals(List.of("deadline", "clients.count", "syn.initial_rto"), new ArrayList<>(l.points().get(0).point().keySet()));
  }

  @Test
  void valuesAreTypedOnceForTheResults() throws Exception {
    LoadedScenario l = ScenarioLoader.load(Path.of("s.yaml"), withSweep(
        "  deadline: [30s, 1m30s, 250ms]\n  network.paths[0].loss: [0.05, .1]\n  order: [dns, rfc6724]\n"
            .replace("network.paths[0].loss", "clients.count").replace("[0.05, .1]", "[2, 10]")));
    List<SweepAxis> axes = l.sweep();
    assertEquals(SweepAxis.Kind.DURATION, axes.get(0).kind());
    assertEquals(List.of(30.0, 90.0, 0.25), axes.get(0).values().stream().map(SweepAxis.Value::number).toList());
    assertEquals(List.of("30s", "1m30s", "250ms"), axes.get(0).texts());
    assertEquals(SweepAxis.Kind.NUMBER, axes.get(1).kind());
    assertEquals(List.of(2.0, 10.0), axes.get(1).values().stream().map(SweepAxis.Value::number).toList());
    assertEquals(SweepAxis.Kind.CATEGORY, axes.get(2).kind());
    assertEquals(List.of(0.0, 1.0), axes.get(2).values().stream().map(SweepAxis.Value::number).toList());
    // "none" is no number of seconds: a duration axis with it is a category axis in written order
    LoadedScenario mixed = ScenarioLoader.load(Path.of("s.yaml"), withSweep("  deadline: [30s, none, 10s]\n"));
    assertEquals(SweepAxis.Kind.CATEGORY, mixed.sweep().get(0).kind());
  }

  @Test
  void substitutesEachValueIntoEveryConfiguration() throws Exception {
    List<Scenario> points = ScenarioLoader.load(ScenarioLoaderTest.GOOD.resolve("sweep.yaml")).points();
    Scenario p5 = points.get(5); // 30s / 1 / 3s
    assertEquals(1, p5.topology().workload().clients());
    for (Configuration c : p5.configurations()) {
      assertEquals(30 * Time.S, c.stack().deadlineNs(), c.name());
      assertEquals(3 * Time.S, c.stack().syn().initialRtoNs(), c.name());
    }
    // the other syn keys stay each profile's own
    assertEquals(2, p5.configurations().get(0).stack().syn().retries());
    assertEquals(4, p5.configurations().get(1).stack().syn().retries());
    assertEquals(21 * Time.S, p5.configurations().get(1).stack().syn().capNs());
    Scenario last = points.get(11);
    assertEquals(5, last.topology().workload().clients());
    assertEquals(Time.NEVER, last.configurations().get(0).stack().deadlineNs());
  }

  @Test
  void aSweptMapIsLaidOverTheEntryItReplacesKeepingItsDefaults() throws Exception {
    // sweeping a whole name entry with only some of its keys: ttl and source keep their
    // defaults (5m, dns) where a value does not give them
    String yaml = withSweep("""
          dns.names["pool.example.com"]: [{ records: [192.0.2.1], source: hosts-file }, { records: [192.0.2.2] }]
        """);
    LoadedScenario l = ScenarioLoader.load(Path.of("s.yaml"), yaml);
    assertEquals(2, l.points().size());
    var hosts = l.points().get(0).topology().dns().names().get("pool.example.com");
    var dns = l.points().get(1).topology().dns().names().get("pool.example.com");
    assertEquals(org.dialsim.model.NameSource.HOSTS_FILE, hosts.source());
    assertEquals(org.dialsim.model.NameSource.DNS, dns.source());
    assertEquals(5 * Time.M, dns.ttlNs());
    assertEquals(List.of(org.dialsim.model.Address.of("192.0.2.2")), dns.records());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"seed: [1, 2]", "replications: [5, 50]", "title: [a, b]",
      "configurations[0].name: [x, y]", "configurations[0].stack: [ucma-4, go]", "configurations[0].stack.base: [ucma-4, go]"})
  void runWideKeysAndConfigurationIdentitiesCannotBeSwept(String line) {
    // the run takes seed and replications from the file, and profiles are resolved before the
    // sweep: accepting these would report numbers that did not change with the swept value
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioLoader.load(Path.of("s.yaml"), withSweep("  " + line + "\n")));
    assertTrue(e.getMessage().contains("cannot be swept"), e.getMessage());
  }

  @Test
  void aSweptShorthandBehavesAsWrittenInPlace() throws Exception {
    // okhttp remembers failures for the client's life (ttl none); memory: prefer-last-good
    // written in place keeps that ttl, and so must the same value swept
    String yaml = ScenarioLoaderTest.MINIMAL.replace("{ name: neutral, stack: {} }", "{ name: a, stack: okhttp }")
        + "sweep:\n  memory: [prefer-last-good]\n  syn: [linux]\n";
    var stack = ScenarioLoader.load(Path.of("s.yaml"), yaml).points().get(0).configurations().get(0).stack();
    assertEquals(org.dialsim.stack.Memory.Kind.PREFER_LAST_GOOD, stack.memory().kind());
    assertEquals(Time.NEVER, stack.memory().ttlNs());
    // the linux preset whole (Linux 6.5+: 6 retries and 4 linear timeouts give up at 131 s)
    assertEquals(131 * Time.S, stack.syn().giveUpNs());
  }

  @Test
  void sweepsScenarioPathsAndWholeValues() throws Exception {
    String yaml = withSweep("""
          network.paths[0].loss: [0, 0.5]
          network.rtt: [10ms, { median: 20ms, p95: 60ms }]
          dns.names["pool.example.com"].ttl: [1m]
        """) + "network:\n  paths: [{ to: ipv4 }]\n";
    LoadedScenario l = ScenarioLoader.load(Path.of("s.yaml"), yaml);
    assertEquals(4, l.points().size());
    Scenario s = l.points().get(3);
    assertEquals(0.5, s.topology().network().paths().get(0).loss());
    assertEquals(new Delay.LogNormal(20 * Time.MS, 60 * Time.MS), s.topology().network().rtt());
    assertEquals(Time.M, s.topology().dns().names().get("pool.example.com").ttlNs());
    Map<String, String> point = new LinkedHashMap<>();
    point.put("network.paths[0].loss", "0.5");
    point.put("network.rtt", "{ median: 20ms, p95: 60ms }");
    point.put("dns.names[\"pool.example.com\"].ttl", "1m");
    assertEquals(point, s.point());
  }

  @Test
  void unknownPathsArePointedAtWithTheNearestKey() {
    assertEquals(List.of("s.yaml:12:3: sweep.dedline: unknown parameter; did you mean \"deadline\"?"),
        problems(withSweep("  dedline: [10s]\n")));
    assertEquals(List.of("s.yaml:12:3: sweep.network.rt: unknown parameter; did you mean \"network.rtt\"?"),
        problems(withSweep("  network.rt: [10ms]\n")));
    assertEquals(List.of("s.yaml:12:3: sweep.syn.initial_rot: unknown parameter; did you mean \"syn.initial_rto\"?"),
        problems(withSweep("  syn.initial_rot: [1s]\n")));
    assertEquals(List.of("s.yaml:12:3: sweep.network.paths[2].loss: index 2 is out of range; \"network.paths\" has 0 entries, counted from 0"),
        problems(withSweep("  network.paths[2].loss: [0.1]\n")));
    assertEquals(List.of("s.yaml:12:3: sweep.network.rtt.median: \"network.rtt\" is \"20ms\", not a map; sweep \"network.rtt\" itself"),
        problems(withSweep("  network.rtt.median: [10ms]\n")));
    assertEquals(List.of("s.yaml:12:3: sweep.base: base cannot be swept; list one configuration per profile instead"),
        problems(withSweep("  base: [ucma-4]\n")));
  }

  @Test
  void badValuesAreReportedOnceAtTheirPlaceInTheSweep() {
    // two configurations would each report the bad deadline; it appears once, under sweep
    assertEquals(List.of("s.yaml:12:19: sweep.deadline[1]: \"30\" has no unit; write 30s"),
        problems(withSweep("  deadline: [10s, 30]\n")));
    assertEquals(List.of("s.yaml:12:44: sweep.network.rtt[1].p95: \"10ms\" is not above the median \"20ms\"; a spread needs p95 > median (or write one fixed value)"),
        problems(withSweep("  network.rtt: [10ms, { median: 20ms, p95: 10ms }]\n")));
    assertEquals(List.of("s.yaml:12:18: sweep.clients.count: expected a list of values such as [10s, 20s, 30s], got the number \"5\""),
        problems(withSweep("  clients.count: 5\n")));
  }

  @Test
  void refusesOverlapsAndHugeGrids() {
    assertEquals(List.of("s.yaml:13:3: sweep.syn.initial_rto: sets the same value as sweep \"syn\"; sweep one of them"),
        problems(withSweep("  syn: [linux, windows-classic]\n  syn.initial_rto: [1s]\n")));
    StringBuilder values = new StringBuilder("[");
    for (int i = 1; i <= 101; i++) {
      values.append(i == 1 ? "" : ", ").append(i).append("s");
    }
    values.append(']');
    List<String> huge = problems(withSweep("  deadline: " + values + "\n  attempt_delay: " + values + "\n"));
    assertEquals(List.of("s.yaml:12:3: sweep: the grid has 10201 points; at most 10000, so sweep fewer values"), huge);
  }

  @Test
  void expectationsMayPinASweepPoint() {
    assertEquals(List.of("s.yaml:14:46: expect[0].at.deadline: \"20s\" is not among the swept values; use one of 10s, 30s"),
        problems(withSweep("  deadline: [10s, 30s]\nexpect:\n  - { metric: calls, min: 1, at: { deadline: 20s } }\n")));
  }
}
