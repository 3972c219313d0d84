package org.dialsim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dialsim.stats.Metrics;
import org.junit.jupiter.api.Test;

class MetricTest {
  @Test
  void knowsEveryBindingNameAndNothingElse() {
    assertEquals(new Metric("failure_rate_by_call[3]", 3), Metric.parse("failure_rate_by_call[3]"));
    assertTrue(Metric.parse("first_call_failure_rate").isRate());
    assertTrue(Metric.parse("call_failure_rate").isRate());
    assertFalse(Metric.parse("establish_s_p99").isRate());
    assertNull(Metric.parse("failure_rate_by_call[0]"));
    assertNull(Metric.parse("first_call_failure_rate_low")); // part of its rate, not a metric to assert on
    assertNull(Metric.parse("replications"));
    assertNull(Metric.parse("p99"));
  }

  @Test
  void scalarsAreTheSpecFieldsWithoutAnInterval() {
    assertEquals(List.of("establish_s_mean", "establish_s_p50", "establish_s_p90", "establish_s_p99", "establish_s_max",
        "attempts_mean", "fallback_share", "wasted_s_mean", "calls", "failed_calls"), Metric.scalarNames());
  }

  @Test
  void readsValuesAndCountsFromMetrics() {
    Metrics m = CheckFixtures.metrics(3, 40);
    assertEquals(new Observation(3.0 / 40, 3, 40), Metric.parse("first_call_failure_rate").observe(m));
    assertEquals(new Observation(3.0 / 80, 3, 80), Metric.parse("call_failure_rate").observe(m));
    assertEquals(new Observation(0, 0, 40), Metric.byCall(2).observe(m));
    assertEquals(Observation.scalar(2.5), Metric.parse("establish_s_p99").observe(m));
    assertEquals(80.0, Metric.parse("calls").value(m));
    assertTrue(Double.isNaN(Metric.byCall(3).value(m)), "call 3 is never made");
    // the rates first (calls in order), then the scalars
    List<String> names = Metric.all(m).stream().map(Metric::name).toList();
    assertEquals(List.of("first_call_failure_rate", "call_failure_rate", "failure_rate_by_call[1]",
        "failure_rate_by_call[2]", "establish_s_mean"), names.subList(0, 5));
    assertEquals(4 + Metric.scalarNames().size(), names.size());
  }
}
