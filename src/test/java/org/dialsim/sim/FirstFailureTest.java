package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.scenario.ScenarioLoader;
import org.dialsim.stack.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The first failed call is one call whatever runs the replications: the run that counts them
 * (client by client, on several threads, a replication split into parts) and the search of
 * {@code explain --find failed} (every client in one event list) must name the same call.
 */
class FirstFailureTest {
  @Test
  void theLowerReplicationThenTheEarlierEndThenTheLowerClientAndCallComesFirst() {
    FirstFailure f = new FirstFailure();
    assertTrue(f.isEmpty());
    assertNull(f.found());
    f.offer(1, 5, 0, 0);
    f.offer(0, 9, 3, 2); // a lower replication wins even though it ended later
    assertEquals(new CallSearch.Found(0, 3, 2), f.found());
    f.offer(0, 9, 4, 0); // same end, higher client: stays
    f.offer(0, 9, 3, 3); // same end and client, later call: stays
    assertEquals(new CallSearch.Found(0, 3, 2), f.found());
    f.offer(0, 9, 2, 7); // same end, lower client
    assertEquals(new CallSearch.Found(0, 2, 7), f.found());
    FirstFailure other = new FirstFailure();
    other.offer(0, 8, 9, 9); // another part's, earlier
    f.offer(other);
    assertEquals(new CallSearch.Found(0, 9, 9), f.found());
    f.offer(new FirstFailure()); // an empty part changes nothing
    assertEquals(new CallSearch.Found(0, 9, 9), f.found());
  }

  @Test
  void theRunNamesTheCallTheSearchFindsForEveryShippedScenarioOnAnyThreads() throws Exception {
    int failing = 0;
    int clean = 0;
    for (Path f : Fixtures.shippedScenarios()) {
      LoadedScenario ls = ScenarioLoader.load(f);
      for (Scenario s : ls.points()) {
        for (Configuration c : s.configurations()) {
          int replications = Math.min(2, s.replications());
          Runner.Job job = new Runner.Job(s.topology(), c, s.point(), s.seed(), replications);
          World world = new World(new Plan(s.topology(), c.stack()), s.seed());
          CallSearch.Found want = CallSearch.find(world, replications, CallSearch.Target.FAILED);
          String where = f + " " + s.point() + " " + c.name();
          // one thread: whole replications; four: two replications split into parts of clients
          for (int threads : new int[] {1, 4}) {
            Runner.Result r = Runner.run(List.of(job), threads, null).get(0);
            assertEquals(want, r.firstFailed(), where + " on " + threads + " threads");
            assertEquals(want == null, r.metrics().failedCalls() == 0, where + ": a failed call is named iff one failed");
          }
          if (want == null) {
            clean++;
          } else {
            failing++;
          }
        }
      }
    }
    assertTrue(failing >= 20 && clean >= 5, "configurations with and without a failed call: " + failing + ", " + clean);
  }
}
