package org.dialsim.stats;

import java.util.List;

/**
 * Everything a finished run hands to the report writers.
 *
 * @param scenarioName the scenario's name
 * @param title its title
 * @param description its description
 * @param scenarioFile the file it came from, as given
 * @param seed the seed used
 * @param replications replications per configuration and point
 * @param sweep the swept parameters with their values, in order (empty without a sweep)
 * @param rows one per (point, configuration), points in sweep order, configurations as written
 * @param resolvedScenarioJson the scenario with every default filled in, as a JSON object
 * @param version dialsim's version
 */
public record RunReport(
    String scenarioName,
    String title,
    String description,
    String scenarioFile,
    long seed,
    int replications,
    List<SweepAxis> sweep,
    List<ResultRow> rows,
    String resolvedScenarioJson,
    String version) {
  /** Copies the lists. */
  public RunReport {
    sweep = List.copyOf(sweep);
    rows = List.copyOf(rows);
  }

  /** The swept parameter paths, in order (empty without a sweep). */
  public List<String> sweptPaths() {
    return SweepAxis.paths(sweep);
  }
}
