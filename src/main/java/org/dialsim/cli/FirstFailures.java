package org.dialsim.cli;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.chart.ChartImages;
import org.dialsim.chart.Theme;
import org.dialsim.chart.Timeline;
import org.dialsim.report.Explanation;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.sim.CallSearch;
import org.dialsim.sim.CallTrace;
import org.dialsim.sim.Plan;
import org.dialsim.sim.Runner;
import org.dialsim.sim.World;
import org.dialsim.stack.Configuration;
import org.dialsim.stats.FailedCall;
import org.dialsim.stats.RunReport;

/**
 * Each configuration's first failed call, found and told as {@code dialsim explain --find
 * failed} does, for the report a planner forwards: the why travels with the numbers.
 */
final class FirstFailures {
  private FirstFailures() {}

  /**
   * {@code report} with, for each configuration that had a failed call, the first one: at the
   * first sweep point where it failed, the lowest replication, the first call to end failed
   * ({@link org.dialsim.sim.FirstFailure}). The run watched for it ({@code results}); where it did
   * not (a merge of parts), the same call is searched for as {@code explain --find failed} does.
   */
  static RunReport attach(RunReport report, LoadedScenario ls, long seed, List<Runner.Result> results) {
    List<FailedCall> out = new ArrayList<>();
    for (Configuration c : ls.points().get(0).configurations()) {
      for (Scenario point : ls.points()) {
        Runner.Result r = result(results, c.name(), point);
        if (r != null && r.metrics().failedCalls() > 0) {
          Configuration conf = r.job().configuration();
          FailedCall f = explain(point, conf, seed, report.replications(), r.firstFailed());
          if (f != null) {
            out.add(f);
          }
          break;
        }
      }
    }
    return report.withFirstFailures(out);
  }

  private static Runner.Result result(List<Runner.Result> results, String configuration, Scenario point) {
    for (Runner.Result r : results) {
      if (r.job().configuration().name().equals(configuration) && r.job().point().equals(point.point())) {
        return r;
      }
    }
    return null;
  }

  /**
   * The first failed call of {@code conf} at {@code point}, told: {@code known} when the run saw
   * it, else found by explain's search (null when none failed). The trace is the run's own.
   */
  private static FailedCall explain(Scenario point, Configuration conf, long seed, int replications,
      CallSearch.Found known) {
    World world = new World(new Plan(point.topology(), conf.stack()), seed);
    CallSearch.Found found = known != null ? known : CallSearch.find(world, replications, CallSearch.Target.FAILED);
    if (found == null) {
      return null;
    }
    CallTrace trace = world.trace(found.replication(), found.client(), found.call(), (c, i, ok, e, a, w) -> { });
    Explanation e = new Explanation(conf.name(), conf.stack(), trace);
    byte[] png = ChartImages.png(Timeline.chart(Timeline.model(conf.name(), trace), e.verdict(), Theme.DEFAULT),
        Theme.DEFAULT);
    return new FailedCall(conf.name(), point.point(), found.replication(), found.client(), found.call() + 1, e.verdict(),
        e.text(), png);
  }
}
