package org.dialsim.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;

/**
 * A run compared with a baseline: rows matched by configuration name and sweep point, every
 * metric of a matched row compared, and every rate tested with the two-proportion z-test.
 *
 * @param baseline the baseline
 * @param tolerance how much worse (absolute) a rate may get, significantly, before check fails
 * @param changes the compared metrics: this run's rows in order, then rows only the baseline has
 */
public record Comparison(Baseline baseline, double tolerance, List<Change> changes) {
  /** Copies the list. */
  public Comparison {
    changes = List.copyOf(changes);
  }

  /** Compares {@code run} with {@code baseline}. */
  public static Comparison of(Baseline baseline, RunReport run, double tolerance) {
    Map<Map.Entry<String, Map<String, String>>, Baseline.Row> before = new HashMap<>();
    for (Baseline.Row r : baseline.rows()) {
      before.put(Map.entry(r.configuration(), r.point()), r);
    }
    List<Change> changes = new ArrayList<>();
    for (ResultRow row : run.rows()) {
      Baseline.Row old = before.remove(Map.entry(row.configuration(), row.point()));
      Map<String, Observation> now = new LinkedHashMap<>();
      for (Metric m : Metric.all(row.metrics())) {
        now.put(m.name(), m.observe(row.metrics()));
      }
      compare(row.configuration(), row.point(), old == null ? Map.of() : old.metrics(), now, tolerance, changes);
    }
    for (Baseline.Row old : baseline.rows()) {
      // rows left over exist only in the baseline (a configuration removed or renamed, a point no longer swept)
      if (before.remove(Map.entry(old.configuration(), old.point())) != null) {
        compare(old.configuration(), old.point(), old.metrics(), Map.of(), tolerance, changes);
      }
    }
    return new Comparison(baseline, tolerance, changes);
  }

  private static void compare(String configuration, Map<String, String> point, Map<String, Observation> before,
      Map<String, Observation> after, double tolerance, List<Change> out) {
    Map<String, Observation> union = new LinkedHashMap<>(after);
    before.forEach(union::putIfAbsent);
    for (String metric : union.keySet()) {
      Observation b = before.get(metric);
      Observation a = after.get(metric);
      double p = Double.NaN;
      Change.Status status;
      if (b == null) {
        status = Change.Status.ONLY_IN_RUN;
      } else if (a == null) {
        status = Change.Status.ONLY_IN_BASELINE;
      } else if (b.isRate() && a.isRate()) {
        p = b.trials() <= 0 || a.trials() <= 0 ? Double.NaN
            : TwoProportions.pValue((double) b.failures() / b.trials(), b.effectiveTrials(),
                (double) a.failures() / a.trials(), a.effectiveTrials());
        status = rateStatus(b, a, p, tolerance);
      } else {
        boolean same = Double.compare(a.value(), b.value()) == 0; // NaN equals NaN here: both had no value
        status = same ? Change.Status.UNCHANGED : Change.Status.CHANGED;
      }
      out.add(new Change(configuration, point, metric, b, a, p, status));
    }
  }

  private static Change.Status rateStatus(Observation b, Observation a, double p, double tolerance) {
    if (a.failures() == b.failures() && a.trials() == b.trials()) {
      return Change.Status.UNCHANGED; // the same counts: nothing moved, nothing to test
    }
    if (Double.isNaN(p)) {
      return Change.Status.UNTESTED;
    }
    if (p >= TwoProportions.ALPHA) {
      return Change.Status.NOT_SIGNIFICANT;
    }
    double worse = a.value() - b.value(); // failure rates: higher is worse
    if (worse > 0) {
      return worse > tolerance ? Change.Status.REGRESSED : Change.Status.WORSE;
    }
    return Change.Status.BETTER;
  }

  /** The changes that make check fail. */
  public List<Change> regressions() {
    return changes.stream().filter(c -> c.status() == Change.Status.REGRESSED).toList();
  }

  /** The first line of the comparison's report: which baseline, and how it was run. */
  public String header() {
    return "baseline " + baseline.file() + " (seed " + baseline.seed() + ", " + baseline.replications()
        + " replications, dialsim " + baseline.version() + "), tolerance " + NumberText.of(tolerance);
  }
}
