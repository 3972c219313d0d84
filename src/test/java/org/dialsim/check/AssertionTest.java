package org.dialsim.check;

import static org.dialsim.check.CheckFixtures.assertion;
import static org.dialsim.check.CheckFixtures.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dialsim.scenario.Expectation;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Problem;
import org.dialsim.scenario.ScenarioException;
import org.dialsim.scenario.ScenarioLoader;
import org.dialsim.stats.Metrics;
import org.junit.jupiter.api.Test;

class AssertionTest {
  // 12 of 400 first calls failed: 0.03, Wilson 95 % interval [0.017243, 0.051699] (by hand)
  private static final Metrics M = CheckFixtures.metrics(12, 400);

  private static Verdict judge(String metric, Double max, Double min, boolean confidence) {
    return assertion(expect(metric, max, min, confidence)).judge(M);
  }

  @Test
  void pointModeComparesTheEstimate() {
    assertTrue(judge("first_call_failure_rate", 0.03, null, false).passed(), "a value at the bound holds");
    Verdict v = judge("first_call_failure_rate", 0.02, null, false);
    assertFalse(v.passed());
    assertEquals("the estimate is above 0.02", v.reason());
    assertEquals(0.03, v.value());
    assertFalse(judge("first_call_failure_rate", null, 0.04, false).passed());
    assertTrue(judge("first_call_failure_rate", 0.05, 0.01, false).passed());
  }

  @Test
  void confidenceModeFailsOnlyWhenTheWholeIntervalIsBeyondTheBound() {
    assertTrue(judge("first_call_failure_rate", 0.02, null, true).passed(), "the interval reaches below 0.02");
    Verdict above = judge("first_call_failure_rate", 0.015, null, true);
    assertFalse(above.passed(), "the interval starts above 0.015");
    assertEquals("the whole 95% interval lies above 0.015", above.reason());
    assertTrue(judge("first_call_failure_rate", null, 0.04, true).passed(), "the interval reaches above 0.04");
    assertFalse(judge("first_call_failure_rate", null, 0.06, true).passed());
    assertTrue(judge("failure_rate_by_call[1]", 0.02, null, true).passed());
    assertTrue(judge("call_failure_rate", 0.01, null, true).passed(), "12 of 800: the interval reaches below 0.01");
  }

  @Test
  void confidenceModeOnAMetricWithoutAnIntervalIsPointMode() {
    Verdict v = judge("establish_s_p99", 2.0, null, true);
    assertFalse(v.passed());
    assertNull(v.interval());
    assertEquals("the estimate is above 2", v.reason());
    assertEquals("no interval (confidence mode compares the point estimate for this metric)", v.intervalText());
    assertTrue(judge("establish_s_p99", 2.5, null, true).passed());
  }

  @Test
  void aMetricWithoutAValueFails() {
    Verdict v = assertion(expect("establish_s_p99", 100.0, null, false)).judge(CheckFixtures.allFailed(5));
    assertFalse(v.passed());
    assertTrue(Double.isNaN(v.value()));
    assertEquals("no value: nothing to measure in this row (no call succeeded)", v.reason());
    assertTrue(v.line().startsWith("FAIL  A: establish_s_p99 = n/a, bound <= 100, no interval: no value"), v.line());
  }

  @Test
  void linesAndNamesSayEverything() {
    Verdict v = judge("first_call_failure_rate", 0.02, null, false);
    assertEquals("FAIL  A: first_call_failure_rate = 0.03, bound <= 0.02, 95% CI [0.017243, 0.0516985]: the estimate is above 0.02",
        v.line());
    Assertion a = new Assertion(new Expectation("A", "first_call_failure_rate", 0.01, 0.001, true, Map.of(), 3, 5), 0, "A",
        Map.of("deadline", "30s"), Metric.parse("first_call_failure_rate"));
    assertEquals("A [deadline=30s]: first_call_failure_rate >= 0.001 and <= 0.01 (confidence)", a.name());
  }

  @Test
  void expandsOverConfigurationsAndPointsInOrder() throws Exception {
    LoadedScenario ls = ScenarioLoader.load(Path.of("src/test/resources/check/mixed.yaml"));
    List<Assertion> all = Assertion.expand(ls);
    assertEquals(12, all.size());
    assertEquals("UCMA 4.0 [deadline=20s]: first_call_failure_rate <= 0.01", all.get(0).name());
    // { metric: calls, min: 1 } covers both configurations at both points, points slowest
    List<String> calls = all.stream().filter(a -> a.metric().name().equals("calls")).map(Assertion::where).toList();
    assertEquals(List.of("UCMA 4.0 [deadline=20s]", "Happy Eyeballs [deadline=20s]", "UCMA 4.0 [deadline=30s]",
        "Happy Eyeballs [deadline=30s]"), calls);
    assertEquals(5, all.stream().filter(a -> a.metric().name().equals("calls")).findFirst().orElseThrow().index());
  }

  @Test
  void aCallThatSomeCoveredPointNeverMakesIsAScenarioError() throws Exception {
    LoadedScenario ls = ScenarioLoader.load(Path.of("src/test/resources/check/never-made.yaml"));
    ScenarioException e = assertThrows(ScenarioException.class, () -> Assertion.expand(ls));
    Problem p = e.problems().get(0);
    assertEquals(21, p.line());
    assertEquals(5, p.column());
    assertEquals("expect[1].metric", p.key());
    assertTrue(p.message().startsWith("call 3 is never made at sweep point calls.per_client=1"), p.message());
  }

  @Test
  void anExpectationThatCoversNoRowIsAScenarioError() throws Exception {
    LoadedScenario ls = ScenarioLoader.load(Path.of("src/test/resources/check/mixed.yaml"));
    // the loader refuses an unknown value in at:, so build the stray expectation by hand
    Expectation stray = new Expectation("UCMA 4.0", "calls", null, 1.0, false, Map.of("deadline", "25s"), 40, 3);
    LoadedScenario bad = new LoadedScenario(ls.file(), ls.points(), List.of(stray), ls.sweep(), ls.resolvedJson(), ls.text());
    ScenarioException e = assertThrows(ScenarioException.class, () -> Assertion.expand(bad));
    assertEquals("src/test/resources/check/mixed.yaml:40:3: expect[0]: matches no result row (configuration \"UCMA 4.0\", "
        + "at deadline=25s); check configuration: and at:", e.getMessage());
  }
}
