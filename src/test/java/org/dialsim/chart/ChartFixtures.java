package org.dialsim.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.engine.Time;
import org.dialsim.model.Family;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.dialsim.stack.CallRetries;
import org.dialsim.stack.Memory;
import org.dialsim.stack.Order;
import org.dialsim.stack.Rfc6724;
import org.dialsim.stack.RstAction;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stack.SynSchedule;
import org.dialsim.stack.TimeoutSplit;
import org.dialsim.stats.Metrics;
import org.dialsim.stats.Rate;
import org.dialsim.stats.SweepAxis;

/** Synthetic run reports for chart and HTML tests: round numbers, built in code, no simulation. */
public final class ChartFixtures {
  private ChartFixtures() {}

  /** Classic Windows SYNs (0, 3, 9 s; gives up at 21 s). */
  public static final SynSchedule WINDOWS = new SynSchedule(3 * Time.S, 2, 0, Time.NEVER);
  /** Textbook SYNs, as Linux 5.4 to 6.4 on paper (1 s RTO, 6 retries; gives up at 127 s). */
  public static final SynSchedule LINUX = new SynSchedule(Time.S, 6, 0, Time.NEVER);

  /** A sequential stack with these timers. */
  public static StackConfig stack(SynSchedule syn, long attemptTimeout, long deadline) {
    return new StackConfig(null, List.of(Family.IPV4, Family.IPV6), Order.DNS, Rfc6724.DEFAULT_TABLE, "rfc6724", 0,
        StrategyKind.SEQUENTIAL, 250 * Time.MS, 0, Integer.MAX_VALUE, syn, RstAction.FAIL, attemptTimeout,
        TimeoutSplit.NONE, deadline, new Memory(Memory.Kind.NONE, 10 * Time.M), new CallRetries(0, 0),
        org.dialsim.stack.Advance.IMMEDIATE, Time.NEVER, Time.NEVER);
  }

  /** UCMA-like: 21 s attempts, 30 s deadline. */
  public static StackConfig ucma() {
    return stack(WINDOWS, Time.NEVER, 30 * Time.S);
  }

  /**
   * Metrics for {@code clients} instances making {@code byCallFailures.length} calls each.
   *
   * @param byCallFailures failures of call 1, 2, 3 ...
   * @param fast seconds most calls take
   * @param slow seconds the calls that fell back take (after an attempt timed out)
   * @param slowShare share of successful calls that were slow
   */
  public static Metrics metrics(int clients, long[] byCallFailures, double fast, double slow, double slowShare) {
    List<Rate> byCall = new ArrayList<>();
    long failed = 0;
    for (long f : byCallFailures) {
      byCall.add(Rate.of(f, clients));
      failed += f;
    }
    long calls = (long) clients * byCallFailures.length;
    List<Metrics.Quantile> q = new ArrayList<>();
    if (failed < calls) {
      for (int p = 0; p <= 100; p++) {
        q.add(new Metrics.Quantile(p, quantile(p, fast, slow, slowShare)));
        if (p == 99) {
          q.add(new Metrics.Quantile(99.5, quantile(99.5, fast, slow, slowShare)));
          q.add(new Metrics.Quantile(99.9, quantile(99.9, fast, slow, slowShare)));
        }
      }
    }
    double p50 = q.isEmpty() ? Double.NaN : quantile(50, fast, slow, slowShare);
    double p90 = q.isEmpty() ? Double.NaN : quantile(90, fast, slow, slowShare);
    double p99 = q.isEmpty() ? Double.NaN : quantile(99, fast, slow, slowShare);
    double max = q.isEmpty() ? Double.NaN : quantile(100, fast, slow, slowShare);
    return new Metrics(1000, byCall.get(0), byCall, Rate.of(failed, calls), q.isEmpty() ? Double.NaN : p50, p50, p90,
        p99, max, 1.4, slowShare, 3.2, calls, failed, q);
  }

  /** A two-step distribution: fast calls spread over 1x-3x {@code fast}, slow ones over 1x-1.05x {@code slow}. */
  private static double quantile(double p, double fast, double slow, double slowShare) {
    double cut = 100 * (1 - slowShare);
    if (p <= cut || slowShare == 0) {
      double t = cut == 0 ? 0 : Math.min(1, p / cut);
      return fast * (1 + 2 * t * t);
    }
    double t = (p - cut) / (100 - cut);
    return slow * (1 + 0.05 * t);
  }

