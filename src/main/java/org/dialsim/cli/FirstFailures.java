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
import org.dialsim.sim.World;
import org.dialsim.stack.Configuration;
import org.dialsim.stats.FailedCall;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;

/**
 * Each configuration's first failed call, found and told as {@code dialsim explain --find
 * failed} does, for the report a planner forwards: the why travels with the numbers.
 */
final class FirstFailures {
  private FirstFailures() {}

  /**
   * {@code report} with, for each configuration that had a failed call, the first one: at the
   * first sweep point where it failed, the lowest replication, the first call to end failed.
   */
  static RunReport attach(RunReport report, LoadedScenario ls, long seed) {
    List<FailedCall> out = new ArrayList<>();
    for (Configuration c : ls.points().get(0).configurations()) {
      for (Scenario point : ls.points()) {
        if (failed(report, c.name(), point)) {
          Configuration conf = point.configurations().stream().filter(x -> x.name().equals(c.name())).findFirst()
              .orElseThrow();
          FailedCall f = explain(point, conf, seed, report.replications());
          if (f != null) {
            out.add(f);
          }
          break;
        }
      }
    }
    return report.withFirstFailures(out);
  }

  private static boolean failed(RunReport report, String configuration, Scenario point) {
    for (ResultRow r : report.rows()) {
      if (r.configuration().equals(configuration) && r.point().equals(point.point())) {
        return r.metrics().failedCalls() > 0;
      }
    }
    return false;
  }

  /**
   * The first failed call of {@code conf} at {@code point}, or null. The one place that finds and
   * traces it: the search is explain's, the trace the run's own.
   */
  static FailedCall explain(Scenario point, Configuration conf, long seed, int replications) {
    World world = new World(new Plan(point.topology(), conf.stack()), seed);
    CallSearch.Found found = CallSearch.find(world, replications, CallSearch.Target.FAILED);
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
