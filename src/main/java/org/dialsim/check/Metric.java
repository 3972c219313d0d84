package org.dialsim.check;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.stats.Measure;
import org.dialsim.stats.Metrics;
import org.dialsim.stats.Rate;

/**
 * A SPEC 3 metric by its binding name, as {@code expect:} and results.json spell it:
 * {@code first_call_failure_rate}, {@code failure_rate_by_call[2]}, {@code establish_s_p99}.
 *
 * @param name the binding name
 * @param call K of {@code failure_rate_by_call[K]} (from 1), or 0 for every other metric
 */
public record Metric(String name, int call) {
  /** The metric with this name, or null when the catalogue has no such assertable metric. */
  public static Metric parse(String name) {
    int k = Measure.callOf(name);
    if (k >= 0) {
      return k >= 1 ? new Metric(name, k) : null;
    }
    Measure m = Measure.byKey(name);
    return m != null && m.assertable() && !m.perCall() ? new Metric(name, 0) : null;
  }

  /** {@code failure_rate_by_call[K]}. */
  public static Metric byCall(int k) {
    return new Metric(Measure.byCallName(k), k);
  }

  /**
   * The assertable metrics without an interval, in catalogue order ({@code replications} is a
   * setting of the run, not something it measured).
   */
  public static List<String> scalarNames() {
    List<String> out = new ArrayList<>();
    for (Measure m : Measure.values()) {
      if (!m.hasInterval() && m.assertable()) {
        out.add(m.key());
      }
    }
    return out;
  }

  /** True for the rates that have counts and a 95 % Wilson interval. */
  public boolean isRate() {
    return call > 0 || Measure.byKey(name).hasInterval();
  }

  /** True when {@code m} has this metric: per-call rates exist only for calls that were made. */
  public boolean presentIn(Metrics m) {
    return call == 0 || call <= m.byCall().size();
  }

  /** The rate in {@code m}; only for {@link #isRate()} metrics that are {@link #presentIn}. */
  public Rate rate(Metrics m) {
    if (call > 0) {
      return m.byCall().get(call - 1);
    }
    return Measure.byKey(name).rate(m);
  }

  /** The point value in {@code m} (NaN where there is nothing to measure or no such call). */
  public double value(Metrics m) {
    if (!presentIn(m)) {
      return Double.NaN;
    }
    return isRate() ? rate(m).value() : Measure.byKey(name).value(m);
  }

  /** What the metric's value is in {@code m}, with counts for a rate. */
  public Observation observe(Metrics m) {
    if (isRate()) {
      Rate r = rate(m);
      return new Observation(r.value(), r.failures(), r.trials(), r.effectiveTrials());
    }
    return Observation.scalar(value(m));
  }

  /**
   * The assertable rates other than the per-call one, in catalogue order
   * ({@code first_call_failure_rate}, {@code call_failure_rate}).
   */
  public static List<String> rateNames() {
    List<String> out = new ArrayList<>();
    for (Measure m : Measure.values()) {
      if (m.hasInterval() && m.assertable() && !m.perCall()) {
        out.add(m.key());
      }
    }
    return out;
  }

  /** Every metric of {@code m}, in a fixed order: the rates (calls 1, 2 ...), then the scalars. */
  public static List<Metric> all(Metrics m) {
    List<Metric> out = new ArrayList<>();
    for (String r : rateNames()) {
      out.add(new Metric(r, 0));
    }
    for (int k = 1; k <= m.byCall().size(); k++) {
      out.add(byCall(k));
    }
    for (String s : scalarNames()) {
      out.add(new Metric(s, 0));
    }
    return out;
  }
}
