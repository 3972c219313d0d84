package org.dialsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.dialsim.stats.Metrics;

/**
 * The SPEC 3 scalar metrics, by their binding names, in the order results.csv writes them.
 * {@code dialsim check} looks metrics up here too, so a name means the same everywhere.
 */
public enum ResultFields {
  FIRST_CALL_FAILURE_RATE("first_call_failure_rate", m -> m.firstCall().value()),
  FIRST_CALL_FAILURE_RATE_LOW("first_call_failure_rate_low", m -> m.firstCall().low()),
  FIRST_CALL_FAILURE_RATE_HIGH("first_call_failure_rate_high", m -> m.firstCall().high()),
  CALL_FAILURE_RATE("call_failure_rate", m -> m.call().value()),
  CALL_FAILURE_RATE_LOW("call_failure_rate_low", m -> m.call().low()),
  CALL_FAILURE_RATE_HIGH("call_failure_rate_high", m -> m.call().high()),
  ESTABLISH_S_MEAN("establish_s_mean", Metrics::establishMean),
  ESTABLISH_S_P50("establish_s_p50", Metrics::establishP50),
  ESTABLISH_S_P90("establish_s_p90", Metrics::establishP90),
  ESTABLISH_S_P99("establish_s_p99", Metrics::establishP99),
  ESTABLISH_S_MAX("establish_s_max", Metrics::establishMax),
  ATTEMPTS_MEAN("attempts_mean", Metrics::attemptsMean),
  FALLBACK_SHARE("fallback_share", Metrics::fallbackShare),
  WASTED_S_MEAN("wasted_s_mean", Metrics::wastedMean),
  CALLS("calls", m -> (double) m.calls()),
  FAILED_CALLS("failed_calls", m -> (double) m.failedCalls()),
  REPLICATIONS("replications", m -> (double) m.replications());

  private final String key;
  private final Function<Metrics, Double> value;

  ResultFields(String key, Function<Metrics, Double> value) {
    this.key = key;
    this.value = value;
  }

  /** The binding field name. */
  public String key() {
    return key;
  }

  /** The field's value in {@code m} (NaN when there is nothing to measure). */
  public double of(Metrics m) {
    return value.apply(m);
  }

  /** True for counts, written without decimals. */
  public boolean isCount() {
    return this == CALLS || this == FAILED_CALLS || this == REPLICATIONS;
  }

  /** The field's value as results.csv writes it: fixed decimals, empty for NaN. */
  public String text(Metrics m) {
    double v = of(m);
    if (Double.isNaN(v)) {
      return "";
    }
    return isCount() ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6f", v);
  }

  /** Every binding name, in order. */
  public static List<String> keys() {
    List<String> out = new ArrayList<>();
    for (ResultFields f : values()) {
      out.add(f.key);
    }
    return out;
  }

  /** The field with this binding name, or null. */
  public static ResultFields byKey(String key) {
    for (ResultFields f : values()) {
      if (f.key.equals(key)) {
        return f;
      }
    }
    return null;
  }
}
