package org.dialsim.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dialsim.chart.Timeline.Bar;
import org.dialsim.chart.Timeline.Model;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.sim.CallTrace;

/** The data model of a {@link Timeline}: a traced call's rows, bars, SYNs, limits and tries, in seconds. */
final class TimelineModel {

  private TimelineModel() {}

  /**
   * The model of a traced call of a configuration: a row per address, or per endpoint for a
   * stack that queries HTTPS records, in the order tried.
   */
  static Model model(String configuration, CallTrace trace) {
    boolean byEndpoint = trace.attempts().stream().anyMatch(a -> a.endpoint() != null)
        || trace.tries().stream().anyMatch(t -> !t.endpoints().isEmpty());
    List<String> rows = byEndpoint ? endpointRows(trace) : addressRows(trace);
    // relative times are differences of exact nanoseconds, converted once (no 30.000000001)
    long t0 = trace.startNs();
    List<Bar> bars = new ArrayList<>();
    List<double[]> syns = new ArrayList<>();
    List<double[]> initials = new ArrayList<>();
    List<double[]> timeouts = new ArrayList<>();
    for (CallTrace.Attempt a : trace.attempts()) {
      int row = rows.indexOf(label(a));
      boolean quic = a.endpoint() != null && a.endpoint().quic();
      bars.add(new Bar(row, (a.startNs() - t0) / 1e9, (a.endNs() - t0) / 1e9, a.outcome(), quic));
      for (long s : a.synsNs()) {
        (quic ? initials : syns).add(new double[] {row, (s - t0) / 1e9});
      }
      // the attempt's own limit, as the run set it (SYN give-up, attempt_timeout, a split);
      // none past the end of its try: the try was over, and a retry's bars may be drawn there
      if (a.timesOutNs() != Time.NEVER && a.timesOutNs() <= tryEnd(trace, a.tryNumber())) {
        timeouts.add(new double[] {row, (a.timesOutNs() - t0) / 1e9});
      }
    }
    List<Double> deadlines = new ArrayList<>();
    List<Double> retries = new ArrayList<>();
    for (CallTrace.Try t : trace.tries()) {
      if (t.deadlineNs() != Time.NEVER) {
        deadlines.add((t.deadlineNs() - t0) / 1e9);
      }
      if (t.number() > 1) {
        retries.add((t.startNs() - t0) / 1e9);
      }
    }
    String title = String.format(Locale.ROOT, "%s: client %d, call %d, replication %d", configuration, trace.client(),
        trace.call() + 1, trace.replication());
    return new Model(title, rows, bars, syns, timeouts, deadlines, retries, (trace.endNs() - t0) / 1e9,
        trace.connected(), byEndpoint, initials);
  }

  /**
   * A row per address. Rows follow the first try's order, so the address tried first is on top;
   * a later try's new addresses (call retries resolve anew) and any address reached outside the
   * order follow below.
   */
  private static List<String> addressRows(CallTrace trace) {
    List<Address> order = new ArrayList<>();
    for (CallTrace.Try t : trace.tries()) {
      for (Address a : t.order()) {
        if (!order.contains(a)) {
          order.add(a);
        }
      }
    }
    for (CallTrace.Attempt a : trace.attempts()) {
      if (!order.contains(a.address())) {
        order.add(a.address());
      }
    }
    List<String> rows = new ArrayList<>();
    for (Address a : order) {
      rows.add(a.text());
    }
    return rows;
  }

  /**
   * A row per endpoint of a stack that queries HTTPS records, in the same order, so that a QUIC
   * and a TCP attempt to one address (or two TCP attempts with different ALPN sets) get rows of
   * their own.
   */
  private static List<String> endpointRows(CallTrace trace) {
    List<String> rows = new ArrayList<>();
    for (CallTrace.Try t : trace.tries()) {
      for (int i = 0; i < t.order().size() && i < t.endpoints().size(); i++) {
        String row = t.endpoints().get(i).describe(t.order().get(i));
        if (!rows.contains(row)) {
          rows.add(row);
        }
      }
    }
    for (CallTrace.Attempt a : trace.attempts()) {
      if (!rows.contains(label(a))) {
        rows.add(label(a));
      }
    }
    return rows;
  }

  /** When try {@code number} ended, or never if it is not recorded. */
  private static long tryEnd(CallTrace trace, int number) {
    for (CallTrace.Try t : trace.tries()) {
      if (t.number() == number) {
        return t.endNs();
      }
    }
    return Time.NEVER;
  }

  /** An attempt's row: its endpoint, or its address when it has none. */
  private static String label(CallTrace.Attempt a) {
    return a.endpoint() == null ? a.address().text() : a.endpoint().describe(a.address());
  }
}
