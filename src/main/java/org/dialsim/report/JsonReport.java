package org.dialsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
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
    for (ResultFields f : ResultFields.values()) {
      double v = f.of(m);
      if (Double.isNaN(v)) {
        o.putNull(f.key());
      } else if (f.isCount()) {
        o.put(f.key(), (long) v);
      } else {
        o.put(f.key(), v);
      }
    }
    o.put("first_call_failures", m.firstCall().failures());
    o.put("first_calls", m.firstCall().trials());
    // what the intervals are worth: clients of one replication share its world (Rate.clustered)
    o.put("first_call_effective_trials", m.firstCall().effectiveTrials());
    o.put("call_effective_trials", m.call().effectiveTrials());
    ArrayNode byCall = o.putArray("failure_rate_by_call");
    for (int i = 0; i < m.byCall().size(); i++) {
      Rate r = m.byCall().get(i);
      ObjectNode c = byCall.addObject();
      c.put("call", i + 1);
      number(c, "rate", r.value());
      number(c, "low", r.low());
      number(c, "high", r.high());
      c.put("failures", r.failures());
      c.put("calls", r.trials());
      c.put("effective_trials", r.effectiveTrials());
    }
    return o;
  }

  private static void number(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else {
      o.put(key, v);
    }
  }
}
