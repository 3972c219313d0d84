package org.dialsim.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;

/** Reads a run's rows the way the charts need them: configurations and points in scenario order. */
final class Rows {
  private Rows() {}

  /** Configuration names in the order the scenario lists them (first appearance in the rows). */
  static List<String> configurations(RunReport report) {
    Set<String> seen = new LinkedHashSet<>();
    for (ResultRow r : report.rows()) {
      seen.add(r.configuration());
    }
    return List.copyOf(seen);
  }

  /** Sweep points in sweep order; one empty point without a sweep. */
  static List<Map<String, String>> points(RunReport report) {
    Set<Map<String, String>> seen = new LinkedHashSet<>();
    for (ResultRow r : report.rows()) {
      seen.add(Map.copyOf(r.point()));
    }
    return List.copyOf(seen);
  }

  /** The first sweep point; the empty point without a sweep or without rows. */
  static Map<String, String> first(RunReport report) {
    List<Map<String, String>> points = points(report);
    return points.isEmpty() ? Map.of() : points.get(0);
  }

  /** The rows at {@code point}, configurations in scenario order. */
  static List<ResultRow> at(RunReport report, Map<String, String> point) {
    List<ResultRow> out = new ArrayList<>();
    for (ResultRow r : report.rows()) {
      if (r.point().equals(point)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The row of {@code configuration} at {@code point}, or null. */
  static ResultRow find(RunReport report, String configuration, Map<String, String> point) {
    for (ResultRow r : report.rows()) {
      if (r.configuration().equals(configuration) && r.point().equals(point)) {
        return r;
      }
    }
    return null;
  }

  /** A point as text, swept paths in order: {@code deadline=10s, syn.initial_rto=1s}. */
  static String label(Map<String, String> point, List<String> paths) {
    StringBuilder sb = new StringBuilder();
    for (String p : paths) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(p).append('=').append(point.getOrDefault(p, ""));
    }
    return sb.toString();
  }

  /** A subtitle naming {@code point} ({@code at deadline=20s}), or null without a sweep. */
  static String pointNote(RunReport report, Map<String, String> point) {
    if (report.sweptPaths().isEmpty()) {
      return null;
    }
    return "at " + label(point, report.sweptPaths());
  }
}
