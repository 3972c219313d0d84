package org.dialsim.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.stats.CheckedLine;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;

/**
 * What checking one scenario found: a verdict per assertion and, with a baseline, the
 * comparison. Renders itself as console lines, GitHub annotations and a JUnit test suite.
 *
 * @param report the run's report (scenario name, file, seed, replications, version)
 * @param verdicts one per assertion, in the order of {@code expect:}
 * @param comparison the comparison with a baseline, or null without one
 * @param seconds wall time of the run and its report files
 */
public record ScenarioCheck(RunReport report, List<Verdict> verdicts, Comparison comparison, double seconds) {
  /** Copies the list. */
  public ScenarioCheck {
    verdicts = List.copyOf(verdicts);
  }

  /**
   * Judges every assertion against the run's rows and, when {@code baseline} is not null,
   * compares the run with it.
   */
  public static ScenarioCheck of(RunReport report, List<Assertion> assertions, Baseline baseline, double tolerance,
      double seconds) {
    Map<Map.Entry<String, Map<String, String>>, ResultRow> rows = new LinkedHashMap<>();
    for (ResultRow r : report.rows()) {
      rows.put(Map.entry(r.configuration(), r.point()), r);
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (Assertion a : assertions) {
      ResultRow row = rows.get(Map.entry(a.configuration(), a.point()));
      if (row == null) {
        // Assertion.expand builds assertions from the same points and configurations the run ran
        throw new IllegalStateException("no result row for " + a.where());
      }
      verdicts.add(a.judge(row.metrics()));
    }
    Comparison c = baseline == null ? null : Comparison.of(baseline, report, tolerance);
    return new ScenarioCheck(report, verdicts, c, seconds);
  }

  /** True when every assertion holds and no rate regressed against the baseline. */
  public boolean passed() {
    return failures().isEmpty() && (comparison == null || comparison.regressions().isEmpty());
  }

  /**
   * The verdict for the report's page: every assertion, then every metric that regressed
   * against the baseline (a regression fails the check as a failed assertion does).
   */
  public List<CheckedLine> checkedLines() {
    List<CheckedLine> out = new ArrayList<>();
    for (Verdict v : verdicts) {
      out.add(new CheckedLine(v.passed(), v.assertion().where(), v.details(), v.passed() ? "" : v.reason()));
    }
    if (comparison != null) {
      for (Change r : comparison.regressions()) {
        out.add(new CheckedLine(false, r.where(), r.details(), "regressed against the " + comparison.header()));
      }
    }
    return out;
  }

  /** The assertions that do not hold. */
  public List<Verdict> failures() {
    return verdicts.stream().filter(v -> !v.passed()).toList();
  }

  /**
   * The console lines. In full: a header, every assertion and every compared metric. Quiet:
   * only failed assertions and regressions, each prefixed with the scenario's name.
   */
  public List<String> lines(boolean quiet) {
    List<String> out = new ArrayList<>();
    String name = report.scenarioName();
    if (quiet) {
      failures().forEach(v -> out.add(name + ": " + v.line()));
      if (comparison != null) {
        comparison.regressions().forEach(c -> out.add(name + ": " + c.line()));
      }
      return out;
    }
    out.add(name + " (" + report.scenarioFile() + "): seed " + report.seed() + ", " + report.replications() + " replications");
    if (verdicts.isEmpty()) {
      out.add("  note: no expectations (no expect: entries); nothing to assert, counted as passing");
    }
    verdicts.forEach(v -> out.add("  " + v.line()));
    if (comparison != null) {
      out.add("  " + comparison.header());
      out.addAll(changeLines(comparison.changes()));
    }
    return out;
  }

  /**
   * A line per metric that moved; the unchanged ones of a row folded into one line, so that an
   * identical rerun reads as one line per row ({@code unchanged  UCMA 4.0: all 16 metrics}).
   */
  static List<String> changeLines(List<Change> changes) {
    Map<String, List<Change>> byRow = new LinkedHashMap<>();
    for (Change c : changes) {
      byRow.computeIfAbsent(c.where(), k -> new ArrayList<>()).add(c);
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<Change>> row : byRow.entrySet()) {
      long same = 0;
      for (Change c : row.getValue()) {
        if (c.status() == Change.Status.UNCHANGED) {
          same++;
        } else {
          out.add("    " + c.line());
        }
      }
      if (same > 0) {
        String what = same == row.getValue().size() ? "all " + same + " metrics" : same + " other metric" + (same == 1 ? "" : "s");
        out.add("    " + Change.Status.UNCHANGED.label() + "  " + row.getKey() + ": " + what);
      }
    }
    return out;
  }

  /** GitHub error annotations: failed assertions at their {@code expect:} line, regressions on the file. */
  public List<String> annotations() {
    List<String> out = new ArrayList<>();
    String file = report.scenarioFile();
    for (Verdict v : failures()) {
      var e = v.assertion().expectation();
      out.add(GithubAnnotation.error(file, e.line(), e.column(), report.scenarioName() + ": " + v.message()));
    }
    if (comparison != null) {
      for (Change c : comparison.regressions()) {
        out.add(GithubAnnotation.error(file, 0, 0, report.scenarioName() + ": worse than " + comparison.baseline().file()
            + ": " + c.line()));
      }
    }
    return out;
  }

  /** The properties a JUnit suite carries: how to reproduce the run. */
  public static Map<String, String> properties(String file, Long seed, Integer replications, String version) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("scenario_file", file);
    if (seed != null) {
      p.put("seed", Long.toString(seed));
    }
    if (replications != null) {
      p.put("replications", Integer.toString(replications));
    }
    p.put("dialsim_version", version);
    return p;
  }

