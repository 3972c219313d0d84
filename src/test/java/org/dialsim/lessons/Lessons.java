package org.dialsim.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.report.Explanation;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.scenario.ScenarioException;
import org.dialsim.scenario.ScenarioLoader;
import org.dialsim.sim.CallTrace;
import org.dialsim.sim.Experiment;
import org.dialsim.sim.Plan;
import org.dialsim.sim.Runner;
import org.dialsim.sim.World;
import org.dialsim.stack.Configuration;
import org.dialsim.stats.Metrics;

/**
 * The lesson scenarios under {@code scenarios/lessons/}, run through the public API the way
 * {@code dialsim run} and {@code dialsim explain} run them.
 */
final class Lessons {
  /** Where the lessons live, relative to the project directory (Surefire's working directory). */
  static final Path DIR = Path.of("scenarios", "lessons");

  /** Every lesson file, in teaching order. */
  static final List<String> FILES = List.of(
      "01-only-two-addresses-tried.yaml",
      "02-broken-ipv6-path.yaml",
      "03-shared-host.yaml",
      "04-extra-dns-entries.yaml",
      "05-listener-family-mismatch.yaml",
      "06-hosts-file-vs-dns.yaml",
      "07-learning-at-startup.yaml",
      "08-address-family-hint.yaml",
      "09-happy-eyeballs-rescue.yaml",
      "10-round-robin-vs-longest-prefix.yaml",
      "11-http3-udp-blocked.yaml",
      "12-stale-ipv6hint.yaml",
      "13-slow-https-record.yaml");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Lessons() {}

  /** Loads a lesson by file name. */
  static LoadedScenario load(String file) {
    try {
      return ScenarioLoader.load(DIR.resolve(file));
    } catch (ScenarioException | java.io.IOException e) {
      throw new AssertionError(file + " does not load: " + e.getMessage(), e);
    }
  }

  /** The scenario of a lesson without a sweep (or its first sweep point). */
  static Scenario scenario(String file) {
    return load(file).points().get(0);
  }

  /** A configuration by name. */
  static Configuration configuration(Scenario s, String name) {
    return s.configurations().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no configuration " + name + " in " + s.name()));
  }

  /** Metrics of every (point, configuration) of a run at the scenario's own seed and replications. */
  static final class Run {
    final List<Runner.Result> results;

    Run(LoadedScenario l) {
      Scenario first = l.points().get(0);
      results = Experiment.run(l.points(), first.seed(), first.replications(), 2, null);
    }

    /** The metrics of one configuration at sweep point {@code point} (0 without a sweep). */
    Metrics at(int point, String configuration) {
      List<Map<String, String>> points = new ArrayList<>();
      for (Runner.Result r : results) {
        if (!points.contains(r.job().point())) {
          points.add(r.job().point());
        }
      }
      Map<String, String> wanted = points.get(point);
      return results.stream()
          .filter(r -> r.job().point().equals(wanted) && r.job().configuration().name().equals(configuration))
          .findFirst().orElseThrow(() -> new AssertionError("no result for " + configuration)).metrics();
    }

    /** The metrics of one configuration of a scenario without a sweep. */
    Metrics of(String configuration) {
      return at(0, configuration);
    }
  }

  /** Runs a lesson as {@code dialsim run} does. */
  static Run run(String file) {
    return new Run(load(file));
  }

  /** One call as a {@link org.dialsim.sim.CallSink} received it. */
  record Counted(int client, int index, boolean connected, long establishNs, int attempts, long wastedNs) {}

  /** Every call of replication {@code r}, as the run counts it, keyed by "client/index". */
  static Map<String, Counted> counted(Scenario s, Configuration c, int r) {
    Map<String, Counted> out = new LinkedHashMap<>();
    new World(new Plan(s.topology(), c.stack()), s.seed()).run(r, (cl, i, ok, e, a, w) ->
        out.put(cl + "/" + i, new Counted(cl, i, ok, e, a, w)));
    return out;
  }

  /** The trace of call {@code index} (from 0) of {@code client} in replication {@code r}. */
  static CallTrace trace(Scenario s, Configuration c, int r, int client, int index) {
    return new World(new Plan(s.topology(), c.stack()), s.seed()).trace(r, client, index, (cl, i, ok, e, a, w) -> { });
  }

  /** The SPEC 4 JSON object {@code dialsim explain --json} prints for that trace. */
  static JsonNode explain(Configuration c, CallTrace t) {
    return parse(new Explanation(c.name(), c.stack(), t).json());
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The attempts of an explanation, one line each:
   * {@code ADDRESS HOST START END OUTCOME [SYN SYN ...]}, seconds from the call's start written
   * exactly ({@code 21.005}, {@code 30}); {@code -} for the times of a not-started address and
   * {@code (none)} for an address no host owns.
   */
  static List<String> attempts(JsonNode explanation) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : explanation.get("attempts")) {
      StringBuilder syns = new StringBuilder("[");
      for (JsonNode s : a.get("syns_s")) {
        syns.append(syns.length() > 1 ? " " : "").append(seconds(s));
      }
      out.add(String.join(" ", a.get("address").asText(), a.get("host").isNull() ? "(none)" : a.get("host").asText(),
          seconds(a.get("start_s")), seconds(a.get("end_s")), a.get("outcome").asText(), syns.append(']').toString()));
    }
    return out;
  }

  /** A JSON number of seconds written exactly and briefly, {@code -} for null. */
  static String seconds(JsonNode n) {
    return n.isNull() ? "-" : BigDecimal.valueOf(n.asDouble()).stripTrailingZeros().toPlainString();
  }

  /** Splits a shell command line as written in the README: spaces, and '...' quoting. */
  static List<String> words(String command) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char ch : command.toCharArray()) {
      if (ch == '\'') {
        quoted = !quoted;
        any = true;
      } else if (ch == ' ' && !quoted) {
        if (any) {
          out.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(ch);
        any = true;
      }
    }
    if (quoted) {
      throw new AssertionError("unbalanced quote in: " + command);
    }
    if (any) {
      out.add(w.toString());
    }
    return out;
  }
}
