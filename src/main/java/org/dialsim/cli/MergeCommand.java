package org.dialsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dialsim.chart.Warmup;
import org.dialsim.report.AtomicFiles;
import org.dialsim.report.ConsoleTable;
import org.dialsim.report.MergeParts;
import org.dialsim.report.PartException;
import org.dialsim.report.PartialResult;
import org.dialsim.report.Reports;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.ScenarioException;
import org.dialsim.scenario.ScenarioLoader;
import org.dialsim.sim.Experiment;
import org.dialsim.sim.Runner;
import org.dialsim.stats.RunReport;
import org.dialsim.stats.Tally;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dialsim merge}: partial results of {@code run --shard} into the report {@code run} writes. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Merge the partial results of sharded runs into one report.",
    abbreviateSynopsis = true,
    synopsisHeading = "%nUsage: ",
    description = {
      "Merge the partial results of `dialsim run SCENARIO --shard i/n` into the report an unsharded run writes"
          + " (results.csv, results.json, the charts and index.html), byte for byte the same for any n. The parts must"
          + " come from one run (same scenario, seed, replications and dialsim version) split into one n; a shard given"
          + " twice is refused, and missing shards are named so that only they need to run again.",
      "",
      "With --out NAME.json the parts merge into one part instead (missing shards allowed), to be merged again later.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  dialsim merge parts/shard-*.json --out reports/timeout-grid",
      "  dialsim merge parts/shard-{0..3}-of-8.json --out parts/first-half.json",
      ExitCode.HELP_FOOTER
    })
public final class MergeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PART.json", description = "Partial results (shard-i-of-n.json, or merged parts).")
  List<Path> parts;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Report folder (default: reports/<scenario name>/), or a NAME.json to write the merged part itself.")
  Path out;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (this.out == null || !this.out.toString().endsWith(".json")) {
      Warmup.start(); // a report will be drawn: its chart classes load while the parts are read
    }
    PartialResult merged;
    try {
      merged = MergeParts.merge(read(), Version.get());
    } catch (PartException e) {
      err.println(e.getMessage());
      return e.unreadable() ? ExitCode.INTERNAL : ExitCode.INVALID_SCENARIO;
    }
    if (this.out != null && Shards.isFile(this.out)) {
      return writePart(merged, out, err);
    }
    List<Integer> missing = merged.missing();
    if (!missing.isEmpty()) {
      err.println("dialsim: " + merged.scenarioName() + ": " + missing.size() + " of " + merged.shardCount()
          + " shards missing: " + indices(missing) + "; run only those (sbatch --array=" + indices(missing)
          + " ... --shard env --shards " + merged.shardCount() + ", or dialsim run SCENARIO --shard " + missing.get(0) + "/"
          + merged.shardCount() + " and so on) and merge again with these parts");
      return ExitCode.INVALID_SCENARIO;
    }
    RunReport report;
    try {
      report = report(merged);
    } catch (PartException e) {
      err.println(e.getMessage());
      return ExitCode.INVALID_SCENARIO;
    }
    Path dir = Scenarios.outputFolder(this.out, merged.scenarioName(), false);
    try {
      Reports.write(report, dir);
    } catch (IOException e) {
      err.println("dialsim: cannot write the report to " + dir + ": " + e.getMessage());
      return ExitCode.INTERNAL;
    }
    if (!quiet) {
      out.println(merged.scenarioName() + ": merged " + merged.shardCount() + " shards, seed " + merged.seed() + ", "
          + merged.replications() + " replications");
      out.println();
      out.print(ConsoleTable.render(report));
      out.println();
      out.println("report: " + dir.resolve(Reports.HTML));
      out.flush();
    }
    return ExitCode.OK;
  }

  /** Every part, in the order given; every unreadable or malformed one is reported. */
  private List<MergeParts.Named> read() throws PartException {
    List<MergeParts.Named> read = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    boolean unreadable = false;
    for (Path p : parts) {
      try {
        read.add(new MergeParts.Named(p.toString(), PartialResult.read(p)));
      } catch (PartException e) {
        problems.add(e.getMessage());
        unreadable |= e.unreadable();
      }
    }
    if (!problems.isEmpty()) {
      throw new PartException(String.join("\n", problems), unreadable);
    }
    return read;
  }

  private int writePart(PartialResult merged, PrintWriter out, PrintWriter err) {
    try {
      AtomicFiles.write(this.out, merged.render());
    } catch (IOException e) {
      err.println("dialsim: cannot write " + this.out + ": " + e.getMessage());
      return ExitCode.INTERNAL;
    }
    if (!quiet) {
      List<Integer> missing = merged.missing();
      out.println(merged.scenarioName() + ": wrote " + this.out + " with " + merged.shards().size() + " of "
          + merged.shardCount() + " shards" + (missing.isEmpty() ? "" : "; still missing: " + indices(missing)));
      out.flush();
    }
    return ExitCode.OK;
  }

  /**
   * The run's report from the merged counts: the scenario is loaded again from the text the
   * part carries, and must give the fingerprint the shards ran under.
   */
  private static RunReport report(PartialResult merged) throws PartException {
    LoadedScenario ls;
    try {
      ls = ScenarioLoader.load(Path.of(merged.scenarioFile()), merged.scenarioText());
    } catch (ScenarioException e) {
      throw new PartException("the scenario kept in the parts no longer loads with this dialsim:\n" + e.getMessage(), false);
    } catch (InvalidPathException e) {
      throw new PartException(merged.scenarioName() + ": the parts name the scenario file \"" + merged.scenarioFile()
          + "\", which is not a path; run the shards again", false);
    }
    String fingerprint = PartialResult.fingerprint(ls.resolvedJson(), merged.seed(), merged.replications());
    List<Runner.Job> jobs = Experiment.jobs(ls.points(), merged.seed(), merged.replications());
    if (!fingerprint.equals(merged.fingerprint()) || jobs.size() != merged.jobs().size()) {
      throw new PartException(merged.scenarioName() + ": the scenario kept in the parts does not give their fingerprint;"
          + " a part was edited after it was written, so run the shards again", false);
    }
    List<Runner.Result> results = new ArrayList<>();
    for (int j = 0; j < jobs.size(); j++) {
      // events are not part of the report, so a part does not keep them; nor the first failed call,
      // which the report finds again by a search that names the same call
      results.add(new Runner.Result(jobs.get(j), Tally.of(merged.jobs().get(j).counts()).metrics(), 0, null));
    }
    return Scenarios.report(ls, merged.seed(), merged.replications(), results);
  }

  /** Indices as Slurm's --array takes them: {@code 1,4-6,9}. */
  static String indices(List<Integer> sorted) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sorted.size(); i++) {
      int from = sorted.get(i);
      int to = from;
      while (i + 1 < sorted.size() && sorted.get(i + 1) == to + 1) {
        to = sorted.get(++i);
      }
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(from == to ? Integer.toString(from) : from + "-" + to);
    }
    return sb.toString();
  }
}
