package org.dialsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dialsim.chart.Warmup;
import org.dialsim.report.AtomicFiles;
import org.dialsim.report.ConsoleTable;
import org.dialsim.report.PartialResult;
import org.dialsim.report.Reports;
import org.dialsim.stats.RunReport;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.sim.Shard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dialsim run}: simulate scenarios and write their reports. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Simulate scenarios and write their reports.",
    abbreviateSynopsis = true,
    synopsisHeading = "%nUsage: ",
    description = {
      "Simulate each scenario: every configuration, every sweep point, all replications. Prints a table and "
          + "writes results.csv, results.json, the charts and index.html into the output folder, then one line "
          + "naming the report. Every file is checked before anything runs; an invalid one stops the whole command.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  dialsim run scenarios/ucma-first-call.yaml",
      "  dialsim run scenarios/*.yaml --threads 2 --quiet",
      "  dialsim run scenarios/ucma-first-call.yaml --seed 1 --replications 5000 \\",
      "      --out /tmp/ucma",
      "  dialsim run scenarios/timeout-grid.yaml --shard 2/8 --out parts/",
      "  dialsim run scenarios/timeout-grid.yaml --shard env --shards 8 --out parts/",
      ExitCode.HELP_FOOTER
    })
public final class RunCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SCENARIO.yaml", description = "Scenario files.")
  List<Path> files;

  @Mixin
  RunOptions options;

  @Option(names = "--shard", paramLabel = "i/n|env",
      description = "Run only shard i of n (counted from 0) and write its partial result, shard-i-of-n.json, for `dialsim merge`"
          + " instead of the report. env takes i from SLURM_ARRAY_TASK_ID (n from SLURM_ARRAY_TASK_COUNT) or JOB_COMPLETION_INDEX.")
  String shard;

  @Option(names = "--shards", paramLabel = "N",
      description = "The shard count n for --shard env: needed with JOB_COMPLETION_INDEX, and wins over SLURM_ARRAY_TASK_COUNT"
          + " (rerunning some tasks of an array makes a smaller array).")
  Integer shards;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenarios.checkOptions(spec, options);
    Shard part = shard();
    if (part == null) {
      // the chart classes load while the scenario is simulated: held until the run knows its length
      Warmup.hold();
      Warmup.start();
    }
    Scenarios.Loaded load = Scenarios.loadAll(files, err);
    if (load.exit() != ExitCode.OK) {
      return load.exit();
    }
    List<LoadedScenario> loaded = load.scenarios();
    Scenarios.checkWork(spec, options, loaded);
    if (part != null) {
      return runShard(loaded, part, out, err);
    }
    for (LoadedScenario ls : loaded) {
      Scenario first = ls.points().get(0);
      RunReport report = Scenarios.simulate(ls, options);
      Path dir = Scenarios.outputFolder(options.out, first.name(), loaded.size() > 1);
      try {
        Reports.write(report, dir);
        if (!options.quiet) {
          out.println(first.title().equals(first.name()) ? first.name() : first.name() + ": " + first.title());
          out.println("seed " + report.seed() + ", " + report.replications() + " replications, "
              + first.topology().workload().clients() + " clients x " + first.topology().workload().callsPerClient() + " calls");
          out.println();
          out.print(ConsoleTable.render(report));
          out.println();
          out.println("report: " + dir.resolve(Reports.HTML));
          out.flush();
        }
      } catch (IOException e) {
        err.println("dialsim: cannot write the report to " + dir + ": " + e.getMessage());
        return ExitCode.INTERNAL;
      }
    }
    return ExitCode.OK;
  }

  private Shard shard() {
    Shard part;
    try {
      part = Shards.resolve(shard, shards, System.getenv());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (part != null && options.out != null && Shards.isFile(options.out) && files.size() > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--out " + options.out + " names one part file, but " + files.size() + " scenarios each write one; give a folder");
    }
    return part;
  }

  /** Runs one shard of each scenario and writes its partial result (no report, no charts). */
  private int runShard(List<LoadedScenario> loaded, Shard part, PrintWriter out, PrintWriter err) {
    for (LoadedScenario ls : loaded) {
      String name = ls.points().get(0).name();
      Path file = Shards.partFile(options.out, name, part, loaded.size() > 1);
      PartialResult result;
      try {
        result = Shards.simulate(ls, options, part);
      } catch (IOException e) {
        err.println("dialsim: " + e.getMessage());
        return ExitCode.INTERNAL;
      }
      try {
        AtomicFiles.write(file, result.render());
      } catch (IOException e) {
        err.println("dialsim: cannot write shard " + part + " of " + name + " to " + file + ": " + e.getMessage());
        return ExitCode.INTERNAL;
      }
      if (!options.quiet) {
        out.println("shard " + part + " of " + name + ": wrote " + file + "; merge every shard with dialsim merge");
        out.flush();
      }
    }
    return ExitCode.OK;
  }
}
