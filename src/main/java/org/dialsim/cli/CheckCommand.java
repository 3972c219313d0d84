package org.dialsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dialsim.check.Assertion;
import org.dialsim.check.Baseline;
import org.dialsim.check.BaselineException;
import org.dialsim.check.GithubAnnotation;
import org.dialsim.check.JUnitXml;
import org.dialsim.check.ScenarioCheck;
import org.dialsim.chart.Warmup;
import org.dialsim.report.AtomicFiles;
import org.dialsim.report.IoReason;
import org.dialsim.report.Reports;
import org.dialsim.stats.RunReport;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Problem;
import org.dialsim.scenario.Scenario;
import org.dialsim.scenario.ScenarioException;
import org.dialsim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dialsim check}: run scenarios, judge their {@code expect:} assertions, compare with a baseline. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Run scenarios and judge their expect: assertions (for CI).",
    abbreviateSynopsis = true,
    synopsisHeading = "%nUsage: ",
    // one string per paragraph: picocli wraps it to the terminal (pre-wrapped lines wrap twice)
    description = {
      "Run each scenario as `dialsim run` does (and write the same report files), then judge its `expect:` "
          + "assertions: one PASS/FAIL line per assertion and result row, with the value, the bound and the 95%% "
          + "interval. Exits 1 when an assertion fails or a failure rate got significantly worse than in "
          + "--baseline, and 3 when a scenario or baseline is invalid (the other scenarios still run and are "
          + "reported).",
      "",
      "`mode: point` (the default) compares the estimate with the bound; `mode: confidence` fails only when the "
          + "whole 95%% Wilson interval lies beyond it. Only first_call_failure_rate, call_failure_rate and "
          + "failure_rate_by_call[K] have an interval: for every other metric, confidence mode compares the "
          + "estimate as point mode does.",
      "",
      "A scenario without `expect:` is noted and counts as passing. The same scenario and seed give the same "
          + "verdict on every machine and for any --threads.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  dialsim check scenarios/ci/retry-policy.yaml",
      "  dialsim check scenarios/ci/*.yaml --junit reports/junit.xml --format github",
      "  dialsim run scenarios/ci/retry-policy.yaml --out base",
      "  dialsim check scenarios/ci/retry-policy.yaml --baseline base/results.json",
      ExitCode.HELP_FOOTER
    })
public final class CheckCommand implements Callable<Integer> {
  /** How failures are shown besides the normal lines. */
  enum Format {
    /** The normal lines only. */
    text,
    /** Also GitHub Actions {@code ::error} annotations at the expectation's line. */
    github
  }

  @Parameters(arity = "1..*", paramLabel = "SCENARIO.yaml", description = "Scenario files.")
  List<Path> files;

  @Mixin
  RunOptions options;

  @Option(names = "--junit", paramLabel = "FILE",
      description = "Also write JUnit XML here (a suite per scenario, a test case per assertion).")
  Path junit;

  @Option(names = "--baseline", paramLabel = "results.json",
      description = "Compare with an earlier run's results.json (repeat for several scenarios; matched by scenario name).")
  List<Path> baselines = new ArrayList<>();

  @Option(names = "--tolerance", paramLabel = "X", defaultValue = "0",
      description = "How much worse (absolute, e.g. 0.005) a failure rate may get, significantly, before --baseline fails (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or github (adds ::error annotations for failures and invalid files). Default: ${DEFAULT-VALUE}.")
  Format format;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private PrintWriter out;
  private PrintWriter err;
  private int exit = ExitCode.OK;
  private int invalidBaselines;
  private final List<JUnitXml.Suite> suites = new ArrayList<>();

