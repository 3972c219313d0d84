package org.dialsim.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.dialsim.scenario.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dialsim} command: subcommands only. */
@Command(
    name = "dialsim",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    // one string per paragraph: picocli wraps it to the terminal (pre-wrapped lines wrap twice)
    description = {
      "Simulates connection establishment: DNS gives several IPv4/IPv6 addresses, a client stack orders them "
          + "and tries them under SYN timeouts and a deadline. Reports how often the first call fails, how "
          + "clients learn, and how long establishment takes.",
      ""
    },
    subcommands = {RunCommand.class, MergeCommand.class, CheckCommand.class, ExplainCommand.class, ValidateCommand.class,
        StacksCommand.class, SchemaCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
    footer = {
      "",
      "Examples:",
      "  dialsim run scenarios/ucma-first-call.yaml",
      "  dialsim run scenarios/ucma-first-call.yaml --seed 7 --out /tmp/ucma",
      "  dialsim explain scenarios/ucma-first-call.yaml \\",
      "      --configuration 'UCMA 4.0' --find first-failure",
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
    throw new CommandLine.ParameterException(spec.commandLine(),
        "name a command: " + String.join(", ", spec.commandLine().getSubcommands().keySet()));
  }

  /** The configured command line, for the launcher and for tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    // wrap help to the terminal's width (80 without one); descriptions are whole paragraphs
    cl.setUsageHelpAutoWidth(true);
    // picocli's help command has two pre-wrapped lines; one paragraph wraps once
    cl.getSubcommands().get("help").getCommandSpec().usageMessage().description(
        "Without COMMAND: the usage help of dialsim. With COMMAND: the help of that command, as COMMAND --help "
            + "shows it.");
    HelpLayout.apply(cl);
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
    String command = unknownCommand(ex);
    if (command != null) {
      err.println("dialsim: '" + command + "' is not a dialsim command");
      // picocli's own suggestions compare letter pairs and miss swapped letters (rnu for run)
      Optional<String> near = Suggest.nearest(command, cmd.getSubcommands().keySet());
      err.println(near.isPresent() ? "Did you mean: " + near.get() + "?"
          : "Commands: " + String.join(", ", cmd.getSubcommands().keySet()));
    } else {
      err.println("dialsim: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    }
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCode.USAGE;
  }

  /** The word given where a subcommand belongs, or null when the error is something else. */
  private static String unknownCommand(CommandLine.ParameterException ex) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || ex.getCommandLine().getSubcommands().isEmpty()
        || u.getUnmatched().isEmpty()) {
      return null;
    }
    String first = u.getUnmatched().get(0);
    return first.startsWith("-") ? null : first;
  }

  /** Runs dialsim and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
