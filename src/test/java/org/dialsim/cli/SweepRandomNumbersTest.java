package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.ScenarioLoader;
import org.dialsim.sim.Experiment;
import org.dialsim.sim.Runner;
import org.junit.jupiter.api.Test;

/** Common random numbers hold across sweep points as they do across configurations. */
class SweepRandomNumbersTest {
  @Test
  void pointsWhereTheSweptValueDoesNotBindGiveIdenticalResults() throws Exception {
    // deadline-sweep: every attempt costs 21 s, so a 10 s and a 20 s deadline both reach only
    // the first address; with the same RTTs, losses, DNS rotations and faults the two points
    // must agree to the last digit, and 30 s (two addresses) must differ
    LoadedScenario ls = ScenarioLoader.load(Path.of("scenarios/deadline-sweep.yaml"));
    List<Runner.Result> results = Experiment.run(ls.points(), 5, 20, 2, null);
    Map<String, Runner.Result> ucma = new java.util.HashMap<>();
    for (Runner.Result r : results) {
      if (r.job().configuration().name().equals("UCMA 4.0")) {
        ucma.put(r.job().point().get("deadline"), r);
      }
    }
    var m10 = ucma.get("10s").metrics();
    var m20 = ucma.get("20s").metrics();
    assertEquals(m10.firstCall(), m20.firstCall());
    assertEquals(m10.byCall(), m20.byCall());
    assertEquals(m10.call(), m20.call());
    assertEquals(m10.establishQuantiles(), m20.establishQuantiles(), "every successful call took exactly as long");
    assertEquals(ucma.get("10s").events(), ucma.get("20s").events());
    // what the deadline does change: each failed call's attempt runs 10 s longer before it is cut
    assertEquals(10.0 * m10.failedCalls() / m10.calls(), m20.wastedMean() - m10.wastedMean(), 1e-9);
    assertNotEquals(ucma.get("10s").metrics().firstCall(), ucma.get("30s").metrics().firstCall());
  }
}
