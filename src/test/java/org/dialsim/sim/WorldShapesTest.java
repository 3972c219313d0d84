package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.scenario.ScenarioLoader;
import org.dialsim.stack.Configuration;
import org.junit.jupiter.api.Test;

/**
 * A world runs a replication in one of two shapes: every client in one event list
 * ({@link World#runInOrder}), or, where no client's calls can touch another's, one client after
 * another ({@link World#run}). Both must make the same calls with the same outcomes and times,
 * each client's in the same order, with the same number of events, for every shipped scenario
 * and every profile, order, memory and retry rule; and the shapes must be kept apart exactly
 * where clients share something.
 */
class WorldShapesTest {
  @Test
  void clientByClientMakesExactlyTheCallsOfOneEventList() throws Exception {
    List<Path> files = new ArrayList<>(Fixtures.shippedScenarios());
    for (String f : List.of("allocation-profiles.yaml", "allocation-dns.yaml", "allocation-hev3.yaml")) {
      files.add(Path.of("src/test/resources/sim", f));
    }
    int independent = 0;
    int tied = 0;
    for (Path f : files) {
      LoadedScenario ls = ScenarioLoader.load(f);
      for (Scenario s : ls.points()) {
        for (Configuration c : s.configurations()) {
          Plan plan = new Plan(s.topology(), c.stack());
          if (!plan.clientsIndependent()) {
            tied++;
            continue;
          }
          independent++;
          World oneByOne = new World(plan, s.seed());
          World together = new World(plan, s.seed());
          for (int r = 0; r < 2; r++) {
            String where = f + " " + s.point() + " " + c.name() + " replication " + r;
            Map<Integer, List<String>> want = new TreeMap<>();
            together.runInOrder(r, record(want));
            Map<Integer, List<String>> got = new TreeMap<>();
            oneByOne.run(r, record(got));
            assertFalse(want.isEmpty(), where + " made calls");
            assertEquals(want, got, where);
            assertEquals(together.eventsProcessed(), oneByOne.eventsProcessed(), where + ": events");
          }
        }
      }
    }
    assertTrue(independent >= 40, "configurations run both ways: " + independent);
    assertTrue(tied >= 10, "configurations whose clients share a server or a host's failures: " + tied);
  }

  /** Each client's calls as they end: index, outcome, establishment time, attempts, time wasted. */
  private static CallSink record(Map<Integer, List<String>> byClient) {
    return (client, index, connected, establishNs, attempts, wastedNs) -> byClient
        .computeIfAbsent(client, k -> new ArrayList<>())
        .add(index + " " + connected + " " + establishNs + " " + attempts + " " + wastedNs);
  }

  @Test
  void aRoundRobinServerOrAHostsRandomFailuresTieTheClientsTogether() throws Exception {
    assertTrue(plan("answer_order: random", "").clientsIndependent());
    assertTrue(plan("answer_order: fixed", "down: [{ from: 10s, to: 20s }]").clientsIndependent(),
        "a fixed window is the same for every client");
    assertFalse(plan("answer_order: round-robin", "").clientsIndependent(), "each query rotates the next client's answer");
    assertFalse(plan("answer_order: fixed", "failure: { mtbf: 10m, mttr: 1m }").clientsIndependent(),
        "one timeline of failures, drawn as the clock moves on");
  }

  /**
   * Why the rule matters: with a round-robin server, client 1's first answer depends on how many
   * queries client 0 has made by then, so replaying one client alone would give other answers.
   */
  @Test
  void withARoundRobinServerAClientsAnswersDependOnTheOthers() throws Exception {
    Plan plan = plan("answer_order: round-robin", "");
    Map<Integer, List<String>> all = new TreeMap<>();
    new World(plan, 1).run(0, record(all));
    Plan alone = plan("answer_order: round-robin", "", 1);
    Map<Integer, List<String>> first = new TreeMap<>();
    new World(alone, 1).run(0, record(first));
    // the same client 0 with the same streams meets other rotations once others ask too
    assertFalse(all.get(0).equals(first.get(0)), "client 0 alone and among others: " + first.get(0));
  }

  @Test
  void theClientsOfAReplicationRunInPartsAddUpToIt() throws Exception {
    Plan plan = plan("answer_order: random", "");
    Map<Integer, List<String>> whole = new TreeMap<>();
    World one = new World(plan, 1);
    one.run(2, record(whole));
    Map<Integer, List<String>> parts = new TreeMap<>();
    World other = new World(plan, 1);
    long events = 0;
    for (int[] range : new int[][] {{30, 50}, {0, 13}, {13, 30}, {13, 13}}) { // any order, an empty part too
      other.run(2, record(parts), range[0], range[1]);
      events += other.eventsProcessed();
    }
    assertEquals(50, whole.size());
    assertEquals(whole, parts);
    assertEquals(one.eventsProcessed(), events);
    Plan tied = plan("answer_order: round-robin", "");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> new World(tied, 1).run(0, record(new TreeMap<>()), 0, 10), "clients that share a server run together");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new World(plan, 1).run(0, record(new TreeMap<>()), 40, 51));
  }

  @Test
  void aSinkThatStopsEndsTheReplicationInEitherShape() throws Exception {
    Plan plan = plan("answer_order: random", "");
    World world = new World(plan, 1);
    int[] seen = new int[1];
    world.run(0, (client, index, connected, establishNs, attempts, wastedNs) -> {
      if (++seen[0] == 10) {
        world.stop();
      }
    });
    assertEquals(10, seen[0], "calls after the stop");
    seen[0] = 0;
    world.run(0, (client, index, connected, establishNs, attempts, wastedNs) -> seen[0]++);
    assertEquals(50 * 4, seen[0], "the next replication runs whole");
  }

  private static Plan plan(String order, String host) throws Exception {
    return plan(order, host, 50);
  }

  /**
   * Four addresses of which two never answer, {@code clients} clients of four calls each a
   * minute apart; {@code host} adds to the first answering host.
   */
  private static Plan plan(String order, String host, int clients) throws Exception {
    String yaml = """
        name: shapes
        seed: 3
        hosts:
          h0: { addresses: [192.0.2.1] }
          h1: { addresses: [192.0.2.2] }
          h2: { addresses: [192.0.2.3]%s }
          h3: { addresses: [192.0.2.4] }
        network:
          paths:
            - { to: 192.0.2.1, behaviour: blackhole }
            - { to: 192.0.2.2, behaviour: blackhole }
        dns:
          names:
            app.example.test: { records: [192.0.2.1, 192.0.2.2, 192.0.2.3, 192.0.2.4], ttl: 0s }
          %s
        clients: { count: %d }
        calls: { target: app.example.test, per_client: 4, interval: { fixed: 60s } }
        configurations:
          - { name: windows, stack: windows-classic }
        """.formatted(host.isEmpty() ? "" : ", " + host, order, clients);
    Scenario s = ScenarioLoader.load(Path.of("shapes.yaml"), yaml).points().get(0);
    return new Plan(s.topology(), s.configurations().get(0).stack());
  }
}
