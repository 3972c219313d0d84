package org.dialsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import org.dialsim.stats.Measure;
import org.dialsim.stats.Metrics;
import org.dialsim.stats.MillisHistogram;
import org.dialsim.stats.Rate;
import org.dialsim.stats.RunReport;
import org.dialsim.stats.ResultRow;

/**
 * results.json: the SPEC 3 metrics of every row (with {@code failure_rate_by_call} and the raw
 * counts behind each rate, so a later run can be compared with it), the seed, the version and
 * the resolved scenario. NaN is written as null.
 */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** The whole file as text. */
  public static String render(RunReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("dialsim_version", report.version());
    root.put("scenario_name", report.scenarioName());
    root.put("title", report.title());
    root.put("scenario_file", report.scenarioFile());
    root.put("seed", report.seed());
    root.put("replications", report.replications());
    // what the establishment percentiles are exact to (MillisHistogram)
    root.put("establish_percentile_resolution_s", MillisHistogram.RESOLUTION_NS / 1e9);
    ArrayNode swept = root.putArray("swept");
    report.sweptPaths().forEach(swept::add);
    ArrayNode results = root.putArray("results");
    for (ResultRow row : report.rows()) {
      results.add(row(row));
    }
    try {
      JsonNode scenario = MAPPER.readTree(report.resolvedScenarioJson());
      root.set("scenario", scenario);
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render results.json", e);
    }
  }

  private static ObjectNode row(ResultRow row) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("configuration", row.configuration());
    ObjectNode point = o.putObject("point");
    for (Map.Entry<String, String> e : row.point().entrySet()) {
      point.put(e.getKey(), e.getValue());
    }
    Metrics m = row.metrics();
    Set<String> written = new HashSet<>();
    for (Measure.Column c : Measure.columns()) {
      double v = c.value().applyAsDouble(m);
      if (Double.isNaN(v)) {
        o.putNull(c.name());
      } else if (c.isCount()) {
        o.put(c.name(), (long) v);
      } else {
        o.put(c.name(), v);
      }
      written.add(c.name());
    }
    // the counts behind each rate, so a later run can be compared with it; clients of one
    // replication share its world, so the effective trials say what the interval is worth
    for (Measure measure : Measure.values()) {
      if (measure.hasInterval() && !measure.perCall()) {
        counts(o, measure.rateFields(), measure.rate(m), written);
      }
    }
    Measure.RateFields f = Measure.FAILURE_RATE_BY_CALL.rateFields();
    ArrayNode byCall = o.putArray(Measure.FAILURE_RATE_BY_CALL.key());
    for (int i = 0; i < m.byCall().size(); i++) {
      Rate r = m.byCall().get(i);
      ObjectNode c = byCall.addObject();
      c.put(Measure.CALL_FIELD, i + 1);
      number(c, f.value(), r.value());
      number(c, f.low(), r.low());
      number(c, f.high(), r.high());
      counts(c, f, r, new HashSet<>());
    }
    return o;
  }

  private static void counts(ObjectNode o, Measure.RateFields f, Rate r, Set<String> written) {
    if (written.add(f.failures())) {
      o.put(f.failures(), r.failures());
    }
    if (written.add(f.trials())) {
      o.put(f.trials(), r.trials());
    }
    if (written.add(f.effectiveTrials())) {
      o.put(f.effectiveTrials(), r.effectiveTrials());
    }
  }

  private static void number(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else {
      o.put(key, v);
    }
  }
}
