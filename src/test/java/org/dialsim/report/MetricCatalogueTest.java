package org.dialsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialsim.check.Metric;
import org.dialsim.engine.Time;
import org.dialsim.stats.Measure;
import org.dialsim.stats.Metrics;
import org.dialsim.stats.Rate;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.junit.jupiter.api.Test;

/** Every metric name that results.csv, results.json and expect: use comes from {@link Measure}. */
class MetricCatalogueTest {
  private static RunReport report() {
    Rate first = Rate.of(3, 40);
    Metrics m = new Metrics(10, first, List.of(first, Rate.of(0, 40)), Rate.of(3, 80), 1, 1, 2, 3, 4, 1.5, 0.25, 0.75,
        80, 3, List.of());
    return new RunReport("s", "s", "", "s.yaml", 1, 10, List.of(),
        List.of(new ResultRow("A", Map.of(), m, Time.NEVER, Time.NEVER)), "{}", "test");
  }

  /** Every field name the catalogue defines for a row of results.json. */
  private static Set<String> catalogueFields() {
    Set<String> names = new HashSet<>();
    for (Measure.Column c : Measure.columns()) {
      names.add(c.name());
    }
    for (Measure m : Measure.values()) {
      names.add(m.key());
      if (m.hasInterval()) {
        Measure.RateFields f = m.rateFields();
        names.addAll(List.of(f.value(), f.low(), f.high(), f.failures(), f.trials(), f.effectiveTrials()));
      }
    }
    return names;
  }

  @Test
  void theSpecThreeNamesAreTheCatalogue() {
    // binding names (SPEC 3): a rename here breaks users' CI scripts and baselines
    List<String> columns = Measure.columns().stream().map(Measure.Column::name).toList();
    assertEquals(List.of("first_call_failure_rate", "first_call_failure_rate_low", "first_call_failure_rate_high",
        "call_failure_rate", "call_failure_rate_low", "call_failure_rate_high", "establish_s_mean", "establish_s_p50",
        "establish_s_p90", "establish_s_p99", "establish_s_max", "attempts_mean", "fallback_share", "wasted_s_mean",
        "calls", "failed_calls", "replications"), columns);
  }

  @Test
  void everyCsvColumnComesFromTheCatalogue() {
    String header = CsvReport.render(report()).lines().findFirst().orElseThrow();
    List<String> cells = new ArrayList<>(List.of(header.split(",")));
    assertEquals("configuration", cells.remove(0)); // the row's name, not a metric (no sweep here)
    assertEquals(Measure.columns().stream().map(Measure.Column::name).toList(), cells);
  }

  @Test
  void everyJsonFieldOfARowComesFromTheCatalogue() throws Exception {
    JsonNode row = new ObjectMapper().readTree(JsonReport.render(report())).get("results").get(0);
    Set<String> known = catalogueFields();
    int seen = 0;
    for (Iterator<String> it = row.fieldNames(); it.hasNext(); seen++) {
      String f = it.next();
      assertTrue(f.equals("configuration") || f.equals("point") || known.contains(f), f + " is not in the catalogue");
    }
    assertTrue(seen > Measure.columns().size(), "the counts behind the rates are written too");
    JsonNode call = row.get(Measure.FAILURE_RATE_BY_CALL.key()).get(0);
    for (Iterator<String> it = call.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      assertTrue(f.equals(Measure.CALL_FIELD) || known.contains(f), f + " of failure_rate_by_call is not in the catalogue");
    }
  }

  @Test
  void everyExpectMetricComesFromTheCatalogue() {
    Metrics m = report().rows().get(0).metrics();
    for (Metric metric : Metric.all(m)) {
      int k = Measure.callOf(metric.name());
      assertTrue(k > 0 || Measure.byKey(metric.name()) != null, metric.name());
    }
    for (String name : Measure.assertableNames()) {
      assertNotNull(Metric.parse(name), name + " is offered by the loader but unknown to check");
    }
    assertEquals(null, Metric.parse(Measure.REPLICATIONS.key()), "a setting of the run, not a measurement");
  }

  @Test
  void checkKnowsEveryAssertableMetricAndWhichHaveAnInterval() {
    Metrics m = report().rows().get(0).metrics();
    Set<String> checked = new HashSet<>();
    for (Metric metric : Metric.all(m)) {
      checked.add(metric.name());
      int k = Measure.callOf(metric.name());
      Measure measure = k > 0 ? Measure.FAILURE_RATE_BY_CALL : Measure.byKey(metric.name());
      assertEquals(measure.hasInterval(), metric.isRate(), metric.name() + ": an interval exactly where the catalogue has one");
    }
    for (Measure measure : Measure.values()) {
      if (measure.assertable() && !measure.perCall()) {
        assertTrue(checked.contains(measure.key()), measure.key() + " is in the catalogue but not judged by check");
      }
    }
    assertTrue(checked.contains(Measure.byCallName(m.byCall().size())), "every call of the learning curve");
  }
}
