package org.dialsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Profiles;
import org.dialsim.scenario.ScenarioException;
import org.dialsim.scenario.ScenarioLoader;
import org.dialsim.stack.Configuration;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dialsim completion}: a bash and zsh completion script, picocli's {@link AutoComplete}
 * for every command and option, with profile names for {@code stacks} and, read from the
 * scenario file on the line, configuration names for {@code explain --configuration}.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Print a bash or zsh completion script.",
    synopsisHeading = "%nUsage: ",
    description = {
      "Print a script that completes dialsim's commands, options, profile names (dialsim stacks) and, read from "
          + "the scenario file on the command line, configuration names (explain --configuration). It works in "
          + "bash and in zsh (through bashcompinit), for dialsim on PATH and for ./dialsim.",
      "",
      "The first example completes in the current shell. The second installs the script for good in bash "
          + "(bash-completion loads it when dialsim is first completed). In zsh, write it as in the third and "
          + "add `source ~/.dialsim.zsh` to ~/.zshrc.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  source <(dialsim completion)",
      "  dialsim completion > ~/.local/share/bash-completion/completions/dialsim",
      "  dialsim completion > ~/.dialsim.zsh",
      ExitCode.HELP_FOOTER
    })
public final class CompletionCommand implements Callable<Integer> {
  /** The case of picocli's explain function that completes nothing after --configuration. */
  private static final String NO_CONFIGURATIONS = "    '--configuration')\n      return\n      ;;\n";

  /**
   * Completes the configuration names of the last scenario file on the line: the script asks
   * dialsim itself, so names with spaces ("UCMA 4.0") come back quoted.
   */
  private static final String CONFIGURATIONS = """
          '--configuration')
            local IFS=$'\\n' dialsim_file dialsim_word
            for dialsim_word in "${COMP_WORDS[@]}"; do
              case "$dialsim_word" in *.yaml|*.yml) dialsim_file="$dialsim_word" ;; esac
            done
            [ -n "$dialsim_file" ] || return 0
            COMPREPLY=( $( compReplyArray $("${COMP_WORDS[0]}" completion --configurations "$dialsim_file" 2>/dev/null) ) )
            return 0
            ;;
      """;

  @Option(names = "--configurations", paramLabel = "SCENARIO.yaml", hidden = true,
      description = "Print the configuration names of a scenario file, one a line (the script's helper).")
  Path configurationsOf;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (configurationsOf != null) {
      // a completion helper prints what it can and never complains into the user's prompt
      try {
        LoadedScenario ls = ScenarioLoader.load(configurationsOf);
        for (Configuration c : ls.points().get(0).configurations()) {
          out.println(c.name());
        }
      } catch (ScenarioException | java.io.IOException e) {
        // nothing to offer
      }
      out.flush();
      return ExitCode.OK;
    }
    out.print(script(spec.root().commandLine()));
    out.flush();
    return ExitCode.OK;
  }

  /** The completion script for {@code root}. */
  static String script(CommandLine root) {
    String bash = AutoComplete.bash("dialsim", root);
    if (!bash.contains(NO_CONFIGURATIONS)) {
      throw new IllegalStateException("picocli's completion script changed: no empty --configuration case to fill");
    }
    // not println: a script with Windows line ends fails in strange ways
    return bash.replace(NO_CONFIGURATIONS, CONFIGURATIONS)
        + "\n# also when run from the checkout as ./dialsim\ncomplete -F _complete_dialsim -o default ./dialsim\n";
  }

  /** Profile names, for completing {@code dialsim stacks NAME}. */
  static final class ProfileNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Profiles.names().iterator();
    }
  }
}
