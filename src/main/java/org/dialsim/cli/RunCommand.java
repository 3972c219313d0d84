package org.dialsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dialsim.report.ConsoleTable;
import org.dialsim.report.Reports;
import org.dialsim.stats.RunReport;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
      ExitCode.HELP_FOOTER
    })
public final class RunCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SCENARIO.yaml", description = "Scenario files.")
  List<Path> files;

  @Mixin
  RunOptions options;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenarios.checkOptions(spec, options);
    Scenarios.Loaded load = Scenarios.loadAll(files, err);
    if (load.exit() != ExitCode.OK) {
      return load.exit();
    }
    List<LoadedScenario> loaded = load.scenarios();
    Scenarios.checkWork(spec, options, loaded);
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

}
