package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.model.Address;
import org.dialsim.model.Dns;
import org.dialsim.model.Limits;
import org.dialsim.model.Workload;
import org.dialsim.scenario.Node.Scalar;

/** Binds {@code clients:} and {@code calls:}: who calls, how often, and which name. */
final class WorkloadBinder {
  private static final String INTERVALS = "{ fixed: 30s } or { exponential_mean: 30s }";

  private WorkloadBinder() {}

  /**
   * The workload, or null after a problem.
   *
   * @param dns the bound DNS (null when it was unusable)
   * @param names the names of dns.names as written: the target must be one (a name whose own
   *     entry failed is not reported again)
   */
  static Workload bind(Section clients, Section calls, Dns dns, List<String> names) {
    if (clients == null || calls == null) {
      return null;
    }
    Long count = clients.required("count").whole(1, Limits.MAX_CLIENTS);
    List<Address> sources = new ArrayList<>();
    List<Key> items = clients.required("source_addresses").items("[2001:db8:20::5, 192.0.2.50]");
    for (Key item : items == null ? List.<Key>of() : items) {
      Address a = item.address();
      if (a != null && sources.contains(a)) {
        item.problem(Messages.quote(a.text()) + " is listed twice; list each source address once");
      } else if (a != null) {
        sources.add(a);
      }
    }
    Key targetKey = calls.required("target", "pool.example.com");
    String target = targetKey.text();
    if (target != null && !names.isEmpty() && !names.contains(target)) {
      targetKey.problem(Messages.quote(target) + " is not a name in dns.names; " + Suggest.reference(target, names, "names"));
      target = null;
    }
    Long perClient = calls.required("per_client").whole(1, Limits.MAX_CALLS_PER_CLIENT);
    Long spread = start(calls.required("start"));
    Key intervalKey = calls.required("interval");
    Section iv = Section.of(intervalKey, List.of("fixed", "exponential_mean"), INTERVALS);
    Long interval = null;
    boolean exponential = false;
    if (iv != null) {
      Key fixed = iv.get("fixed");
      Key mean = iv.get("exponential_mean");
      if (fixed.present() && mean.present()) {
        intervalKey.problem("gives both fixed and exponential_mean; keep one of them");
      } else if (!fixed.present() && !mean.present()) {
        intervalKey.problem("empty; write " + INTERVALS);
      } else {
        exponential = mean.present();
        interval = (exponential ? mean : fixed).duration(Span.POSITIVE);
      }
    }
    if (count == null || items == null || target == null || perClient == null || spread == null || interval == null) {
      return null;
    }
    return new Workload(count.intValue(), sources, target, perClient.intValue(), spread, interval, exponential);
  }

  /** {@code at-once} (0) or {@code { uniform: 60s }}: first calls spread over [0, 60s). */
  private static Long start(Key key) {
    Node n = key.node();
    if (n == null) {
      return null;
    }
    if (n instanceof Scalar s) {
      if ("at-once".equals(s.text())) {
        return 0L;
      }
      key.problem("unknown value " + Messages.quote(s.text()) + "; write at-once or { uniform: 60s }");
      return null;
    }
    Section f = Section.of(key, List.of("uniform"), "{ uniform: 60s }");
    return f == null ? null : f.required("uniform", "60s").duration(Span.AT_LEAST_ZERO);
  }
}