  @Override
  public Integer call() {
    Warmup.start(); // check writes each scenario's report: its chart classes load meanwhile
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    Scenarios.checkOptions(spec, options);
    if (!(tolerance >= 0 && tolerance <= 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--tolerance is an absolute difference of rates between 0 and 1, e.g. 0.005; was " + tolerance);
    }
    // every input is read before anything runs, so a typo shows at once, not after the simulation
    Map<String, Baseline> byName = readBaselines();
    List<LoadedScenario> loaded = new ArrayList<>();
    List<List<Assertion>> assertions = new ArrayList<>();
    for (Path f : files) {
      try {
        LoadedScenario ls = ScenarioLoader.load(f);
        assertions.add(Assertion.expand(ls));
        loaded.add(ls);
      } catch (ScenarioException e) {
        invalidScenario(f, e);
      } catch (IOException e) {
        // unreadable: reported like an invalid scenario (so the others still run), exit 4
        invalidScenario(f, new ScenarioException(List.of(new Problem(f.toString(), 0, 0, "",
            "cannot read the file: " + IoReason.of(e)))));
        worst(ExitCode.INTERNAL);
      }
    }
    // a second scenario with a known name would overwrite the first's reports: refuse it
    for (Scenarios.SameName same : Scenarios.sameNames(loaded)) {
      int i = loaded.indexOf(same.second());
      loaded.remove(i);
      assertions.remove(i);
      Path f = same.second().file();
      invalidScenario(f, new ScenarioException(List.of(new Problem(f.toString(), 0, 0, "name", same.problem()))));
    }
    Scenarios.checkWork(spec, options, loaded);
    unmatchedBaselines(byName, loaded);
    int passed = 0;
    int failed = 0;
    int regressions = 0;
    for (int i = 0; i < loaded.size(); i++) {
      ScenarioCheck c = check(loaded.get(i), assertions.get(i), byName);
      passed += c.verdicts().size() - c.failures().size();
      failed += c.failures().size();
      regressions += c.comparison() == null ? 0 : c.comparison().regressions().size();
      if (!c.passed()) {
        worst(ExitCode.EXPECTATION_FAILED);
      }
    }
    if (!options.quiet) {
      out.printf(java.util.Locale.ROOT, "check: %d passed, %d failed, %d regression(s), %d invalid input(s)%n",
          passed, failed, regressions, files.size() - loaded.size() + invalidBaselines);
    }
    writeJunit();
    out.flush();
    err.flush();
    return exit;
  }

  /**
   * Writes one scenario's report files exactly as {@code dialsim run} does, from the same pieces
   * (Scenarios, RunCommand.report, Reports), with the verdict on the page; returns the folder, or
   * null when they could not be written. A write failure is reported and remembered (exit 4) but
   * does not stop the check: the verdict does not depend on the files.
   */
  private Path write(RunReport report, String name) {
    Path dir = Scenarios.outputFolder(options.out, name, files.size() > 1);
    try {
      Reports.write(report, dir);
      return dir;
    } catch (IOException e) {
      err.println("dialsim: cannot write the report to " + dir + ": " + e.getMessage());
      worst(ExitCode.INTERNAL);
      return null;
    }
  }

  /** Runs one scenario, judges it, compares it with its baseline, writes its report and prints the lines. */
  private ScenarioCheck check(LoadedScenario ls, List<Assertion> assertions, Map<String, Baseline> byName) {
    long started = System.nanoTime();
    RunReport report = Scenarios.simulate(ls, options);
    String name = report.scenarioName();
    Baseline baseline = byName.get(name);
    ScenarioCheck c = ScenarioCheck.of(report, assertions, baseline, tolerance, (System.nanoTime() - started) / 1e9);
    Path dir = write(report.withChecked(c.checkedLines()), ls.points().get(0).name());
    c.lines(options.quiet).forEach(out::println);
    if (!options.quiet) {
      if (!byName.isEmpty() && baseline == null) {
        out.println("  note: no --baseline is of scenario " + name + "; not compared");
      }
      if (dir != null) {
        out.println("  report: " + dir.resolve(Reports.HTML)); // as run and merge name it
      }
    }
    if (format == Format.github) {
      c.annotations().forEach(out::println);
    }
    suites.add(c.suite());
    return c;
  }

  /** Reads every --baseline; a broken one is reported, and the scenarios still run. */
  private Map<String, Baseline> readBaselines() {
    Map<String, Baseline> byName = new LinkedHashMap<>();
    for (Path p : baselines) {
      try {
        Baseline b = Baseline.read(p);
        Baseline twin = byName.putIfAbsent(b.scenarioName(), b);
        if (twin != null) {
          invalidBaseline(p, p + ": is a second baseline of scenario " + b.scenarioName() + " (the first is "
              + twin.file() + "); give one per scenario");
        }
      } catch (BaselineException e) {
        invalidBaseline(p, e.getMessage());
      } catch (IOException e) {
        // missing, unreadable or a folder: an I/O error (exit 4), as for a scenario file
        invalidBaseline(p, p + ": cannot read the file: " + IoReason.of(e));
        worst(ExitCode.INTERNAL);
      }
    }
    return byName;
  }

  /** A baseline of a scenario that is not being checked is a mistake: most likely the wrong file. */
  private void unmatchedBaselines(Map<String, Baseline> byName, List<LoadedScenario> loaded) {
    List<String> names = loaded.stream().map(ls -> ls.points().get(0).name()).toList();
    for (Baseline b : List.copyOf(byName.values())) {
      if (!names.contains(b.scenarioName())) {
        byName.remove(b.scenarioName());
        invalidBaseline(Path.of(b.file()), b.file() + ": is the results.json of scenario " + b.scenarioName()
            + ", but " + (names.isEmpty() ? "no valid scenario is checked"
                : "the scenario" + (names.size() > 1 ? "s checked are " : " checked is ") + String.join(", ", names))
            + "; give the results.json of a run of the same scenario");
      }
    }
  }

  private void invalidBaseline(Path p, String message) {
    err.println("dialsim: baseline " + message);
    invalidBaselines++;
    worst(ExitCode.INVALID_SCENARIO);
    if (format == Format.github) {
      out.println(GithubAnnotation.error(p.toString(), 0, 0, "invalid baseline: " + message));
    }
    suites.add(JUnitXml.Suite.error(p.toString(), p.toString(), "baseline is a dialsim results.json",
        "invalid baseline: " + message, message, ScenarioCheck.properties(p.toString(), options.seed,
            options.replications, Version.get())));
  }

  private void invalidScenario(Path f, ScenarioException e) {
    err.println(e.getMessage());
    worst(ExitCode.INVALID_SCENARIO);
    List<Problem> problems = e.problems();
    if (format == Format.github) {
      for (Problem p : problems) {
        out.println(GithubAnnotation.error(p.file(), p.line(), p.column(), (p.key().isEmpty() ? "" : p.key() + ": ") + p.message()));
      }
    }
    String message = "invalid scenario: " + problems.get(0)
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
    suites.add(JUnitXml.Suite.error(f.toString(), f.toString(), "scenario is valid", message, e.getMessage(),
        ScenarioCheck.properties(f.toString(), options.seed, options.replications, Version.get())));
  }

  private void writeJunit() {
    if (junit == null) {
      return;
    }
    try {
      AtomicFiles.write(junit, JUnitXml.render("dialsim check", suites));
    } catch (IOException e) {
      err.println("dialsim: cannot write " + junit + ": " + e.getMessage());
      worst(ExitCode.INTERNAL);
    }
  }

  /** Keeps the most serious exit code: internal error, then invalid input, then a failed expectation. */
  private void worst(int code) {
    if (rank(code) > rank(exit)) {
      exit = code;
    }
  }

  private static int rank(int code) {
    return switch (code) {
      case ExitCode.OK -> 0;
      case ExitCode.EXPECTATION_FAILED -> 1;
      case ExitCode.INVALID_SCENARIO -> 2;
      default -> 3;
    };
  }
}
