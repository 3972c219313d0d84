package org.dialsim.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.scenario.ScenarioLoader;
import org.dialsim.sim.Runner;
import org.dialsim.stack.Configuration;

/**
 * Times the simulation loop of a scenario file, one configuration at a time, in one process:
 * what {@code dialsim run} spends simulating, without the JVM start, the loading and the
 * reports. Arguments: the scenario file, threads (default 1), timed rounds (default 5).
 *
 * <p>With one thread it also prints the thread's CPU time, which other work on a shared machine
 * inflates far less than the wall time.
 */
public final class ScenarioLoop {
  private ScenarioLoop() {}

  /** Runs the timing; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    LoadedScenario ls = ScenarioLoader.load(Path.of(args[0]));
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    for (Scenario s : ls.points()) {
      for (Configuration c : s.configurations()) {
        List<Runner.Job> jobs = new ArrayList<>();
        jobs.add(new Runner.Job(s.topology(), c, s.point(), s.seed(), s.replications()));
        Runner.run(jobs, threads, null); // warm-up
        double[] seconds = new double[rounds];
        double[] cpu = new double[rounds];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long calls = 0;
        for (int k = 0; k < rounds; k++) {
          long t0 = System.nanoTime();
          long c0 = mx.getCurrentThreadCpuTime();
          calls = Runner.run(jobs, threads, null).get(0).metrics().calls();
          seconds[k] = (System.nanoTime() - t0) / 1e9;
          cpu[k] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-12s %,d calls: median %.3f s (best %.3f) => %,.0f calls/s", c.name(), calls,
            seconds[rounds / 2], seconds[0], calls / seconds[rounds / 2]);
        // the CPU time is this thread's: the whole work only when it ran the replications itself
        System.out.printf(Locale.ROOT, threads == 1 ? "; thread CPU median %.3f s => %,.0f calls/s%n" : "%n",
            cpu[rounds / 2], calls / cpu[rounds / 2]);
      }
    }
  }
}
