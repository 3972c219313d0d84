package org.dialsim.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.model.Limits;
import org.dialsim.report.JsonShape;
import org.dialsim.stats.Measure;

/**
 * An earlier run's results.json, as {@code dialsim run} writes it, read back for comparison:
 * per row the configuration, the sweep point and every metric, with the counts behind each rate.
 *
 * @param file the file as given on the command line
 * @param scenarioName the scenario it was run from
 * @param seed its seed
 * @param replications its replications
 * @param version the dialsim version that wrote it
 * @param rows its rows, in file order
 */
public record Baseline(String file, String scenarioName, long seed, long replications, String version, List<Row> rows) {
  /** Built on first use: databind costs half a second of class loading, and most runs never need it. */
  private static final class Lazy {
    static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** Copies the rows. */
  public Baseline {
    rows = List.copyOf(rows);
  }

  /**
   * One row of the baseline.
   *
   * @param configuration the configuration's name
   * @param point swept path to value as written; empty without a sweep
   * @param metrics metric name to its observation, in the order {@link Metric#all} gives
   */
  public record Row(String configuration, Map<String, String> point, Map<String, Observation> metrics) {
    /** Copies the maps, keeping their order. */
    public Row {
      point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
      metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
  }

  /**
   * Reads and checks a results.json.
   *
   * @throws IOException when the file is missing, unreadable or a directory (an I/O error, exit
   *     4, as for a scenario file); its message or reason is the operating system's
   * @throws BaselineException when its content is not a dialsim results.json
   */
  public static Baseline read(Path file) throws IOException, BaselineException {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new FileSystemException(name, null, "is a directory; give the results.json that `dialsim run` wrote into it");
    }
    if (Files.size(file) > Limits.MAX_BASELINE_BYTES) {
      throw new BaselineException(name + ": larger than " + (Limits.MAX_BASELINE_BYTES >> 20) + " MiB; not a results.json");
    }
    byte[] bytes = Files.readAllBytes(file);
    JsonNode root;
    try {
      root = Lazy.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String why = words(e.getOriginalMessage());
      if (why.startsWith("Trailing token")) {
        why = "text after the first JSON value; a results.json holds one object"; // Jackson's wording names its own setting
      }
      throw new BaselineException(name + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
          + ": not valid JSON: " + why);
    }
    return parse(name, root);
  }

  /**
   * Jackson's message without what only its developers can read: the source description
   * ("Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)") and the
   * setting a limit comes from ("from `StreamReadConstraints.getMaxNestingDepth()`").
   */
  static String words(String jackson) {
    String m = jackson == null ? "" : jackson;
    // an unclosed array or object: Jackson says where it began inside its own location text
    m = m.replaceAll("\\(start marker at \\[Source:[^\\]]*?line: (\\d+), column: (\\d+)\\]\\)",
        "(it began at line $1, column $2)");
    m = m.replaceAll("(?s)\\s*at \\[Source:.*$", "");
    m = m.replaceAll("\\s*\\(?Source: REDACTED[^)]*\\)?\\)?", "");
    m = m.replaceAll(",?\\s*from `[^`]*`", "");
    m = m.replaceAll("\\s*\\(`[^`]*`[^)]*\\)", "");
    m = m.replace("`", "'");
    return m.replaceAll("\\s+", " ").strip();
  }

  /** Builds the baseline from a parsed tree; {@code name} is used in messages. */
  static Baseline parse(String name, JsonNode root) throws BaselineException {
    Shape s = new Shape(name);
    if (root == null || !root.isObject()) {
      throw s.bad("", "the file is not a JSON object");
    }
    String scenario = s.text(root, "scenario_name", "");
    long seed = s.integer(root, "seed", "");
    long replications = s.count(root, "replications", "");
    String version = root.path("dialsim_version").asText("unknown");
    JsonNode results = root.get("results");
    if (results == null || !results.isArray()) {
      throw s.bad("results", "missing or not a list");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      rows.add(row(s, results.get(i), "results[" + i + "]"));
    }
    return new Baseline(name, scenario, seed, replications, version, rows);
  }

