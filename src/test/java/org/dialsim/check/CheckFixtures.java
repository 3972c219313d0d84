package org.dialsim.check;

import java.util.List;
import java.util.Map;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.dialsim.scenario.Expectation;
import org.dialsim.stats.Metrics;
import org.dialsim.stats.Rate;

/** Hand-made metrics, expectations and reports, so the judging logic is tested without a simulation. */
final class CheckFixtures {
  private CheckFixtures() {}

  /**
   * Metrics with {@code firstFailures} of {@code firstCalls} first calls failed, two calls per
   * client (the second never fails), and fixed times: p99 2.5 s unless no call succeeded.
   */
  static Metrics metrics(long firstFailures, long firstCalls) {
    Rate first = Rate.of(firstFailures, firstCalls);
    Rate second = Rate.of(0, firstCalls);
    long calls = 2 * firstCalls;
    boolean anyOk = firstFailures < calls;
    double t = anyOk ? 2.5 : Double.NaN;
    return new Metrics(10, first, List.of(first, second), Rate.of(firstFailures, calls), t, t, t, t, t, 1.5, 0.25,
        0.75, calls, firstFailures, List.of());
  }

  /** Metrics in which no call succeeded: every time is NaN. */
  static Metrics allFailed(long clients) {
    Rate all = Rate.of(clients, clients);
    double n = Double.NaN;
    return new Metrics(1, all, List.of(all), all, n, n, n, n, n, 1, 0, 21, clients, clients, List.of());
  }

  /** An expectation on every configuration at every point, at line 7, column 5. */
  static Expectation expect(String metric, Double max, Double min, boolean confidence) {
    return new Expectation(null, metric, max, min, confidence, Map.of(), 7, 5);
  }

  /** An assertion of {@code e} on configuration "A" without a sweep. */
  static Assertion assertion(Expectation e) {
    return new Assertion(e, 0, "A", Map.of(), Metric.parse(e.metric()));
  }

  /** A report of scenario "s" with these rows (configuration name, metrics), no sweep. */
  static RunReport report(String scenario, Object... namesAndMetrics) {
    List<ResultRow> rows = new java.util.ArrayList<>();
    for (int i = 0; i < namesAndMetrics.length; i += 2) {
      rows.add(new ResultRow((String) namesAndMetrics[i], Map.of(), (Metrics) namesAndMetrics[i + 1], org.dialsim.engine.Time.NEVER, org.dialsim.engine.Time.NEVER));
    }
    return new RunReport(scenario, scenario, "", scenario + ".yaml", 1, 10, List.of(), rows, "{}", "test");
  }
}
