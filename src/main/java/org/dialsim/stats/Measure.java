package org.dialsim.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric catalogue (SPEC 3, binding names): every metric a run reports, with its unit and,
 * for a rate, the fields of its 95 % interval and of the counts behind it. results.csv,
 * results.json, {@code expect:} and {@code dialsim check} all take their names from here.
 */
public enum Measure {
  /** Share of client instances whose first call failed: the headline number. */
  FIRST_CALL_FAILURE_RATE(Unit.SHARE, Metrics::firstCall, new RateFields("first_call_failure_rate",
      "first_call_failure_rate_low", "first_call_failure_rate_high", "first_call_failures", "first_calls",
      "first_call_effective_trials")),
  /** Share of all calls that failed. */
  CALL_FAILURE_RATE(Unit.SHARE, Metrics::call, new RateFields("call_failure_rate", "call_failure_rate_low",
      "call_failure_rate_high", "failed_calls", "calls", "call_effective_trials")),
  /**
   * Share of clients whose K-th call failed, K from 1 (the learning curve): written as
   * {@code failure_rate_by_call[K]} in {@code expect:}, as a list of objects in results.json.
   */
  FAILURE_RATE_BY_CALL(Unit.SHARE, null, new RateFields("rate", "low", "high", "failures", "calls", "effective_trials")),
  /** Mean establishment time of successful calls. */
  ESTABLISH_S_MEAN(Unit.SECONDS, Metrics::establishMean),
  /** Median establishment time of successful calls. */
  ESTABLISH_S_P50(Unit.SECONDS, Metrics::establishP50),
  /** 90th percentile establishment time of successful calls. */
  ESTABLISH_S_P90(Unit.SECONDS, Metrics::establishP90),
  /** 99th percentile establishment time of successful calls. */
  ESTABLISH_S_P99(Unit.SECONDS, Metrics::establishP99),
  /** Longest establishment time of a successful call. */
  ESTABLISH_S_MAX(Unit.SECONDS, Metrics::establishMax),
  /** Connection attempts per call. */
  ATTEMPTS_MEAN(Unit.PER_CALL, Metrics::attemptsMean),
  /** Share of calls that needed more than one attempt. */
  FALLBACK_SHARE(Unit.SHARE, Metrics::fallbackShare),
  /** Seconds per call spent in attempts that did not connect. */
  WASTED_S_MEAN(Unit.SECONDS, Metrics::wastedMean),
  /** Calls made. */
  CALLS(Unit.COUNT, m -> (double) m.calls()),
  /** Calls that failed. */
  FAILED_CALLS(Unit.COUNT, m -> (double) m.failedCalls()),
  /** Replications run: a setting of the run, reported beside what it measured, not assertable. */
  REPLICATIONS(Unit.COUNT, m -> (double) m.replications());

  /** What a metric's number is. */
  public enum Unit {
    /** A share in [0, 1]. */
    SHARE,
    /** Seconds. */
    SECONDS,
    /** A whole count. */
    COUNT,
    /** A mean count per call. */
    PER_CALL
  }

  /**
   * The JSON field names of a rate: its value, interval ends and the counts behind it.
   *
   * @param value the rate
   * @param low the lower end of its 95 % interval
   * @param high the upper end
   * @param failures failed trials
   * @param trials all trials
   * @param effectiveTrials the independent trials the interval is worth
   */
  public record RateFields(String value, String low, String high, String failures, String trials,
      String effectiveTrials) {}

  /**
   * One column of results.csv (and the same field of each results.json row).
   *
   * @param name the binding field name
   * @param measure the metric it belongs to
   * @param value its value in a row's metrics (NaN when there is nothing to measure)
   */
  public record Column(String name, Measure measure, ToDoubleFunction<Metrics> value) {
    /** True for counts, written without decimals. */
    public boolean isCount() {
      return measure.unit == Unit.COUNT;
    }
  }

  /** The call number (from 1) in each object of results.json's {@code failure_rate_by_call}. */
  public static final String CALL_FIELD = "call";

  private static final Pattern BY_CALL = Pattern.compile("failure_rate_by_call\\[(\\d{1,6})]");

  private final Unit unit;
  private final Function<Metrics, Rate> rate;
  private final RateFields rateFields;
  private final ToDoubleFunction<Metrics> scalar;

  Measure(Unit unit, Function<Metrics, Rate> rate, RateFields fields) {
    this.unit = unit;
    this.rate = rate;
    this.rateFields = fields;
    this.scalar = null;
  }

  Measure(Unit unit, ToDoubleFunction<Metrics> scalar) {
    this.unit = unit;
    this.rate = null;
    this.rateFields = null;
    this.scalar = scalar;
  }

  /** The binding name: the constant's name in lower case ({@code establish_s_p99}). */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** What its number is. */
  public Unit unit() {
    return unit;
  }

  /** True for a rate: it has a 95 % interval and counts. */
  public boolean hasInterval() {
    return rateFields != null;
  }

  /** True for the per-call rate, which {@code expect:} names with a call number. */
  public boolean perCall() {
    return this == FAILURE_RATE_BY_CALL;
  }

  /** True when {@code expect:} may assert on it (everything the run measured). */
  public boolean assertable() {
    return this != REPLICATIONS;
  }

  /** The JSON fields of a rate; null for other metrics. */
  public RateFields rateFields() {
    return rateFields;
  }

  /** The rate in {@code m}; only for rates other than {@link #FAILURE_RATE_BY_CALL}. */
  public Rate rate(Metrics m) {
    return rate.apply(m);
  }

  /** The point value in {@code m}: the rate's value or the scalar; not for the per-call rate. */
  public double value(Metrics m) {
    return rate != null ? rate.apply(m).value() : scalar.applyAsDouble(m);
  }

  /** The metric named {@code key}, or null. */
  public static Measure byKey(String key) {
    for (Measure m : values()) {
      if (m.key().equals(key)) {
        return m;
      }
    }
    return null;
  }

  /** The name {@code expect:} uses for call {@code k} (from 1). */
  public static String byCallName(int k) {
    return FAILURE_RATE_BY_CALL.key() + "[" + k + "]";
  }

  /**
   * K of {@code failure_rate_by_call[K]} as written (0 is returned as written, for the caller to
   * refuse), or -1 when {@code name} is not of that form.
   */
  public static int callOf(String name) {
    Matcher m = BY_CALL.matcher(name);
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** The names {@code expect:} accepts, with the per-call form shown for call 1, in catalogue order. */
  public static List<String> assertableNames() {
    List<String> out = new ArrayList<>();
    for (Measure m : values()) {
      if (m.assertable()) {
        out.add(m.perCall() ? byCallName(1) : m.key());
      }
    }
    return List.copyOf(out);
  }

  /** The columns of results.csv after the configuration and swept paths, in order. */
  public static List<Column> columns() {
    List<Column> out = new ArrayList<>();
    for (Measure m : values()) {
      if (m.perCall()) {
        continue; // a list per row: results.json only
      }
      if (m.hasInterval()) {
        out.add(new Column(m.rateFields.value(), m, x -> m.rate(x).value()));
        out.add(new Column(m.rateFields.low(), m, x -> m.rate(x).low()));
        out.add(new Column(m.rateFields.high(), m, x -> m.rate(x).high()));
      } else {
        out.add(new Column(m.key(), m, m.scalar));
      }
    }
    return List.copyOf(out);
  }
}