  private static Row row(Shape s, JsonNode r, String at) throws BaselineException {
    if (!r.isObject()) {
      throw s.bad(at, "not an object");
    }
    String configuration = s.text(r, "configuration", at);
    Map<String, String> point = new LinkedHashMap<>();
    JsonNode p = r.get("point");
    if (p != null && !p.isNull()) {
      if (!p.isObject()) {
        throw s.bad(at + ".point", "not an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        point.put(e.getKey(), e.getValue().asText());
      }
    }
    Map<String, Observation> metrics = new LinkedHashMap<>();
    for (Measure m : Measure.values()) {
      if (m.hasInterval() && !m.perCall()) {
        metrics.put(m.key(), rate(s, r, at, m.rateFields()));
      }
    }
    String byCallKey = Measure.FAILURE_RATE_BY_CALL.key();
    JsonNode byCall = r.get(byCallKey);
    if (byCall != null && !byCall.isNull()) {
      if (!byCall.isArray()) {
        throw s.bad(at + "." + byCallKey, "not a list");
      }
      for (int k = 0; k < byCall.size(); k++) {
        String cat = at + "." + byCallKey + "[" + k + "]";
        JsonNode c = byCall.get(k);
        if (!c.isObject()) {
          throw s.bad(cat, "not an object");
        }
        long call = s.count(c, Measure.CALL_FIELD, cat);
        if (call != k + 1) {
          throw s.bad(cat + "." + Measure.CALL_FIELD, "is " + call + ", expected " + (k + 1) + " (calls are listed from 1 in order)");
        }
        metrics.put(Metric.byCall(k + 1).name(), rate(s, c, cat, Measure.FAILURE_RATE_BY_CALL.rateFields()));
      }
    }
    for (String name : Metric.scalarNames()) {
      JsonNode v = r.get(name);
      // an absent field (a results.json from an older dialsim) is simply not compared
      if (v != null) {
        metrics.put(name, Observation.scalar(s.number(v, at + "." + name)));
      }
    }
    return new Row(configuration, point, metrics);
  }

  private static Observation rate(Shape s, JsonNode o, String at, Measure.RateFields f) throws BaselineException {
    String valueKey = f.value();
    String failuresKey = f.failures();
    String trialsKey = f.trials();
    String effectiveKey = f.effectiveTrials();
    long failures = s.count(o, failuresKey, at);
    long trials = s.count(o, trialsKey, at);
    if (failures > trials) {
      throw s.bad(at + "." + failuresKey, "is " + failures + ", more than " + trialsKey + " (" + trials + ")");
    }
    JsonNode v = o.get(valueKey);
    double value = v == null ? (trials == 0 ? Double.NaN : (double) failures / trials) : s.number(v, at + "." + valueKey);
    // written since the intervals account for clients sharing a replication; older files lack it
    JsonNode e = o.get(effectiveKey);
    double effective = e != null && e.isNumber() && e.asDouble() > 0 ? Math.min(trials, e.asDouble()) : trials;
    return new Observation(value, failures, trials, effective);
  }

  /** Checks of the file's layout, each failing with the offending path. */
  private static final class Shape extends JsonShape<BaselineException> {
    Shape(String file) {
      super(file);
    }

    @Override
    protected BaselineException bad(String path, String what) {
      return new BaselineException(file + ": not a dialsim results.json: " + (path.isEmpty() ? "" : path + ": ") + what
          + " (give the results.json that `dialsim run` wrote, unchanged)");
    }

    double number(JsonNode v, String path) throws BaselineException {
      if (v.isNull()) {
        return Double.NaN; // results.json writes NaN as null
      }
      if (!v.isNumber()) {
        throw bad(path, "not a number");
      }
      return v.asDouble();
    }
  }
}
