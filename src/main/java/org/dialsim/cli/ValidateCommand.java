package org.dialsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.scenario.ScenarioException;
import org.dialsim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dialsim validate}: check scenario files without running them. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Check scenario files without running them.",
    synopsisHeading = "%nUsage: ",
    description = {
      "Check scenario files without running them: YAML syntax, keys, types, units, references between hosts, "
          + "paths and DNS names, and size limits. Each problem is printed as FILE:LINE:COL: KEY: what is wrong; "
          + "how to fix.",
      ""
    },
    footer = {"", "Example:", "  dialsim validate scenarios/*.yaml scenarios/lessons/*.yaml", ExitCode.HELP_FOOTER})
public final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SCENARIO.yaml", description = "Scenario files.")
  List<Path> files;

  @CommandLine.Option(names = {"-q", "--quiet"}, description = "Print only problems.")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exit = ExitCode.OK;
    for (Path f : files) {
      try {
        LoadedScenario ls = ScenarioLoader.load(f);
        Scenario s = ls.points().get(0);
        if (!quiet) {
          out.printf(java.util.Locale.ROOT, "ok  %s: %d configuration(s), %d sweep point(s), %d expectation(s)%n",
              f, s.configurations().size(), ls.points().size(), ls.expectations().size());
        }
      } catch (ScenarioException e) {
        err.println(e.getMessage());
        exit = Math.max(exit, ExitCode.INVALID_SCENARIO);
      } catch (java.io.IOException e) {
        err.println(Scenarios.unreadable(f, e));
        exit = Math.max(exit, ExitCode.INTERNAL);
      }
    }
    out.flush();
    err.flush();
    return exit;
  }
}
