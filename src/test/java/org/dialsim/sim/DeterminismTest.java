package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dialsim.engine.Time;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Delay;
import org.dialsim.model.Match;
import org.dialsim.model.PathRule;
import org.dialsim.model.Prefix;
import org.dialsim.model.Topology;
import org.dialsim.stack.Configuration;
import org.dialsim.stack.StrategyKind;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  private static Topology noisy() {
    return Fixtures.world().order(AnswerOrder.RANDOM).workload(7, 3)
        .host("192.0.2.1", false).host("192.0.2.2", true).host("192.0.2.3", true).host("2001:db8::1", true)
        .rtt(new Delay.LogNormal(20 * Time.MS, 90 * Time.MS))
        .path(new PathRule(new Match.ToPrefix(Prefix.of("192.0.2.0/24")), Behaviour.DELIVER, 0.3, null))
        .build();
  }

  private static List<Runner.Job> jobs(long seed) {
    return List.of(
        new Runner.Job(noisy(), new Configuration("seq", Fixtures.withDeadline(Fixtures.stack(StrategyKind.SEQUENTIAL), 30 * Time.S)), Map.of(), seed, 173),
        new Runner.Job(noisy(), new Configuration("stag", Fixtures.stack(StrategyKind.STAGGERED)), Map.of(), seed, 173),
        // the clients' jiffies clocks (syn linux's timer wheel), a backup connect job, and
        // curl 7.88's wait for the next wake-up
        new Runner.Job(noisy(), new Configuration("chromium", org.dialsim.scenario.Profiles.get("chromium").stack()),
            Map.of(), seed, 173),
        new Runner.Job(noisy(), new Configuration("curl-7.88", Fixtures.withDeadline(
            org.dialsim.scenario.Profiles.get("curl-7.88").stack(), 30 * Time.S)), Map.of(), seed, 173));
  }

  @Test
  void theSameSeedGivesTheSameMetricsOnOneThreadOrTwo() {
    List<Runner.Result> one = Runner.run(jobs(11), 1, null);
    List<Runner.Result> two = Runner.run(jobs(11), 2, null);
    for (int i = 0; i < one.size(); i++) {
      assertEquals(one.get(i).metrics(), two.get(i).metrics());
      assertEquals(one.get(i).events(), two.get(i).events());
    }
  }

  @Test
  void happyEyeballsV3StacksGiveTheSameMetricsOnOneThreadOrTwo() throws Exception {
    // HTTPS records with an alias, a port, hints, random DNS latencies and lossy UDP: the
    // allocation test's scenario of every Happy Eyeballs v3 profile and rule
    java.nio.file.Path file = java.nio.file.Path.of("src/test/resources/sim/allocation-hev3.yaml");
    List<org.dialsim.scenario.Scenario> points = org.dialsim.scenario.ScenarioLoader.load(file,
        java.nio.file.Files.readString(file).replace("clients: { count: 300 }", "clients: { count: 30 }")).points();
    List<Runner.Result> one = Experiment.run(points, 11, 3, 1, null);
    List<Runner.Result> two = Experiment.run(points, 11, 3, 2, null);
    assertEquals(30, points.get(0).topology().workload().clients()); // the replace took
    assertEquals(6, one.size());
    for (int i = 0; i < one.size(); i++) {
      assertEquals(one.get(i).metrics(), two.get(i).metrics(), one.get(i).job().configuration().name());
      assertEquals(one.get(i).events(), two.get(i).events());
    }
  }

  @Test
  void aSingleReplicationSplitByClientsOverThreadsGivesTheMetricsOfOneThread() {
    // one replication per job: fewer than the threads can share, so each is run in parts of its
    // clients (the order is random, so the clients are independent); 3 threads split 7 clients unevenly
    List<Runner.Job> jobs = jobs(11).stream().map(j -> new Runner.Job(j.topology(), j.configuration(), j.point(), j.seed(), 1))
        .toList();
    List<Runner.Result> one = Runner.run(jobs, 1, null);
    for (int threads : new int[] {2, 3, 8}) {
      List<Runner.Result> many = Runner.run(jobs, threads, null);
      for (int i = 0; i < one.size(); i++) {
        assertEquals(one.get(i).metrics(), many.get(i).metrics(), threads + " threads, " + one.get(i).job().configuration().name());
        assertEquals(one.get(i).events(), many.get(i).events());
      }
    }
    assertEquals(7 * 3, one.get(0).metrics().calls());
    for (Runner.Job j : jobs) {
      assertTrue(new Plan(j.topology(), j.configuration().stack()).clientsIndependent(), "split: " + j.configuration().name());
    }
  }

  @Test
  void anotherSeedGivesOtherNumbers() {
    assertNotEquals(Runner.run(jobs(11), 2, null).get(0).metrics(), Runner.run(jobs(12), 2, null).get(0).metrics());
  }

  @Test
  void configurationsShareRandomNumbers() {
    // common random numbers: a configuration that differs only in its deadline sees the same
    // RTTs and orders, so every first call that the longer deadline lost, the shorter lost too
    Topology t = noisy();
    int[] fail30 = new int[7 * 200];
    int[] fail60 = new int[7 * 200];
    for (int r = 0; r < 200; r++) {
      int base = r * 7;
      new World(new Plan(t, Fixtures.withDeadline(Fixtures.stack(StrategyKind.SEQUENTIAL), 30 * Time.S)), 3)
          .run(r, (c, i, ok, e, a, w) -> { if (i == 0 && !ok) fail30[base + c] = 1; });
      new World(new Plan(t, Fixtures.withDeadline(Fixtures.stack(StrategyKind.SEQUENTIAL), 60 * Time.S)), 3)
          .run(r, (c, i, ok, e, a, w) -> { if (i == 0 && !ok) fail60[base + c] = 1; });
    }
    int both = 0;
    int only60 = 0;
    for (int i = 0; i < fail30.length; i++) {
      both += fail30[i] & fail60[i];
      only60 += fail60[i] & (1 - fail30[i]);
    }
    assertEquals(0, only60, "a call failed with 60 s but not with 30 s");
    assertNotEquals(0, both);
  }
}
