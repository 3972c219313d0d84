package org.dialsim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's files into its output folder. */
public final class Reports {
  /** File names (binding, SPEC 4). */
  public static final String CSV = "results.csv";
  /** File names (binding, SPEC 4). */
  public static final String JSON = "results.json";

  private Reports() {}

  /**
   * Renders every output first, then moves each into place: a failure while rendering leaves
   * the folder as it was, and no file is ever seen half-written.
   *
   * @return the files written
   */
  public static List<Path> write(RunReport report, Path outDir) throws IOException {
    String csv = CsvReport.render(report);
    String json = JsonReport.render(report);
    Path csvFile = outDir.resolve(CSV);
    Path jsonFile = outDir.resolve(JSON);
    AtomicFiles.write(csvFile, csv);
    AtomicFiles.write(jsonFile, json);
    return List.of(csvFile, jsonFile);
  }
}
