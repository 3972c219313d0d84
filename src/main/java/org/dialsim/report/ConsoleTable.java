package org.dialsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dialsim.stats.Metrics;
import org.dialsim.stats.Rate;
import org.dialsim.stats.RunReport;
import org.dialsim.stats.ResultRow;

/** The results as a fixed-width text table for the terminal. */
public final class ConsoleTable {
  private ConsoleTable() {}

  /** The table, one line per row, with a header. */
  public static String render(RunReport report) {
    List<String> header = new ArrayList<>();
    header.add("configuration");
    header.addAll(report.sweptPaths());
    header.addAll(List.of("first-call failure", "95% interval", "all calls", "p50 s", "p99 s", "attempts", "calls"));
    List<List<String>> rows = new ArrayList<>();
    for (ResultRow row : report.rows()) {
      Metrics m = row.metrics();
      List<String> cells = new ArrayList<>();
      cells.add(row.configuration());
      for (String p : report.sweptPaths()) {
        cells.add(row.point().getOrDefault(p, ""));
      }
      cells.add(percent(m.firstCall().value()));
      cells.add(interval(m.firstCall()));
      cells.add(percent(m.call().value()));
      cells.add(seconds(m.establishP50()));
      cells.add(seconds(m.establishP99()));
      cells.add(Double.isNaN(m.attemptsMean()) ? "-" : String.format(Locale.ROOT, "%.2f", m.attemptsMean()));
      cells.add(Long.toString(m.calls()));
      rows.add(cells);
    }
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    appendLine(sb, header, width);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
    }
    sb.append(rule).append('\n');
    for (List<String> r : rows) {
      appendLine(sb, r, width);
    }
    return sb.toString();
  }

  private static void appendLine(StringBuilder sb, List<String> cells, int[] width) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (i > 0) {
        sb.append("  ");
      }
      // names left, numbers right
      sb.append(pad(c, width[i], i == 0));
    }
    sb.append('\n');
  }

  private static String pad(String s, int w, boolean left) {
    String fill = " ".repeat(Math.max(0, w - s.length()));
    return left ? s + fill : fill + s;
  }

  /** A rate as a percentage with two decimals. */
  public static String percent(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
  }

  private static String interval(Rate r) {
    return Double.isNaN(r.value()) ? "-" : String.format(Locale.ROOT, "[%.2f, %.2f] %%", 100 * r.low(), 100 * r.high());
  }

  private static String seconds(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
