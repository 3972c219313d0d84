package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.scenario.ScenarioLoader;
import org.dialsim.sim.Plan;
import org.dialsim.sim.World;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {
  private static final String UCMA = "scenarios/ucma-first-call.yaml";

  @Test
  void findsTheFirstFailedFirstCallAndExplainsItAsRunCountedIt() throws Exception {
    Cli c = Cli.run("explain", UCMA, "--configuration", "UCMA 4.0", "--find", "first-failure", "--json");
    assertEquals(0, c.exit(), c.err());
    JsonNode j = new ObjectMapper().readTree(c.out());
    assertEquals("failed", j.get("outcome").asText());
    assertEquals(1, j.get("call").asInt());
    int client = j.get("client").asInt();
    int replication = j.get("replication").asInt();
    // run the same replication and look at what the run counted for that client's first call
    LoadedScenario ls = ScenarioLoader.load(Path.of(UCMA));
    Scenario s = ls.points().get(0);
    var conf = s.configurations().stream().filter(x -> x.name().equals("UCMA 4.0")).findFirst().orElseThrow();
    List<long[]> counted = new ArrayList<>();
    new World(new Plan(s.topology(), conf.stack()), s.seed()).run(replication, (cl, i, ok, e, a, w) -> {
      if (cl == client && i == 0) {
        counted.add(new long[] {ok ? 1 : 0, e, a});
      }
    });
    assertEquals(1, counted.size());
    assertEquals(0, counted.get(0)[0], "run counted that call as failed too");
    assertEquals(counted.get(0)[1] / 1e9, j.get("elapsed_s").asDouble(), 1e-9);
    long started = 0;
    for (JsonNode a : j.get("attempts")) {
      if (!a.get("outcome").asText().equals("not-started")) {
        started++;
      }
    }
    assertEquals(counted.get(0)[2], started);
    assertTrue(j.get("reason").asText().startsWith("failed: the 30 s deadline came"), j.get("reason").asText());
  }

  @Test
  void textNamesTheVerdictAndTheChoiceOfCall() {
    Cli c = Cli.run("explain", UCMA, "--configuration", "Happy Eyeballs 250 ms", "--client", "3", "--call", "2", "--replication", "4");
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().startsWith("Happy Eyeballs 250 ms: client 3, call 2, replication 4"), c.out());
    assertTrue(c.out().contains("Verdict\n  connected to "), c.out());
  }

  @Test
  void atPicksTheSweepPoint() throws Exception {
    // the deadline-sweep pool: with 10 s only the first address can be reached, with 45 s three
    Cli short10 = Cli.run("explain", "scenarios/deadline-sweep.yaml", "--at", "deadline=10s", "--configuration", "UCMA 4.0",
        "--find", "first-failure", "--json");
    assertEquals(0, short10.exit(), short10.err());
    assertTrue(new ObjectMapper().readTree(short10.out()).get("reason").asText().startsWith("failed: the 10 s deadline came"));
    Cli long45 = Cli.run("explain", "scenarios/deadline-sweep.yaml", "--at", "deadline=45s", "--configuration", "UCMA 4.0",
        "--find", "first-failure");
    // no first call fails with 45 s: that is an answer, not a failed expectation (exit 1)
    assertEquals(0, long45.exit(), long45.err());
    assertEquals("UCMA 4.0 at {deadline=45s}: no client's first call failed in 100 replications; nothing to explain\n",
        long45.out());
    Cli json = Cli.run("explain", "scenarios/deadline-sweep.yaml", "--at", "deadline=45s", "--configuration", "UCMA 4.0",
        "--find", "first-failure", "--json");
    assertEquals(0, json.exit(), json.err());
    JsonNode none = new ObjectMapper().readTree(json.out());
    assertFalse(none.get("found").asBoolean());
    assertEquals("first-failure", none.get("find").asText());
    Cli wrong = Cli.run("explain", "scenarios/deadline-sweep.yaml", "--at", "deadline=11s");
    assertEquals(2, wrong.exit());
    assertTrue(wrong.err().contains("{deadline=10s}"), wrong.err());
  }

  @Test
  void outOfRangeChoicesAreUsageErrors() {
    assertEquals(2, Cli.run("explain", UCMA, "--client", "50").exit());
    assertEquals(2, Cli.run("explain", UCMA, "--call", "0").exit());
    Cli c = Cli.run("explain", UCMA, "--configuration", "UCMA 5");
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("UCMA 4.0"), c.err());
    // names with commas stay apart when quoted; a near one is offered
    Cli typo = Cli.run("explain", "scenarios/lessons/09-happy-eyeballs-rescue.yaml", "--configuration",
        "Happy Eyballs 250 ms, 30 s limit");
    assertEquals(2, typo.exit());
    assertTrue(typo.err().startsWith("dialsim: no configuration named 'Happy Eyballs 250 ms, 30 s limit'; did you mean "
        + "'Happy Eyeballs 250 ms, 30 s limit'? the scenario has: 'sequential, 30 s limit', 'Happy Eyeballs 250 ms, 30 s limit'\n"),
        typo.err());
    assertEquals(2, Cli.run("explain", UCMA, "--find", "fastest").exit());
  }
}
