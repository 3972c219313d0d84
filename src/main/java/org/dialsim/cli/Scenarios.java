package org.dialsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.sim.Experiment;
import org.dialsim.sim.Runner;
import org.dialsim.scenario.ScenarioException;
import org.dialsim.scenario.ScenarioLoader;
import picocli.CommandLine;

/** Loading scenario files and checking run options, shared by the commands. */
final class Scenarios {
  /** Replications beyond this are refused as a usage error (the loader's own limit). */
  static final int MAX_REPLICATIONS = 1_000_000;
  /** Threads beyond this are refused as a usage error. */
  static final int MAX_THREADS = 1024;

  private Scenarios() {}

  /** Loads every file; prints every problem and returns null when any file is invalid. */
  static List<LoadedScenario> loadAll(List<Path> files, PrintWriter err) {
    List<LoadedScenario> out = new ArrayList<>();
    boolean bad = false;
    for (Path f : files) {
      try {
        out.add(ScenarioLoader.load(f));
      } catch (ScenarioException e) {
        err.println(e.getMessage());
        bad = true;
      }
    }
    err.flush();
    return bad ? null : out;
  }

  /** Refuses option values that cannot work, as usage errors (exit 2). */
  static void checkOptions(CommandLine.Model.CommandSpec spec, RunOptions o) {
    if (o.replications != null && (o.replications < 1 || o.replications > MAX_REPLICATIONS)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--replications must be between 1 and " + MAX_REPLICATIONS + ", was " + o.replications);
    }
    if (o.threads != null && (o.threads < 1 || o.threads > MAX_THREADS)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--threads must be between 1 and " + MAX_THREADS + ", was " + o.threads);
    }
  }

  /**
   * Simulates one scenario as {@code run} and {@code check} both do: seed and replications from
   * the options or else the file, a progress bar when a person watches.
   */
  static RunReport simulate(LoadedScenario ls, RunOptions options) {
    Scenario first = ls.points().get(0);
    long seed = options.seed != null ? options.seed : first.seed();
    int replications = options.replications != null ? options.replications : first.replications();
    ProgressBar bar = ProgressBar.forTerminal(options.quiet, first.name());
    List<Runner.Result> results = Experiment.run(ls.points(), seed, replications, options.threads(), bar);
    if (bar != null) {
      bar.finish();
    }
    List<ResultRow> rows = new ArrayList<>();
    for (Runner.Result r : results) {
      rows.add(new ResultRow(r.job().configuration().name(), r.job().point(), r.metrics(), r.job().configuration().stack()));
    }
    return new RunReport(first.name(), first.title(), first.description(), ls.file().toString(), seed, replications,
        ls.sweptPaths(), rows, ls.resolvedJson(), Version.get());
  }

  /** Where a scenario's files go. */
  static Path outputFolder(Path out, String scenarioName, boolean several) {
    if (out == null) {
      return Path.of("reports", scenarioName);
    }
    return several ? out.resolve(scenarioName) : out;
  }
}
