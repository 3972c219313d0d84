package org.dialsim.sim;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.scenario.Scenario;
import org.dialsim.stack.Configuration;
import org.dialsim.stats.Tally;

/** Runs every configuration of every sweep point of a scenario. */
public final class Experiment {
  private Experiment() {}

  /**
   * Runs the points, configurations in the order written, points in sweep order.
   *
   * @param points the scenario at each sweep point (one without a sweep)
   * @param seed the seed (the scenario's, or the command line's)
   * @param replications replications per configuration and point
   * @param threads worker threads
   * @param progress told of progress, or null
   * @return one result per (point, configuration)
   */
  public static List<Runner.Result> run(List<Scenario> points, long seed, int replications, int threads, Runner.Progress progress) {
    return Runner.run(jobs(points, seed, replications), threads, progress);
  }

  /**
   * The jobs of a run, in the order {@link #run} runs and reports them (and {@link Shard}
   * numbers their items): points in sweep order, configurations as written within each.
   */
  public static List<Runner.Job> jobs(List<Scenario> points, long seed, int replications) {
    List<Runner.Job> jobs = new ArrayList<>();
    for (Scenario s : points) {
      for (Configuration c : s.configurations()) {
        jobs.add(new Runner.Job(s.topology(), c, s.point(), seed, replications));
      }
    }
    return jobs;
  }

  /** Runs {@code shard}'s share of the points and returns each job's tally, in {@link #jobs} order. */
  public static List<Tally> tallies(List<Scenario> points, long seed, int replications, Shard shard, int threads,
      Runner.Progress progress) {
    return Runner.tallies(jobs(points, seed, replications), shard, threads, progress);
  }
}
