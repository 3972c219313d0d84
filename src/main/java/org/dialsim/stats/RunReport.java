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
 * @param firstFailures per configuration that had a failed call, its first one explained (for
 *     index.html), in configuration order
 * @param scenarioText the scenario file's text as it was read, shown as written; null when not kept
 * @param checked for a report of {@code dialsim check}, its verdict line by line (empty when the
 *     scenario has no expectations); null for a report of {@code run} or {@code merge}
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
    String version,
    List<FailedCall> firstFailures,
    String scenarioText,
    List<CheckedLine> checked) {
  /** Copies the lists. */
  public RunReport {
    sweep = List.copyOf(sweep);
    rows = List.copyOf(rows);
    firstFailures = List.copyOf(firstFailures);
    checked = checked == null ? null : List.copyOf(checked);
  }

  /** A report without explained failures. */
  public RunReport(String scenarioName, String title, String description, String scenarioFile, long seed,
      int replications, List<SweepAxis> sweep, List<ResultRow> rows, String resolvedScenarioJson, String version) {
    this(scenarioName, title, description, scenarioFile, seed, replications, sweep, rows, resolvedScenarioJson,
        version, List.of(), null, null);
  }

  /** This report with {@code failures} as its first failures. */
  public RunReport withFirstFailures(List<FailedCall> failures) {
    return new RunReport(scenarioName, title, description, scenarioFile, seed, replications, sweep, rows,
        resolvedScenarioJson, version, failures, scenarioText, checked);
  }

  /** This report with the scenario file's text as written (shown in index.html). */
  public RunReport withScenarioText(String text) {
    return new RunReport(scenarioName, title, description, scenarioFile, seed, replications, sweep, rows,
        resolvedScenarioJson, version, firstFailures, text, checked);
  }

  /** This report with {@code lines} as the verdict of {@code dialsim check} (shown in index.html). */
  public RunReport withChecked(List<CheckedLine> lines) {
    return new RunReport(scenarioName, title, description, scenarioFile, seed, replications, sweep, rows,
        resolvedScenarioJson, version, firstFailures, scenarioText, lines);
  }

  /** The swept parameter paths, in order (empty without a sweep). */
  public List<String> sweptPaths() {
    return SweepAxis.paths(sweep);
  }
}
