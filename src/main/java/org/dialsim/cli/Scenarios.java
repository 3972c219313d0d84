package org.dialsim.cli;

import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dialsim.chart.Warmup;
import org.dialsim.model.Limits;
import org.dialsim.report.IoReason;
import org.dialsim.stack.StackConfig;
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
  private Scenarios() {}

  /**
   * What loading the files gave: the scenarios when all are valid, else the exit code to use
   * (3 for an invalid scenario, 4 when a file could not be read).
   *
   * @param scenarios the loaded scenarios, in the order given (empty after any problem)
   * @param exit 0 when all loaded
   */
  record Loaded(List<LoadedScenario> scenarios, int exit) {}

  /** Loads every file and prints every problem; nothing is returned unless all are valid. */
  static Loaded loadAll(List<Path> files, PrintWriter err) {
    List<LoadedScenario> out = new ArrayList<>();
    int exit = ExitCode.OK;
    for (Path f : files) {
      try {
        out.add(ScenarioLoader.load(f));
      } catch (ScenarioException e) {
        err.println(e.getMessage());
        exit = Math.max(exit, ExitCode.INVALID_SCENARIO);
      } catch (IOException e) {
        err.println(unreadable(f, e));
        exit = Math.max(exit, ExitCode.INTERNAL);
      }
    }
    for (SameName same : sameNames(out)) {
      err.println(same.message());
      exit = Math.max(exit, ExitCode.INVALID_SCENARIO);
    }
    err.flush();
    return new Loaded(exit == ExitCode.OK ? out : List.of(), exit);
  }

  /** The message for a scenario file that cannot be read: missing, a directory, no permission. */
  static String unreadable(Path f, IOException e) {
    return f + ": cannot read the file: " + IoReason.of(e);
  }

  /**
   * A scenario whose name an earlier file already has: both would write into one report folder
   * (and one baseline would match both), so the second is refused.
   *
   * @param second the later scenario
   * @param first the file that has the name first
   */
  record SameName(LoadedScenario second, Path first) {
    /** What is wrong and how to fix it, without the file. */
    String problem() {
      return "\"" + second.points().get(0).name() + "\" is also the name of " + first
          + "; scenarios run together write to reports/<name>/, so give each its own name";
    }

    /** The one-line message, file first. */
    String message() {
      return second.file() + ": name: " + problem();
    }
  }

  /** Every scenario that repeats an earlier one's name, in order. */
  static List<SameName> sameNames(List<LoadedScenario> loaded) {
    java.util.Map<String, Path> seen = new java.util.HashMap<>();
    List<SameName> out = new ArrayList<>();
    for (LoadedScenario ls : loaded) {
      Path first = seen.putIfAbsent(ls.points().get(0).name(), ls.file());
      if (first != null) {
        out.add(new SameName(ls, first));
      }
    }
    return out;
  }

  /**
   * Refuses a --replications that would make a scenario exceed the loader's work limit (the
   * file's own replications were checked when it was loaded), as a usage error.
   */
  static void checkWork(CommandLine.Model.CommandSpec spec, RunOptions o, List<LoadedScenario> loaded) {
    if (o.replications == null) {
      return;
    }
    for (LoadedScenario ls : loaded) {
      if (ScenarioLoader.calls(ls.points(), o.replications) > ScenarioLoader.maxCalls()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--replications " + o.replications + " would make "
            + ls.file() + " simulate more than " + ScenarioLoader.maxCalls()
            + " calls (clients.count x calls.per_client x replications x configurations x sweep points); use fewer");
      }
    }
  }

  /** Refuses option values that cannot work, as usage errors (exit 2). */
  static void checkOptions(CommandLine.Model.CommandSpec spec, RunOptions o) {
    if (o.replications != null && (o.replications < 1 || o.replications > Limits.MAX_REPLICATIONS)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--replications must be between 1 and " + Limits.MAX_REPLICATIONS + ", was " + o.replications);
    }
    if (o.threads != null && (o.threads < 1 || o.threads > Limits.MAX_THREADS)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--threads must be between 1 and " + Limits.MAX_THREADS + ", was " + o.threads);
    }
  }

  /**
   * Simulates one scenario as {@code run} and {@code check} both do: seed and replications from
   * the options or else the file, a progress bar when a person watches.
   */
  static RunReport simulate(LoadedScenario ls, RunOptions options) {
    Scenario first = ls.points().get(0);
    long seed = options.seedFor(first);
    int replications = options.replicationsFor(first);
    ProgressBar bar = ProgressBar.forTerminal(options.quiet, first.name());
    // the chart warm-up the command started waits while a long run's first chunk of replications
    // runs (HOLD_WARMUP_CALLS); a short run lets it go at once
    Runner.Progress progress = bar;
    if (ScenarioLoader.calls(ls.points(), replications) >= HOLD_WARMUP_CALLS) {
      Warmup.hold();
      progress = (done, total) -> {
        Warmup.release();
        if (bar != null) {
          bar.advance(done, total);
        }
      };
    } else {
      Warmup.release();
    }
    List<Runner.Result> results;
    try {
      results = Experiment.run(ls.points(), seed, replications, options.threads(), progress);
    } finally {
      Warmup.release();
    }
    if (bar != null) {
      bar.finish();
    }
    return report(ls, seed, replications, results);
  }

  /**
   * From how many calls a run holds the chart warm-up until its first chunk of replications is
   * done. The warm-up starts AWT and fontconfig, whose string concatenations the JDK spins into
   * some 80 classes, which makes its bytecode writer hot enough for C2 to spend half a second on
   * it (JFR jdk.ClassLoad, jdk.Compilation): on two cores that kept the one C2 thread busy through
   * bench-1's first replication, so the simulation ran longer in C1 code. Held, bench-1 (4 M calls)
   * took 6.62 s → 6.09 s on one thread (median of 8 alternated runs, 7 faster) and 6.24 s → 5.77 s
   * on two (of 6); the warm-up still ends long before the report. A run of a few hundred thousand
   * calls is over before that matters, and its report would wait for the warm-up.
   */
  static final long HOLD_WARMUP_CALLS = 1_000_000;

  /**
   * The report of a run of {@code ls} from its jobs' results, in run order: how run and check
   * build it, and how merge builds it from the parts' counts, so the files come out the same.
   */
  static RunReport report(LoadedScenario ls, long seed, int replications, List<Runner.Result> results) {
    Scenario first = ls.points().get(0);
    List<ResultRow> rows = new ArrayList<>();
    for (Runner.Result r : results) {
      StackConfig stack = r.job().configuration().stack();
      rows.add(new ResultRow(r.job().configuration().name(), r.job().point(), r.metrics(), stack.attemptLimitNs(),
          stack.deadlineNs()));
    }
    RunReport report = new RunReport(first.name(), first.title(), first.description(), ls.file().toString(), seed,
        replications, ls.sweep(), rows, ls.resolvedJson(), Version.get());
    // the file as it was read (merge takes it from the parts, so no file is read again), and each
    // configuration's first failed call, both told in index.html
    return FirstFailures.attach(report.withScenarioText(ls.text()), ls, seed, results);
  }

  /** Where a scenario's files go. */
  static Path outputFolder(Path out, String scenarioName, boolean several) {
    if (out == null) {
      return Path.of("reports", scenarioName);
    }
    return several ? out.resolve(scenarioName) : out;
  }
}
