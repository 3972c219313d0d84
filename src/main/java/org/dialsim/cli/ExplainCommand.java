package org.dialsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dialsim.chart.ChartImages;
import org.dialsim.chart.Theme;
import org.dialsim.chart.Timeline;
import org.dialsim.report.AtomicFiles;
import org.dialsim.report.Explanation;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.scenario.Suggest;
import org.dialsim.sim.CallSearch;
import org.dialsim.sim.CallTrace;
import org.dialsim.sim.Plan;
import org.dialsim.sim.World;
import org.dialsim.stack.Configuration;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dialsim explain}: one call, attempt by attempt. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Tell one call attempt by attempt, with a timeline chart.",
    abbreviateSynopsis = true,
    synopsisHeading = "%nUsage: ",
    description = {
      "Replay one call of a run and tell it attempt by attempt: the DNS exchange, the order the stack chose "
          + "and why, every attempt with its SYN times and outcome, and a one-sentence verdict. The call is "
          + "exactly the one `dialsim run` counted (same seed, same streams). With call retries, each try is "
          + "told on its own. Also writes the call's timeline as timeline.png and timeline.svg.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  dialsim explain scenarios/ucma-first-call.yaml \\",
      "      --configuration 'UCMA 4.0' --find first-failure",
      "  dialsim explain scenarios/shared-host.yaml --client 3 --replication 12",
      "  dialsim explain scenarios/ucma-first-call.yaml --find slowest --json",
      "  dialsim explain scenarios/deadline-sweep.yaml --at deadline=45s --find slowest",
      ExitCode.HELP_FOOTER
    })
public final class ExplainCommand implements Callable<Integer> {
  /** Built on first use: databind costs half a second of class loading, and most runs never need it. */
  private static final class Lazy {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file.")
  Path file;

  @Option(names = "--configuration", paramLabel = "NAME", description = "Configuration to explain (default: the first).")
  String configuration;

  @Option(names = "--client", paramLabel = "I", description = "Client instance, from 0 (default: 0).")
  int client;

  @Option(names = "--call", paramLabel = "K", description = "Call of that client, from 1: call 1 is its first (default: 1).")
  int call = 1;

  @Option(names = "--replication", paramLabel = "R", description = "Replication, from 0 (default: 0).")
  int replication;

  @Option(names = "--find", paramLabel = "WHAT", converter = FindConverter.class, completionCandidates = FindConverter.class,
      description = "Pick an interesting call instead: failed (the first failed call: lowest replication, earliest end,"
          + " ties to the lower client, then call; the one the report tells), first-failure (the same among clients' first"
          + " calls) or slowest. Searches the scenario's replications; when none has such a call, says so and exits 0"
          + " (with --json: {\"found\": false, \"reason\": ...}).")
  CallSearch.Target find;

  @Option(names = "--at", paramLabel = "PATH=VALUE",
      description = "In a sweep, the point to explain, e.g. --at deadline=20s (repeat for each swept path; default: the first point).")
  java.util.Map<String, String> at = new java.util.LinkedHashMap<>();

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: the scenario's).")
  Long seed;

