package org.dialsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.stats.Tally;

/**
 * A partial result ({@code shard-i-of-n.json}): the exact integer counts of some shards of a run
 * (one, as {@code run --shard} writes it, or several merged), with what {@code merge} needs to
 * check that parts belong together and to write the run's report from them: the dialsim
 * version, a fingerprint of the resolved scenario, seed and replications, the shard indices and
 * count, and the scenario file's text.
 *
 * @param version the dialsim version that ran the shards
 * @param fingerprint {@link #fingerprint} of the run
 * @param scenarioName the scenario's name
 * @param scenarioFile the scenario file as given to {@code run}
 * @param seed the seed used
 * @param replications replications per configuration and point (of the whole run)
 * @param shardCount n, the number of shards the run was split into
 * @param shards the shard indices whose counts this holds, increasing
 * @param jobs one per (point, configuration), in run order
 * @param scenarioText the scenario file's text, so the report can be written without it
 */
public record PartialResult(
    String version,
    String fingerprint,
    String scenarioName,
    String scenarioFile,
    long seed,
    int replications,
    int shardCount,
    List<Integer> shards,
    List<Job> jobs,
    String scenarioText) {
  /** The format this dialsim writes and reads (the file's {@code dialsim_partial_result}). */
  public static final int FORMAT = 1;
  /** Larger than any real part; refuses a wrong file before reading it all. */
  static final long MAX_BYTES = 1L << 30;
  private static final String MARK = "dialsim_partial_result";
  /** Built on first use: databind costs half a second of class loading, and most runs never need it. */
  private static final class Lazy {
    static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** Copies the lists. */
  public PartialResult {
    shards = List.copyOf(shards);
    jobs = List.copyOf(jobs);
  }

  /**
   * One (point, configuration) of the run and its counts.
   *
   * @param configuration the configuration's name
   * @param point swept path to value as written; empty without a sweep
   * @param counts the counts over this part's replications of it
   */
  public record Job(String configuration, Map<String, String> point, Tally.Counts counts) {
    /** Copies the point, keeping its order. */
    public Job {
      point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
    }
  }

  /** The file name {@code run --shard} gives shard {@code index} of {@code count}. */
  public static String fileName(int index, int count) {
    return "shard-" + index + "-of-" + count + ".json";
  }

  /**
   * What makes two runs give the same counts, as {@code sha256:HEX}: the resolved scenario
   * (every default filled in), the seed and the replications. The version is checked apart.
   */
  public static String fingerprint(String resolvedScenarioJson, long seed, int replications) {
    String text = "dialsim partial result " + FORMAT + "\nseed " + seed + "\nreplications " + replications + "\n"
        + resolvedScenarioJson;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The shard indices below {@link #shardCount} that this part does not hold, increasing. */
  public List<Integer> missing() {
    List<Integer> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < shardCount; i++) {
      if (next < shards.size() && shards.get(next) == i) {
        next++;
      } else {
        out.add(i);
      }
    }
    return out;
  }

  /** The file's text: one JSON object, keys in a fixed order, so equal parts are equal bytes. */
  public String render() {
    ObjectNode root = Lazy.MAPPER.createObjectNode();
    root.put(MARK, FORMAT);
    root.put("dialsim_version", version);
    root.put("fingerprint", fingerprint);
    root.put("scenario_name", scenarioName);
    root.put("scenario_file", scenarioFile);
    root.put("seed", seed);
    root.put("replications", replications);
    root.put("shard_count", shardCount);
    ArrayNode held = root.putArray("shards");
    shards.forEach(held::add);
    ArrayNode list = root.putArray("jobs");
    for (Job j : jobs) {
      ObjectNode o = list.addObject();
      o.put("configuration", j.configuration());
      ObjectNode point = o.putObject("point");
      j.point().forEach(point::put);
      Tally.Counts c = j.counts();
      longs(o.putArray("calls_by_call"), c.callsByIndex());
      longs(o.putArray("failures_by_call"), c.failuresByIndex());
      longs(o.putArray("failure_squares_by_call"), c.squaresByIndex());
      o.put("failure_squares", c.squares());
      o.put("calls", c.calls());
      o.put("failed_calls", c.failed());
      o.put("attempts", c.attempts());
      o.put("fallback_calls", c.fallbackCalls());
      o.put("wasted_ns", c.wastedNs());
      o.put("establish_sum_ns", c.establishSumNs());
      o.put("establish_min_ns", c.establishMinNs());
      o.put("establish_max_ns", c.establishMaxNs());
      o.put("replications_done", c.replications());
      ArrayNode pairs = o.putArray("establish_ms");
      long[] b = c.establishMs();
      for (int i = 0; i < b.length; i += 2) {
        pairs.addArray().add(b[i]).add(b[i + 1]);
      }
    }
    root.put("scenario_text", scenarioText);
    try {
      return Lazy.MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a partial result", e);
    }
  }

  private static void longs(ArrayNode a, long[] values) {
    for (long v : values) {
      a.add(v);
    }
  }

  /** Reads and checks a part written by {@link #render}. */
  public static PartialResult read(Path file) throws PartException {
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new PartException(name + ": is a directory; give the shard-i-of-n.json files in it", false);
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new PartException(name + ": larger than " + (MAX_BYTES >> 20) + " MiB; not a partial result", false);
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PartException(name + ": no such file", true);
    } catch (IOException e) {
      throw new PartException(name + ": cannot read: " + e.getMessage(), true);
    }
    return parse(name, bytes);
  }

  /** Builds a part from a file's bytes; {@code name} is used in messages. */
  static PartialResult parse(String name, byte[] bytes) throws PartException {
    JsonNode root;
    try {
      root = Lazy.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new PartException(name + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
          + ": not valid JSON; give the shard-i-of-n.json files that `dialsim run --shard` wrote, unchanged", false);
    } catch (IOException e) {
      throw new PartException(name + ": cannot read: " + e.getMessage(), true);
    }
    Shape s = new Shape(name);
    if (root == null || !root.isObject() || root.get(MARK) == null) {
      throw s.bad("", "no " + MARK + " key, so not a partial result");
    }
    long format = s.count(root, MARK, "");
    if (format != FORMAT) {
      throw s.bad(MARK, "format " + format + "; this dialsim reads format " + FORMAT
          + ", so merge with the dialsim that ran the shards");
    }
    int count = s.intCount(root, "shard_count", "", 1);
    List<Integer> shards = new ArrayList<>();
    JsonNode held = s.array(root, "shards", "");
    for (int i = 0; i < held.size(); i++) {
      JsonNode v = held.get(i);
      String at = "shards[" + i + "]";
      if (!v.isInt() || v.asInt() < 0 || v.asInt() >= count || !shards.isEmpty() && v.asInt() <= shards.get(shards.size() - 1)) {
        throw s.bad(at, "not a shard index in increasing order below shard_count (" + count + ")");
      }
      shards.add(v.asInt());
    }
    if (shards.isEmpty()) {
      throw s.bad("shards", "empty");
    }
    JsonNode jobList = s.array(root, "jobs", "");
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < jobList.size(); i++) {
      jobs.add(job(s, jobList.get(i), "jobs[" + i + "]"));
    }
    return new PartialResult(s.text(root, "dialsim_version", ""), s.text(root, "fingerprint", ""),
        s.text(root, "scenario_name", ""), s.text(root, "scenario_file", ""), s.integer(root, "seed", ""),
        s.intCount(root, "replications", "", 1), count, shards, jobs, s.text(root, "scenario_text", ""));
  }

  private static Job job(Shape s, JsonNode o, String at) throws PartException {
    if (!o.isObject()) {
      throw s.bad(at, "not an object");
    }
    Map<String, String> point = new LinkedHashMap<>();
    JsonNode p = o.get("point");
    if (p == null || !p.isObject()) {
      throw s.bad(at + ".point", p == null ? "missing" : "not an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw s.bad(at + ".point." + e.getKey(), "not a string");
      }
      point.put(e.getKey(), e.getValue().asText());
    }
    long[] calls = s.counts(o, "calls_by_call", at);
    long[] failures = s.counts(o, "failures_by_call", at);
    long[] squares = s.counts(o, "failure_squares_by_call", at);
    if (failures.length != calls.length || squares.length != calls.length) {
      throw s.bad(at, "calls_by_call, failures_by_call and failure_squares_by_call differ in length");
    }
    JsonNode pairs = s.array(o, "establish_ms", at);
    long[] ms = new long[pairs.size() * 2];
    for (int i = 0; i < pairs.size(); i++) {
      JsonNode pair = pairs.get(i);
      String pat = at + ".establish_ms[" + i + "]";
      if (!pair.isArray() || pair.size() != 2) {
        throw s.bad(pat, "not a [millisecond, count] pair");
      }
      ms[2 * i] = s.count(pair.get(0), pat + "[0]");
      ms[2 * i + 1] = s.count(pair.get(1), pat + "[1]");
    }
    Tally.Counts counts = new Tally.Counts(calls, failures, squares, s.count(o, "failure_squares", at),
        s.count(o, "calls", at), s.count(o, "failed_calls", at), s.count(o, "attempts", at),
        s.count(o, "fallback_calls", at), s.big(o, "wasted_ns", at), s.big(o, "establish_sum_ns", at),
        s.count(o, "establish_min_ns", at), s.count(o, "establish_max_ns", at), s.count(o, "replications_done", at), ms);
    return new Job(s.text(o, "configuration", at), point, counts);
  }

  /** Checks of the file's layout, each failing with the offending key. */
  private record Shape(String file) {
    PartException bad(String path, String what) {
      return new PartException(file + ": not a dialsim partial result: " + (path.isEmpty() ? "" : path + ": ") + what
          + " (give the shard-i-of-n.json files that `dialsim run --shard` wrote, unchanged)", false);
    }

    JsonNode get(JsonNode o, String key, String at) throws PartException {
      JsonNode v = o.get(key);
      if (v == null) {
        throw bad(join(at, key), "missing");
      }
      return v;
    }

    String text(JsonNode o, String key, String at) throws PartException {
      JsonNode v = get(o, key, at);
      if (!v.isTextual()) {
        throw bad(join(at, key), "not a string");
      }
      return v.asText();
    }

    JsonNode array(JsonNode o, String key, String at) throws PartException {
      JsonNode v = get(o, key, at);
      if (!v.isArray()) {
        throw bad(join(at, key), "not a list");
      }
      return v;
    }

    long integer(JsonNode o, String key, String at) throws PartException {
      JsonNode v = get(o, key, at);
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw bad(join(at, key), "not an integer");
      }
      return v.asLong();
    }

    long count(JsonNode o, String key, String at) throws PartException {
      return count(get(o, key, at), join(at, key));
    }

    long count(JsonNode v, String path) throws PartException {
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
        throw bad(path, "not a count");
      }
      return v.asLong();
    }

    int intCount(JsonNode o, String key, String at, int min) throws PartException {
      JsonNode v = get(o, key, at);
      if (!v.isInt() || v.asInt() < min) {
        throw bad(join(at, key), "not a whole number of at least " + min);
      }
      return v.asInt();
    }

    long[] counts(JsonNode o, String key, String at) throws PartException {
      JsonNode a = array(o, key, at);
      long[] out = new long[a.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = count(a.get(i), join(at, key) + "[" + i + "]");
      }
      return out;
    }

    BigInteger big(JsonNode o, String key, String at) throws PartException {
      JsonNode v = get(o, key, at);
      if (!v.isIntegralNumber() || v.bigIntegerValue().signum() < 0 || v.bigIntegerValue().bitLength() > 127) {
        throw bad(join(at, key), "not a count below 2^127");
      }
      return v.bigIntegerValue();
    }

    private static String join(String at, String key) {
      return at.isEmpty() ? key : at + "." + key;
    }
  }
}
