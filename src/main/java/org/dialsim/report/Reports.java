package org.dialsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.chart.ChartImage;
import org.dialsim.chart.Charts;
import org.dialsim.chart.Theme;
import org.dialsim.stats.RunReport;

/** Writes a run's files into its output folder. */
public final class Reports {
  /** File names (binding, SPEC 4). */
  public static final String CSV = "results.csv";
  /** File names (binding, SPEC 4). */
  public static final String JSON = "results.json";
  /** File names (binding, SPEC 4). */
  public static final String HTML = "index.html";

  private Reports() {}

  /**
   * Renders every output first, then replaces the output folder as a whole (see
   * {@link ReportFolder}): a failure while rendering leaves the folder as it was, and a reader
   * never sees files of two runs side by side.
   *
   * @return the files written
   * @throws IOException with the operating system's reason in words as its message
   */
  public static List<Path> write(RunReport report, Path outDir) throws IOException {
    // everything rendered first (charts are the slow, fallible part), the folder swapped after
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(CSV, CsvReport.render(report).getBytes(StandardCharsets.UTF_8));
    files.put(JSON, JsonReport.render(report).getBytes(StandardCharsets.UTF_8));
    List<ChartImage> charts = Charts.render(report, Theme.DEFAULT);
    for (ChartImage c : charts) {
      files.put(c.pngFile(), c.png());
      files.put(c.svgFile(), c.svg());
    }
    files.put(HTML, HtmlReport.render(report, charts).getBytes(StandardCharsets.UTF_8));
    try {
      return ReportFolder.replace(outDir, files);
    } catch (IOException e) {
      throw new IOException(IoReason.of(e), e);
    }
  }
}