  /**
   * The JUnit suite: a case per assertion (a skipped one when there are none) and, with a
   * baseline, a case per compared row that fails when one of its rates regressed.
   */
  public JUnitXml.Suite suite() {
    String name = report.scenarioName();
    String file = report.scenarioFile();
    List<JUnitXml.Case> cases = new ArrayList<>();
    for (Verdict v : verdicts) {
      cases.add(v.passed() ? JUnitXml.Case.passed(name, v.assertion().name(), file)
          : new JUnitXml.Case(name, v.assertion().name(), file, JUnitXml.Kind.FAILED, v.message(),
              v.line() + "\n" + file + ":" + v.assertion().expectation().line() + ":" + v.assertion().expectation().column()
                  + ": expect[" + v.assertion().index() + "]"));
    }
    if (verdicts.isEmpty()) {
      cases.add(new JUnitXml.Case(name, "expectations", file, JUnitXml.Kind.SKIPPED,
          "the scenario has no expect: entries; nothing to assert", ""));
    }
    if (comparison != null) {
      cases.addAll(baselineCases(name, file));
    }
    return new JUnitXml.Suite(name, file, seconds,
        properties(file, report.seed(), report.replications(), report.version()), cases);
  }

  private List<JUnitXml.Case> baselineCases(String name, String file) {
    // one case per row keeps the report readable and its names stable; the message names each rate
    Map<String, List<Change>> byRow = new LinkedHashMap<>();
    for (Change c : comparison.changes()) {
      if (c.before() != null && c.after() != null && c.before().isRate() && c.after().isRate()) {
        byRow.computeIfAbsent(c.where(), k -> new ArrayList<>()).add(c);
      }
    }
    List<JUnitXml.Case> out = new ArrayList<>();
    for (Map.Entry<String, List<Change>> row : byRow.entrySet()) {
      String caseName = row.getKey() + ": failure rates not significantly worse than the baseline";
      List<Change> bad = row.getValue().stream().filter(c -> c.status() == Change.Status.REGRESSED).toList();
      if (bad.isEmpty()) {
        out.add(JUnitXml.Case.passed(name, caseName, file));
      } else {
        List<String> lines = new ArrayList<>();
        bad.forEach(c -> lines.add(c.line()));
        out.add(new JUnitXml.Case(name, caseName, file, JUnitXml.Kind.FAILED,
            "regressed against " + comparison.baseline().file() + ": " + String.join("; ", lines),
            comparison.header() + "\n" + String.join("\n", lines)));
      }
    }
    return out;
  }
}