  @Option(names = "--json", description = "Print the call as one JSON object instead of text: configuration, client, "
      + "call, replication, dns, order, attempts, tries, outcome, connected_address, elapsed_s and reason.")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where the timeline chart goes (default: reports/<scenario name>/): timeline.png and timeline.svg.")
  Path out;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter printer = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenarios.Loaded load = Scenarios.loadAll(List.of(file), err);
    if (load.exit() != ExitCode.OK) {
      return load.exit();
    }
    List<LoadedScenario> loaded = load.scenarios();
    Scenario s = point(loaded.get(0));
    Configuration conf = pick(s);
    long theSeed = seed != null ? seed : s.seed();
    int clients = s.topology().workload().clients();
    int perClient = s.topology().workload().callsPerClient();
    Plan plan = new Plan(s.topology(), conf.stack());
    World world = new World(plan, theSeed);
    if (find != null) {
      CallSearch.Found found = CallSearch.find(world, s.replications(), find);
      if (found == null) {
        // an answer, not an error: exit 1 is only for a failed expectation (SPEC 4)
        printer.print(json ? notFoundJson(conf.name(), s.replications()) : notFound(conf.name(), s.replications()) + "\n");
        printer.flush();
        return ExitCode.OK;
      }
      replication = found.replication();
      client = found.client();
      call = found.call() + 1;
    }
    check(client >= 0 && client < clients, "--client must be in 0.." + (clients - 1) + " (clients.count is " + clients + ")");
    check(call >= 1 && call <= perClient, "--call must be in 1.." + perClient + " (calls.per_client is " + perClient + ")");
    check(replication >= 0 && replication < s.replications(), "--replication must be in 0.." + (s.replications() - 1));
    CallTrace trace = world.trace(replication, client, call - 1, (c, i, ok, e, a, w) -> { });
    Explanation e = new Explanation(conf.name(), conf.stack(), trace);
    Path dir = out != null ? out : Path.of("reports", s.name());
    Path png = dir.resolve("timeline.png");
    Path svg = dir.resolve("timeline.svg");
    try {
      JFreeChart chart = Timeline.chart(Timeline.model(conf.name(), trace), e.verdict(), Theme.DEFAULT);
      byte[] pngBytes = ChartImages.png(chart, Theme.DEFAULT);
      byte[] svgBytes = ChartImages.svg(chart, Theme.DEFAULT);
      AtomicFiles.write(png, pngBytes);
      AtomicFiles.write(svg, svgBytes);
    } catch (IOException ex) {
      err.println("dialsim: cannot write the timeline to " + dir + ": " + ex.getMessage());
      return ExitCode.INTERNAL;
    }
    printer.print(json ? e.json() : e.text() + "\ntimeline: " + png + ", " + svg + "\n");
    printer.flush();
    return ExitCode.OK;
  }

  /** The sentence for a --find that found nothing: {@code UCMA 4.0: no call failed in 100 replications ...}. */
  private String notFound(String configurationName, int replications) {
    String what = switch (find) {
      case FAILED -> "no call failed";
      case FIRST_FAILURE -> "no client's first call failed";
      case SLOWEST -> "no call ended";
    };
    String where = at.isEmpty() ? "" : " at " + at;
    return configurationName + where + ": " + what + " in " + replications + " replications; nothing to explain";
  }

  /** The --json answer for a --find that found nothing: {@code found} false and the sentence. */
  private String notFoundJson(String configurationName, int replications) {
    ObjectNode o = Lazy.JSON.createObjectNode();
    o.put("configuration", configurationName);
    o.put("find", find.key());
    o.put("found", false);
    o.put("replications", replications);
    o.put("reason", notFound(configurationName, replications) + ".");
    try {
      return Lazy.JSON.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void check(boolean ok, String message) {
    if (!ok) {
      throw new CommandLine.ParameterException(spec.commandLine(), message);
    }
  }

  /** The sweep point --at names (all of its given paths match), or the first point. */
  private Scenario point(LoadedScenario ls) {
    for (String path : at.keySet()) {
      if (!ls.sweptPaths().contains(path)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--at " + path + ": not a swept path"
            + (ls.sweptPaths().isEmpty() ? "; this scenario has no sweep" : "; swept: " + String.join(", ", ls.sweptPaths())));
      }
    }
    for (Scenario p : ls.points()) {
      if (at.entrySet().stream().allMatch(e -> e.getValue().equals(p.point().get(e.getKey())))) {
        return p;
      }
    }
    List<String> points = ls.points().stream().map(p -> p.point().toString()).toList();
    throw new CommandLine.ParameterException(spec.commandLine(),
        "no sweep point has " + at + "; the points are: " + String.join(" ", points));
  }

  private Configuration pick(Scenario s) {
    if (configuration == null) {
      return s.configurations().get(0);
    }
    for (Configuration c : s.configurations()) {
      if (c.name().equals(configuration)) {
        return c;
      }
    }
    List<String> names = s.configurations().stream().map(Configuration::name).toList();
    // each name quoted: names hold commas ("sequential, 30 s limit"), and quoted they paste as they are
    String near = Suggest.nearest(configuration, names).map(n -> " did you mean '" + n + "'?").orElse("");
    throw new CommandLine.ParameterException(spec.commandLine(), "no configuration named '" + configuration + "';" + near
        + " the scenario has: " + String.join(", ", names.stream().map(n -> "'" + n + "'").toList()));
  }

  /** Accepts first-failure as well as first_failure; offers the dashed names for completion. */
  static final class FindConverter implements CommandLine.ITypeConverter<CallSearch.Target>, Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(CallSearch.Target.values()).map(CallSearch.Target::key).iterator();
    }

    @Override
    public CallSearch.Target convert(String value) {
      try {
        return CallSearch.Target.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("expected failed, first-failure or slowest, not '" + value + "'");
      }
    }
  }
}
