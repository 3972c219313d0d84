package org.dialsim.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dialsim.sim.Runner;

/**
 * Times {@link Runner#run} on {@link PoolScenario} (both configurations) end to end, on one
 * thread and on two, and checks that the thread count does not change the metrics.
 *
 * <p>Unlike the JMH benchmarks this includes everything a real run does per replication:
 * the tallies, chunking over the worker pool and the merge. Arguments: replications per
 * configuration (default 2000) and timed rounds per thread count (default 3). Exits with 1
 * when the metrics differ between thread counts.
 */
public final class WholeRun {
  private WholeRun() {}

  /** Runs the timing; see the class comment for the arguments. */
  public static void main(String[] args) {
    int replications = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int[] threadCounts = {1, 2};
    System.out.printf(Locale.ROOT, "dialsim whole run: %d clients x %d calls, 2 configurations x %d replications, %d cores%n",
        PoolScenario.CLIENTS, PoolScenario.CALLS_PER_CLIENT, replications, Runtime.getRuntime().availableProcessors());
    // warm-up: let the JIT compile the model before anything is timed
    for (int t : threadCounts) {
      Runner.run(PoolScenario.jobs(Math.max(1, replications / 4)), t, null);
    }
    List<Runner.Result> reference = null;
    boolean same = true;
    for (int t : threadCounts) {
      double[] seconds = new double[rounds];
      List<Runner.Result> results = null;
      for (int k = 0; k < rounds; k++) {
        long t0 = System.nanoTime();
        results = Runner.run(PoolScenario.jobs(replications), t, null);
        seconds[k] = (System.nanoTime() - t0) / 1e9;
      }
      long calls = results.stream().mapToLong(r -> r.metrics().calls()).sum();
      long events = results.stream().mapToLong(Runner.Result::events).sum();
      Arrays.sort(seconds);
      // the median round: one slow round (GC, the other engineers' builds) does not decide it
      double median = seconds[rounds / 2];
      System.out.printf(Locale.ROOT, "threads %d: %,d calls, %,d events; median %.3f s (best %.3f, worst %.3f) => %,.0f calls/s, %,.0f events/s%n",
          t, calls, events, median, seconds[0], seconds[rounds - 1], calls / median, events / median);
      if (reference == null) {
        reference = results;
      } else {
        for (int j = 0; j < results.size(); j++) {
          Runner.Result a = reference.get(j);
          Runner.Result b = results.get(j);
          if (!a.metrics().equals(b.metrics()) || a.events() != b.events()) {
            same = false;
            System.out.printf(Locale.ROOT, "MISMATCH for %s between 1 and %d threads%n", a.job().configuration().name(), t);
          }
        }
      }
    }
    System.out.println(same ? "metrics identical for every thread count" : "metrics differ between thread counts");
    if (!same) {
      System.exit(1);
    }
  }
}
