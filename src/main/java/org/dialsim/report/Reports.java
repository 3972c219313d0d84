package org.dialsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
   * Renders every output first, then moves each into place: a failure while rendering leaves
   * the folder as it was, and no file is ever seen half-written.
   *
   * @return the files written
   */
  public static List<Path> write(RunReport report, Path outDir) throws IOException {
    // everything rendered first (charts are the slow, fallible part), files moved in after
    Map<Path, byte[]> files = new LinkedHashMap<>();
    files.put(outDir.resolve(CSV), CsvReport.render(report).getBytes(StandardCharsets.UTF_8));
    files.put(outDir.resolve(JSON), JsonReport.render(report).getBytes(StandardCharsets.UTF_8));
    List<ChartImage> charts = Charts.render(report, Theme.DEFAULT);
    for (ChartImage c : charts) {
      files.put(outDir.resolve(c.pngFile()), c.png());
      files.put(outDir.resolve(c.svgFile()), c.svg());
    }
    // last, so the page appears only once everything it describes is in place
    files.put(outDir.resolve(HTML), HtmlReport.render(report, charts).getBytes(StandardCharsets.UTF_8));
    List<Path> written = new ArrayList<>();
    for (Map.Entry<Path, byte[]> f : files.entrySet()) {
      AtomicFiles.write(f.getKey(), f.getValue());
      written.add(f.getKey());
    }
    removeStaleCharts(outDir, files.keySet());
    return List.copyOf(written);
  }

  /**
   * Removes charts an earlier run left in the folder that this run does not draw (another sweep,
   * other configurations, a chart this run has nothing for)
   * so the folder shows one run only. Only dialsim's own chart names are touched, and only
   * after the new report is in place.
   */
  private static void removeStaleCharts(Path outDir, java.util.Set<Path> current) throws IOException {
    try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(outDir)) {
      for (Path p : list.toList()) {
        String n = p.getFileName().toString();
        boolean ours = n.matches("(heatmap-[a-z0-9-]+|sweep|(learning-curve|establish-time)(-point-[0-9]+)?)\\.(png|svg)");
        if (ours && !current.contains(p)) {
          java.nio.file.Files.deleteIfExists(p);
        }
      }
    }
  }
}
