package org.dialsim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dialsim} command: subcommands only. */
@Command(
    name = "dialsim",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Simulates connection establishment: DNS gives several IPv4/IPv6 addresses, a client",
      "stack orders them and tries them under SYN timeouts and a deadline. Reports how often",
      "the first call fails, how clients learn, and how long establishment takes.",
      ""
    },
    subcommands = {RunCommand.class, MergeCommand.class, CheckCommand.class, ExplainCommand.class, ValidateCommand.class, StacksCommand.class, CommandLine.HelpCommand.class},
    footer = {
      "",
      "Examples:",
      "  dialsim run scenarios/ucma-first-call.yaml",
      "  dialsim run scenarios/ucma-first-call.yaml --replications 200 --seed 7 --out /tmp/ucma",
      "  dialsim explain scenarios/ucma-first-call.yaml --configuration 'UCMA 4.0' --find first-failure",
      "  dialsim check scenarios/ci/retry-policy.yaml --junit reports/junit.xml",
      "  dialsim validate scenarios/*.yaml",
      "  dialsim stacks ucma-4",
      ExitCode.HELP_FOOTER
    })
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, merge, explain, check, validate or stacks");
  }

  /** The configured command line, for the launcher and for tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(Main::shortUsageError);
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      line.getErr().println("dialsim: internal error: " + ex);
      return ExitCode.INTERNAL;
    });
    return cl;
  }

  /**
   * picocli's own handler prints the whole usage; this prints the message, picocli's
   * suggestions and a pointer to --help (as picocli-examples' ShortErrorMessageHandler does).
   */
  private static int shortUsageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("dialsim: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCode.USAGE;
  }

  /** Runs dialsim and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
