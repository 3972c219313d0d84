package org.dialsim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.dialsim.check.Change.Status;
import org.dialsim.stats.RunReport;
import org.dialsim.stats.Metrics;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static Baseline baselineOf(RunReport r) {
    List<Baseline.Row> rows = r.rows().stream().map(row -> {
      Map<String, Observation> m = new java.util.LinkedHashMap<>();
      Metric.all(row.metrics()).forEach(x -> m.put(x.name(), x.observe(row.metrics())));
      return new Baseline.Row(row.configuration(), row.point(), m);
    }).toList();
    return new Baseline("base.json", r.scenarioName(), r.seed(), r.replications(), "test", rows);
  }

  private static Change find(Comparison c, String configuration, String metric) {
    Predicate<Change> p = x -> x.configuration().equals(configuration) && x.metric().equals(metric);
    return c.changes().stream().filter(p).findFirst().orElseThrow();
  }

  @Test
  void theSameResultsAreNoChange() {
    RunReport r = CheckFixtures.report("s", "A", CheckFixtures.metrics(10, 100));
    Comparison c = Comparison.of(baselineOf(r), r, 0);
    assertTrue(c.regressions().isEmpty());
    // the same failures of the same trials: unchanged, not "not significant, p = 1"
    assertEquals(Status.UNCHANGED, find(c, "A", "first_call_failure_rate").status());
    assertEquals(Status.UNCHANGED, find(c, "A", "establish_s_p99").status());
    assertTrue(c.changes().stream().allMatch(x -> x.status() == Status.UNCHANGED), c.changes().toString());
    // printed as one line for the row
    assertEquals(List.of("    unchanged  A: all " + c.changes().size() + " metrics"), ScenarioCheck.changeLines(c.changes()));
  }

  @Test
  void aSignificantlyWorseRateRegressesUnlessWithinTolerance() {
    Baseline before = baselineOf(CheckFixtures.report("s", "A", CheckFixtures.metrics(10, 100)));
    RunReport after = CheckFixtures.report("s", "A", CheckFixtures.metrics(20, 100));
    Change first = find(Comparison.of(before, after, 0), "A", "first_call_failure_rate");
    assertEquals(Status.REGRESSED, first.status(), "10/100 -> 20/100: p = 0.0477");
    assertEquals(0.1, first.difference(), 1e-12);
    assertEquals("REGRESSED  A: first_call_failure_rate 0.1 -> 0.2 (+0.1), 10/100 -> 20/100, p = 0.0477", first.line());
    // the tolerance is absolute; worse by exactly the tolerance is still within it
    assertEquals(Status.WORSE, find(Comparison.of(before, after, 0.1), "A", "first_call_failure_rate").status());
    assertEquals(Status.REGRESSED, find(Comparison.of(before, after, 0.099), "A", "first_call_failure_rate").status());
    // and the other way round it is an improvement
    Comparison better = Comparison.of(baselineOf(after), CheckFixtures.report("s", "A", CheckFixtures.metrics(10, 100)), 0);
    assertEquals(Status.BETTER, find(better, "A", "first_call_failure_rate").status());
    assertTrue(better.regressions().isEmpty());
  }

  @Test
  void aWorseButNotSignificantRateDoesNotFail() {
    Baseline before = baselineOf(CheckFixtures.report("s", "A", CheckFixtures.metrics(5, 1000)));
    Comparison c = Comparison.of(before, CheckFixtures.report("s", "A", CheckFixtures.metrics(9, 1000)), 0);
    assertEquals(Status.NOT_SIGNIFICANT, find(c, "A", "first_call_failure_rate").status(), "p = 0.283");
    assertEquals(Status.CHANGED, find(c, "A", "failed_calls").status());
    assertTrue(c.regressions().isEmpty());
    // what moved is listed; what did not is one line at the end of the row
    List<String> lines = ScenarioCheck.changeLines(c.changes());
    assertTrue(lines.contains("    not significant  A: first_call_failure_rate 0.005 -> 0.009 (+0.004), 5/1000 -> 9/1000, p = 0.283"),
        lines.toString());
    assertTrue(lines.get(lines.size() - 1).matches("    unchanged  A: \\d+ other metrics"), lines.toString());
  }

  @Test
  void rowsOnOneSideAreReported() {
    Baseline before = baselineOf(CheckFixtures.report("s", "A", CheckFixtures.metrics(1, 10), "Old", CheckFixtures.metrics(1, 10)));
    Comparison c = Comparison.of(before, CheckFixtures.report("s", "A", CheckFixtures.metrics(1, 10), "New",
        CheckFixtures.metrics(1, 10)), 0);
    assertEquals(Status.ONLY_IN_RUN, find(c, "New", "first_call_failure_rate").status());
    assertEquals(Status.ONLY_IN_BASELINE, find(c, "Old", "first_call_failure_rate").status());
    assertEquals("only in baseline  Old: first_call_failure_rate = 0.1", find(c, "Old", "first_call_failure_rate").line());
    // this run's rows first, then what only the baseline had
    assertEquals(List.of("A", "New", "Old"), c.changes().stream().map(Change::configuration).distinct().toList());
  }

  @Test
  void aRateWithoutTrialsIsNotTested() {
    Baseline before = baselineOf(CheckFixtures.report("s", "A", CheckFixtures.metrics(0, 0)));
    Change ch = find(Comparison.of(before, CheckFixtures.report("s", "A", CheckFixtures.metrics(1, 10)), 0), "A",
        "first_call_failure_rate");
    assertEquals(Status.UNTESTED, ch.status());
  }
}
