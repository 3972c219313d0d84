package org.dialsim.scenario;

import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialsim.scenario.Node.Mapping;
import org.dialsim.stats.Measure;

/**
 * Binds {@code expect:}, what {@code dialsim check} asserts. Configuration names must exist;
 * metrics come from the catalogue ({@link Measure}); {@code at} keys must be swept paths and
 * their values among the swept values.
 */
final class ExpectationsBinder {
  private static final String ONE = "{ metric: first_call_failure_rate, max: 0.01 }";
  /** Ordered: messages list the choices, and must read the same on every run. */
  private static final Map<String, Boolean> MODES = modes();

  private ExpectationsBinder() {}

  /**
   * The expectations that are valid, in written order.
   *
   * @param configurations the configuration names as written, or null when some could not be
   *     read (then names are not checked)
   */
  static List<Expectation> bind(Key key, List<String> configurations, Sweep sweep) {
    List<Expectation> out = new ArrayList<>();
    List<Key> items = key.present() ? key.items("[" + ONE + "]") : List.of();
    if (items == null) {
      return out;
    }
    for (Key item : items) {
      Section f = Section.of(item, Defaults.expectation(), ONE);
      if (f == null) {
        continue;
      }
      int before = key.problems().size();
      Key confKey = f.get("configuration");
      String conf = confKey.text();
      if (conf != null && configurations != null && !configurations.contains(conf)) {
        confKey.problem("no configuration is named " + Messages.quote(conf) + "; "
            + Suggest.reference(conf, configurations, "configurations"));
      }
      Key metricKey = f.required("metric", Measure.FIRST_CALL_FAILURE_RATE.key());
      String metric = metricKey.text();
      if (metric != null) {
        metric(metricKey, metric);
      }
      Key maxKey = f.get("max");
      Key minKey = f.get("min");
      Double max = maxKey.number();
      Double min = minKey.number();
      if (!maxKey.present() && !minKey.present()) {
        item.problem("gives no bound; add max: or min: (or both)");
      } else if (max != null && min != null && min > max) {
        minKey.problem("min is above max; a value cannot satisfy both");
      }
      Boolean confidence = f.required("mode").choice(MODES);
      Map<String, String> at = at(f.get("at"), sweep);
      if (key.problems().size() == before) {
        Pos pos = item.node().pos();
        out.add(new Expectation(conf, metric, max, min, confidence, at, pos.line(), pos.column()));
      }
    }
    return out;
  }

  /** Refuses a metric the catalogue does not have, or a call number below 1. */
  private static void metric(Key key, String metric) {
    int call = Measure.callOf(metric);
    Measure m = Measure.byKey(metric);
    if (call < 0 && (m == null || !m.assertable() || m.perCall())) {
      key.problem("unknown metric " + Messages.quote(metric) + "; " + Suggest.hint(metric, Measure.assertableNames()));
    } else if (call == 0) {
      key.problem("calls count from 1; write " + Measure.byCallName(1) + " for the first call");
    }
  }

  private static Map<String, Boolean> modes() {
    Map<String, Boolean> m = new LinkedHashMap<>();
    m.put("point", false);
    m.put("confidence", true);
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Map<String, String> at(Key key, Sweep sweep) {
    Map<String, String> at = new LinkedHashMap<>();
    Node n = key.node();
    if (n == null) {
      return at;
    }
    if (!(n instanceof Mapping m)) {
      key.problem(Convert.expected("a map of swept paths to values such as { deadline: 30s }", n));
      return at;
    }
    for (Node.Entry e : m.entries()) {
      // swept paths are shown as written in sweep:, dots and all
      Key entry = key.child(e.value(), key.path() + "." + e.key());
      List<String> values = sweep.values(e.key());
      if (values == null) {
        entry.problem(e.keyPos(), Messages.quote(e.key()) + " is not swept; "
            + (sweep.paths().isEmpty() ? "this scenario has no sweep: remove at:"
                : Suggest.reference(e.key(), sweep.paths(), "swept paths")));
        continue;
      }
      String v = e.value().flowText();
      if (!values.contains(v)) {
        entry.problem(Messages.quote(v) + " is not among the swept values; use one of " + Messages.list(values));
        continue;
      }
      at.put(e.key(), v);
    }
    return at;
  }
}