  /** Three configurations and no sweep; the third never connects. */
  public static RunReport plain() {
    List<ResultRow> rows = List.of(
        row("UCMA 4.0", Map.of(), metrics(1000, new long[] {312, 120, 40, 15, 12}, 0.02, 21.03, 0.3),
            ucma()),
        row("UCMA 4.0 + IPv4 hint", Map.of(), metrics(1000, new long[] {0, 0, 0, 0, 0}, 0.02, 0, 0), ucma()),
        row("RFC 8305", Map.of(), metrics(1000, new long[] {4, 2, 1, 1, 0}, 0.025, 0.3, 0.4),
            stack(LINUX, Time.NEVER, Time.NEVER)),
        row("Java first-only", Map.of(), metrics(1000, new long[] {1000, 1000, 1000, 1000, 1000}, 0, 0, 0),
            stack(WINDOWS, 10 * Time.S, Time.NEVER)));
    return report("ucma-first-call", "Only the first two addresses are tried",
        "Two front ends, each with one IPv6 and one IPv4 address; IPv6 is broken.", List.of(), rows);
  }

  /** A one-parameter sweep over {@code deadline}, values written out of order (30s, 10s, 1m, 20s). */
  public static RunReport sweepOne() {
    String[] deadlines = {"30s", "10s", "1m", "20s"};
    long[] ns = {30 * Time.S, 10 * Time.S, 60 * Time.S, 20 * Time.S};
    long[] ucmaFail = {300, 820, 90, 500};
    long[] heFail = {5, 9, 2, 7};
    List<ResultRow> rows = new ArrayList<>();
    for (int i = 0; i < deadlines.length; i++) {
      Map<String, String> point = Map.of("deadline", deadlines[i]);
      rows.add(row("UCMA 4.0", point, metrics(1000, new long[] {ucmaFail[i], ucmaFail[i] / 3}, 0.02, 21, 0.3),
          stack(WINDOWS, Time.NEVER, ns[i])));
      rows.add(row("RFC 8305", point, metrics(1000, new long[] {heFail[i], 0}, 0.02, 0.3, 0.3),
          stack(LINUX, Time.NEVER, ns[i])));
    }
    return report("deadline-sweep", "How long may establishment take?", "Sweeps the deadline.",
        List.of(durations("deadline", deadlines)), rows);
  }

  /** A two-parameter sweep: deadline (10s, 30s, 60s) x syn.initial_rto (1s, 3s). */
  public static RunReport sweepTwo() {
    String[] deadlines = {"10s", "30s", "60s"};
    String[] rtos = {"1s", "3s"};
    List<ResultRow> rows = new ArrayList<>();
    for (int d = 0; d < deadlines.length; d++) {
      for (int r = 0; r < rtos.length; r++) {
        Map<String, String> point = new LinkedHashMap<>();
        point.put("deadline", deadlines[d]);
        point.put("syn.initial_rto", rtos[r]);
        long ucma = 900 - 300L * d - 100L * (1 - r);
        rows.add(row("UCMA 4.0", point, metrics(1000, new long[] {ucma, ucma / 4}, 0.02, 21, 0.3), ucma()));
        rows.add(row("UCMA 4.0 + IPv4 hint", point, metrics(1000, new long[] {d + r, 0}, 0.02, 0.5, 0.1),
            ucma()));
      }
    }
    return report("grid", "Deadline by SYN timeout", "A grid.", List.of(durations("deadline", deadlines), durations("syn.initial_rto", rtos)),
        rows);
  }

  /** A result row of {@code stack}'s configuration, with its attempt limit and deadline. */
  public static ResultRow row(String configuration, Map<String, String> point, Metrics metrics, StackConfig stack) {
    return new ResultRow(configuration, point, metrics, stack.attemptLimitNs(), stack.deadlineNs());
  }

  /** A swept parameter whose values are these durations, as the loader reads them. */
  public static SweepAxis durations(String path, String... texts) {
    List<SweepAxis.Value> values = new ArrayList<>();
    for (String t : texts) {
      values.add(new SweepAxis.Value(t, Time.seconds(org.dialsim.scenario.DurationText.parse(t))));
    }
    return new SweepAxis(path, SweepAxis.Kind.DURATION, values);
  }

  /** A swept parameter of {@code kind} whose values are these texts standing for these numbers. */
  public static SweepAxis axis(String path, SweepAxis.Kind kind, List<String> texts, List<Double> numbers) {
    List<SweepAxis.Value> values = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      values.add(new SweepAxis.Value(texts.get(i), numbers.get(i)));
    }
    return new SweepAxis(path, kind, values);
  }

  /** A swept parameter whose values are categories (numbered in written order). */
  public static SweepAxis categories(String path, String... texts) {
    List<Double> index = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      index.add((double) i);
    }
    return axis(path, SweepAxis.Kind.CATEGORY, List.of(texts), index);
  }

  /** A run report around {@code rows}. */
  public static RunReport report(String name, String title, String description, List<SweepAxis> swept,
      List<ResultRow> rows) {
    return new RunReport(name, title, description, "scenarios/" + name + ".yaml", 20140725L, 1000, swept, rows,
        "{\"name\":\"" + name + "\",\"replications\":1000}", "0.1.0-test");
  }
}
