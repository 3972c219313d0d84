package org.dialsim.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialsim.scenario.Expectation;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Problem;
import org.dialsim.scenario.Scenario;
import org.dialsim.scenario.ScenarioException;
import org.dialsim.stack.Configuration;
import org.dialsim.stats.Metrics;
import org.dialsim.stats.Rate;

/**
 * One {@code expect:} entry applied to one result row. An entry without {@code configuration}
 * covers every configuration and one without {@code at} every sweep point, so it expands into
 * one assertion per row it covers; each is judged and reported on its own.
 *
 * @param expectation the entry as the loader read it (with its line and column)
 * @param index the entry's place in {@code expect:}, from 0
 * @param configuration the configuration of the row
 * @param point the sweep point of the row (empty without a sweep)
 * @param metric the metric checked
 */
public record Assertion(Expectation expectation, int index, String configuration, Map<String, String> point, Metric metric) {
  /** Copies the point. */
  public Assertion {
    point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
  }

  /**
   * The assertions of a scenario, in the order of {@code expect:}, then of the rows (points in
   * sweep order, configurations as written). An entry that covers no row, or names a call that
   * some row it covers never makes, is an error of the scenario, reported at the entry's line.
   *
   * <p>The loader already refuses an unknown configuration, an {@code at} path that is not swept
   * and a value that is not among the swept ones, and a call beyond the largest
   * {@code calls.per_client}; what is left is a per-call metric at a point where a swept
   * {@code calls.per_client} is smaller, and any future way of selecting no row at all.
   */
  public static List<Assertion> expand(LoadedScenario ls) throws ScenarioException {
    List<Assertion> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String file = ls.file().toString();
    for (int i = 0; i < ls.expectations().size(); i++) {
      Expectation e = ls.expectations().get(i);
      Metric metric = Metric.parse(e.metric());
      String key = "expect[" + i + "]";
      if (metric == null) {
        // the loader refuses names outside the same catalogue; only a hand-built expectation gets here
        problems.add(new Problem(file, e.line(), e.column(), key + ".metric", "dialsim check does not know the metric \""
            + e.metric() + "\""));
        continue;
      }
      int matched = 0;
      boolean missingCall = false;
      for (Scenario s : ls.points()) {
        if (!covers(e.at(), s.point())) {
          continue;
        }
        for (Configuration c : s.configurations()) {
          if (e.configuration() != null && !e.configuration().equals(c.name())) {
            continue;
          }
          int perClient = s.topology().workload().callsPerClient();
          if (metric.call() > perClient && !missingCall) {
            missingCall = true;
            problems.add(new Problem(file, e.line(), e.column(), key + ".metric", "call " + metric.call()
                + " is never made at " + (s.point().isEmpty() ? "this scenario" : "sweep point " + pointText(s.point()))
                + ", where calls.per_client is " + perClient + "; add at: to choose the points that make it"));
          }
          out.add(new Assertion(e, i, c.name(), s.point(), metric));
          matched++;
        }
      }
      if (matched == 0) {
        problems.add(new Problem(file, e.line(), e.column(), key, "matches no result row (configuration "
            + (e.configuration() == null ? "any" : "\"" + e.configuration() + "\"") + ", at "
            + (e.at().isEmpty() ? "every point" : pointText(e.at())) + "); check configuration: and at:"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    return List.copyOf(out);
  }

  private static boolean covers(Map<String, String> at, Map<String, String> point) {
    for (Map.Entry<String, String> e : at.entrySet()) {
      if (!e.getValue().equals(point.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** A sweep point as {@code deadline=20s, syn.initial_rto=1s}. */
  public static String pointText(Map<String, String> point) {
    List<String> parts = new ArrayList<>();
    point.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(", ", parts);
  }

  /** The row: {@code UCMA 4.0} or {@code UCMA 4.0 [deadline=20s]}. */
  public String where() {
    return point.isEmpty() ? configuration : configuration + " [" + pointText(point) + "]";
  }

  /** The bound as a condition on the metric: {@code <= 0.01}, {@code >= 0.05}, {@code >= 0.001 and <= 0.01}. */
  public String bound() {
    Double min = expectation.min();
    Double max = expectation.max();
    if (min != null && max != null) {
      return ">= " + NumberText.of(min) + " and <= " + NumberText.of(max);
    }
    return max != null ? "<= " + NumberText.of(max) : ">= " + NumberText.of(min);
  }

  /**
   * The test's name, stable from run to run (no measured value in it, so CI keeps its history):
   * {@code UCMA 4.0: first_call_failure_rate <= 0.01}, with " (confidence)" in confidence mode.
   */
  public String name() {
    return where() + ": " + metric.name() + " " + bound() + (expectation.confidence() ? " (confidence)" : "");
  }

  /** True when this assertion's mode uses an interval: confidence mode on a rate. */
  public boolean usesInterval() {
    return expectation.confidence() && metric.isRate();
  }

  /**
   * Judges the row's metrics. Point mode compares the estimate with the bound; confidence mode
   * fails only when the whole 95 % interval lies beyond it (for a metric without an interval it
   * compares the estimate, as point mode does). A value at the bound holds. A metric with no
   * value (no call succeeded, so there is no establishment time) fails: the bound cannot be
   * shown to hold.
   */
  public Verdict judge(Metrics m) {
    double value = metric.value(m);
    Rate interval = metric.isRate() && metric.presentIn(m) && !Double.isNaN(value) ? metric.rate(m) : null;
    if (Double.isNaN(value)) {
      return new Verdict(this, value, interval, false, "no value: nothing to measure in this row"
          + (metric.isRate() ? "" : " (no call succeeded)"));
    }
    boolean wide = usesInterval();
    // against max the most favourable reading is the interval's low end; against min, its high end
    double forMax = wide ? interval.low() : value;
    double forMin = wide ? interval.high() : value;
    String what = wide ? "the whole 95% interval lies " : "the estimate is ";
    if (expectation.max() != null && forMax > expectation.max()) {
      return new Verdict(this, value, interval, false, what + "above " + NumberText.of(expectation.max()));
    }
    if (expectation.min() != null && forMin < expectation.min()) {
      return new Verdict(this, value, interval, false, what + "below " + NumberText.of(expectation.min()));
    }
    return new Verdict(this, value, interval, true, "");
  }
}
