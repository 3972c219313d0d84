package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.scenario.ScenarioLoader;
import org.dialsim.stack.Configuration;
import org.junit.jupiter.api.Test;

/**
 * A replication in steady state allocates nothing, for every built-in profile, every order,
 * memory and retry rule, the AAAA pathologies, a hosts file and HTTPS records with QUIC (the scenarios in
 * src/test/resources/sim/allocation-*.yaml). A world's pools grow while it meets its largest
 * number of calls in flight, so each configuration runs warm replications and the best one must
 * allocate exactly nothing. Counted with the JVM's per-thread allocation counter, not timed.
 */
class AllocationTest {
  private static final int WARM_REPLICATIONS = 10;

  @Test
  void aReplicationInSteadyStateAllocatesNothing() throws Exception {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertTrue(mx.isThreadAllocatedMemorySupported(), "this JVM counts allocated bytes per thread");
    List<String> allocating = new ArrayList<>();
    int configurations = 0;
    for (String file : List.of("allocation-profiles.yaml", "allocation-dns.yaml", "allocation-hev3.yaml")) {
      LoadedScenario ls = ScenarioLoader.load(Path.of("src/test/resources/sim", file));
      for (Scenario s : ls.points()) {
        for (Configuration c : s.configurations()) {
          configurations++;
          // both shapes of a replication: client by client where the clients are independent
          // (World.run), and every client in one event list (runInOrder, as CallSearch runs)
          for (boolean inOrder : new boolean[] {false, true}) {
            World world = new World(new Plan(s.topology(), c.stack()), s.seed());
            Counter sink = new Counter();
            run(world, 0, sink, inOrder); // the pools grow to their working size
            long best = Long.MAX_VALUE;
            for (int r = 1; r <= WARM_REPLICATIONS && best > 0; r++) {
              sink.calls = 0;
              long before = mx.getCurrentThreadAllocatedBytes();
              run(world, r, sink, inOrder);
              best = Math.min(best, mx.getCurrentThreadAllocatedBytes() - before);
            }
            assertTrue(sink.calls > 1000, "a replication of " + c.name() + " made calls");
            if (best > 0) {
              allocating.add(c.name() + " at " + s.point() + (inOrder ? " in order" : "") + ": " + best + " bytes");
            }
          }
        }
      }
    }
    assertEquals(19 + 2 * 6 + 6, configurations, "every configuration of the files ran (19 profiles and rules; 2 stacks "
        + "at 6 DNS points; 6 Happy Eyeballs v3 stacks)");
    assertEquals(List.of(), allocating, "configurations whose every warm replication allocated");
  }

  private static void run(World world, int r, CallSink sink, boolean inOrder) {
    if (inOrder) {
      world.runInOrder(r, sink);
    } else {
      world.run(r, sink);
    }
  }

  /** Counts finished calls without allocating. */
  private static final class Counter implements CallSink {
    long calls;

    @Override
    public void call(int client, int index, boolean connected, long establishNs, int attempts, long wastedNs) {
      calls++;
    }
  }
}
