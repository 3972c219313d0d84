package org.dialsim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dialsim.scenario.Profile;
import org.dialsim.scenario.Profiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dialsim stacks}: list the built-in profiles, or describe one with its sources. */
@Command(
    name = "stacks",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "List the built-in client stacks, or show one with its sources.",
    synopsisHeading = "%nUsage: ",
    description = {
      "Without NAME: list the built-in client stack profiles. With NAME: every resolved parameter of that "
          + "profile, where each value comes from (RFC section, client source file, vendor document) and what "
          + "is uncertain.",
      ""
    },
    footer = {"", "Examples:", "  dialsim stacks", "  dialsim stacks ucma-4", "",
      "In a scenario file, a profile as it is, or as the base of changes:",
      "  stack: ucma-4",
      "  stack: { base: ucma-4, deadline: 60s }",
      ExitCode.HELP_FOOTER})
public final class StacksCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "NAME", description = "A profile name.",
      completionCandidates = CompletionCommand.ProfileNames.class)
  String name;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (name == null) {
      List<String> names = Profiles.names();
      int w = names.stream().mapToInt(String::length).max().orElse(0);
      for (String n : names) {
        out.println(String.format(java.util.Locale.ROOT, "%-" + w + "s  %s", n, firstSentence(Profiles.get(n).summary())));
      }
      out.println();
      out.println("dialsim stacks NAME shows a profile's parameters and sources.");
      out.flush();
      return ExitCode.OK;
    }
    Profile p;
    try {
      p = Profiles.get(name);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    out.println(p.name());
    out.println(wrap(p.summary(), "  "));
    out.println();
    out.println("Parameters");
    int w = p.settings().keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, String> e : p.settings().entrySet()) {
      out.println(String.format(java.util.Locale.ROOT, "  %-" + w + "s  %s", e.getKey(), e.getValue()));
    }
    out.println();
    out.println("Sources");
    for (String s : p.sources()) {
      out.println(wrap("- " + s, "  "));
    }
    if (!p.notes().isEmpty()) {
      out.println();
      out.println("Notes and uncertainties");
      for (String s : p.notes()) {
        out.println(wrap("- " + s, "  "));
      }
    }
    out.flush();
    return ExitCode.OK;
  }

  private static String firstSentence(String text) {
    String s = text.replace('\n', ' ');
    int end = s.indexOf(". ");
    return end > 0 ? s.substring(0, end + 1) : s;
  }

  /** Wraps at 96 columns with a hanging indent, for reading in a terminal. */
  static String wrap(String text, String indent) {
    StringBuilder sb = new StringBuilder(indent);
    int col = indent.length();
    for (String word : text.replace('\n', ' ').split(" +")) {
      if (col + word.length() + 1 > 96 && col > indent.length()) {
        sb.append('\n').append(indent).append("  ");
        col = indent.length() + 2;
      } else if (col > indent.length()) {
        sb.append(' ');
        col++;
      }
      sb.append(word);
      col += word.length();
    }
    return sb.toString();
  }
}
