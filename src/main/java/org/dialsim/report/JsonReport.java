package org.dialsim.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

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
  // the streaming generator, not the tree model: every run writes this file, and databind's
  // class loading costs half a second of a short run's start
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonReport() {}

  /** The whole file as text. */
  public static String render(RunReport report) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("dialsim_version", report.version());
      g.writeStringField("scenario_name", report.scenarioName());
      g.writeStringField("title", report.title());
      g.writeStringField("scenario_file", report.scenarioFile());
      g.writeNumberField("seed", report.seed());
      g.writeNumberField("replications", report.replications());
      // what the establishment percentiles are exact to (MillisHistogram)
      g.writeNumberField("establish_percentile_resolution_s", MillisHistogram.RESOLUTION_NS / 1e9);
      g.writeArrayFieldStart("swept");
      for (String path : report.sweptPaths()) {
        g.writeString(path);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("results");
      for (ResultRow row : report.rows()) {
        row(g, row);
      }
      g.writeEndArray();
      g.writeFieldName("scenario");
      try (JsonParser p = FACTORY.createParser(report.resolvedScenarioJson())) {
        p.nextToken();
        g.copyCurrentStructure(p);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render results.json", e);
    }
    return out + "\n";
  }

  private static void row(JsonGenerator g, ResultRow row) throws IOException {
    g.writeStartObject();
    g.writeStringField("configuration", row.configuration());
    g.writeObjectFieldStart("point");
    for (Map.Entry<String, String> e : row.point().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    Metrics m = row.metrics();
    Set<String> written = new HashSet<>();
    for (Measure.Column c : Measure.columns()) {
      double v = c.value().applyAsDouble(m);
      g.writeFieldName(c.name());
      if (Double.isNaN(v)) {
        g.writeNull();
      } else if (c.isCount()) {
        g.writeNumber((long) v);
      } else {
        g.writeNumber(v);
      }
      written.add(c.name());
    }
    // the counts behind each rate, so a later run can be compared with it; clients of one
    // replication share its world, so the effective trials say what the interval is worth
    for (Measure measure : Measure.values()) {
      if (measure.hasInterval() && !measure.perCall()) {
        counts(g, measure.rateFields(), measure.rate(m), written);
      }
    }
    Measure.RateFields f = Measure.FAILURE_RATE_BY_CALL.rateFields();
    g.writeArrayFieldStart(Measure.FAILURE_RATE_BY_CALL.key());
    for (int i = 0; i < m.byCall().size(); i++) {
      Rate r = m.byCall().get(i);
      g.writeStartObject();
      g.writeNumberField(Measure.CALL_FIELD, i + 1);
      number(g, f.value(), r.value());
      number(g, f.low(), r.low());
      number(g, f.high(), r.high());
      counts(g, f, r, new HashSet<>());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void counts(JsonGenerator g, Measure.RateFields f, Rate r, Set<String> written) throws IOException {
    if (written.add(f.failures())) {
      g.writeNumberField(f.failures(), r.failures());
    }
    if (written.add(f.trials())) {
      g.writeNumberField(f.trials(), r.trials());
    }
    if (written.add(f.effectiveTrials())) {
      g.writeNumberField(f.effectiveTrials(), r.effectiveTrials());
    }
  }

  private static void number(JsonGenerator g, String key, double v) throws IOException {
    g.writeFieldName(key);
    if (Double.isNaN(v)) {
      g.writeNull();
    } else {
      g.writeNumber(v);
    }
  }
}
