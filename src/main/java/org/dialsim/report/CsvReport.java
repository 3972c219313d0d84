package org.dialsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dialsim.stats.Measure;
import org.dialsim.stats.RunReport;
import org.dialsim.stats.ResultRow;

/**
 * results.csv: one row per (sweep point, configuration), RFC 4180 quoting, a column per swept
 * parameter after {@code configuration}, then the SPEC 3 scalar fields. Empty cell = no value.
 */
public final class CsvReport {
  private CsvReport() {}

  /** The whole file as text. */
  public static String render(RunReport report) {
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>();
    header.add("configuration");
    header.addAll(report.sweptPaths());
    for (Measure.Column c : Measure.columns()) {
      header.add(c.name());
    }
    line(sb, header);
    for (ResultRow row : report.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(row.configuration());
      for (String path : report.sweptPaths()) {
        cells.add(row.point().getOrDefault(path, ""));
      }
      for (Measure.Column c : Measure.columns()) {
        cells.add(text(c, c.value().applyAsDouble(row.metrics())));
      }
      line(sb, cells);
    }
    return sb.toString();
  }

  /** A value as results.csv writes it: fixed decimals, counts without, empty for NaN. */
  private static String text(Measure.Column c, double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return c.isCount() ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6f", v);
  }

  private static void line(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(quote(cells.get(i)));
    }
    sb.append("\r\n");
  }

  /** Quotes a cell when RFC 4180 needs it, and defuses spreadsheet formulas. */
  static String quote(String s) {
    String v = s;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
      v = "'" + v; // a leading = + - @ would be run as a formula by spreadsheet programs
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
