package org.dialsim.sim;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dialsim.scenario.Scenario;
import org.dialsim.scenario.ScenarioException;
import org.dialsim.scenario.ScenarioLoader;
import org.dialsim.stack.Configuration;

/**
 * Happy Eyeballs v3 scenarios for timeline tests, written as the YAML a user writes and loaded
 * by the real loader, and their traces as lines a test can compare.
 */
final class Hev3 {
  private Hev3() {}

  /** The scenario a YAML text describes (its first sweep point). */
  static Scenario load(String yaml) {
    try {
      return ScenarioLoader.load(Path.of("hev3-test.yaml"), yaml).points().get(0);
    } catch (ScenarioException e) {
      throw new AssertionError("the test scenario does not load: " + e.getMessage(), e);
    }
  }

  /** A configuration of {@code s} by name. */
  static Configuration configuration(Scenario s, String name) {
    return s.configurations().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no configuration " + name));
  }

  /** The story of call {@code call} (from 0) of client {@code client} in replication {@code r}. */
  static CallTrace trace(Scenario s, String configuration, int r, int client, int call) {
    Configuration c = configuration(s, configuration);
    return new World(new Plan(s.topology(), c.stack()), s.seed()).trace(r, client, call, (cl, i, ok, e, a, w) -> { });
  }

  /** The first call of client 0 in replication 0. */
  static CallTrace trace(String yaml, String configuration) {
    return trace(load(yaml), configuration, 0, 0, 0);
  }

  /**
   * The attempts in the order they started (ties: the one that ended first), one line each:
   * {@code QUIC [2001:db8::1]:443 h3 0.005-0.545 cancelled}, seconds from the call's start.
   */
  static List<String> attempts(CallTrace t) {
    List<String> out = new ArrayList<>();
    t.attempts().stream().sorted(Comparator.comparingLong(CallTrace.Attempt::startNs))
        .forEach(a -> out.add(a.endpoint().describe(a.address()) + " " + seconds(a.startNs() - t.startNs()) + "-"
            + seconds(a.endNs() - t.startNs()) + " " + a.outcome().key()));
    return out;
  }

  /** The attempts' starts only: {@code QUIC [2001:db8::1] 0.005}, in the order they started. */
  static List<String> starts(CallTrace t) {
    List<String> out = new ArrayList<>();
    t.attempts().stream().sorted(Comparator.comparingLong(CallTrace.Attempt::startNs))
        .forEach(a -> out.add((a.endpoint().quic() ? "QUIC " : "TCP ") + a.address() + " "
            + seconds(a.startNs() - t.startNs())));
    return out;
  }

  /** The attempts' endpoints and starts: {@code QUIC [2001:db8::1]:443 h3 0.005}, in the order they started. */
  static List<String> endpoints(CallTrace t) {
    List<String> out = new ArrayList<>();
    t.attempts().stream().sorted(Comparator.comparingLong(CallTrace.Attempt::startNs))
        .forEach(a -> out.add(a.endpoint().describe(a.address()) + " " + seconds(a.startNs() - t.startNs())));
    return out;
  }

  /** The DNS exchanges as {@code TYPE name sent answered}, in the order they completed. */
  static List<String> dns(CallTrace t) {
    List<String> out = new ArrayList<>();
    for (CallTrace.DnsExchange d : t.dns()) {
      out.add(d.type() + " " + d.name() + " " + seconds(d.sentNs() - t.startNs()) + " "
          + seconds(d.answeredNs() - t.startNs()));
    }
    return out;
  }

  /** Nanoseconds as seconds written exactly and briefly: 5_000_000 is {@code 0.005}. */
  static String seconds(long ns) {
    return BigDecimal.valueOf(ns, 9).stripTrailingZeros().toPlainString();
  }
}
