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
      int width = spec.usageMessage().width(); // the terminal's, as for --help (80 without one)
      for (String n : names) {
        // one entry per profile, its sentence wrapped beside the name, as picocli lists commands
        String summary = firstSentence(Profiles.get(n).summary());
        String hang = " ".repeat(w + 2);
        int start = 0;
        for (int end : HelpLayout.breaks(summary, width - w - 2, width - w - 2)) {
          out.println((start == 0 ? String.format(java.util.Locale.ROOT, "%-" + w + "s  ", n) : hang)
              + summary.substring(start, end));
          start = end + 1;
        }
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
    int width = Math.min(WIDTH, spec.usageMessage().width());
    out.println(wrap(p.summary(), "  ", width));
    out.println();
    out.println("Parameters");
    int w = p.settings().keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, String> e : p.settings().entrySet()) {
      String value = e.getValue();
      int start = 0;
      for (int end : HelpLayout.breaks(value, width - w - 4, width - w - 4)) {
        String key = start == 0 ? e.getKey() : "";
        out.println(String.format(java.util.Locale.ROOT, "  %-" + w + "s  %s", key, value.substring(start, end)));
        start = end + 1;
      }
    }
    out.println();
    out.println("Sources");
    for (String s : p.sources()) {
      out.println(wrap("- " + s, "  ", width));
    }
    if (!p.notes().isEmpty()) {
      out.println();
      out.println("Notes and uncertainties");
      for (String s : p.notes()) {
        out.println(wrap("- " + s, "  ", width));
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

  /** Where the text of one profile wraps at most: a terminal may be narrower. */
  private static final int WIDTH = 96;

  /** Wraps at {@code width} columns with a hanging indent, for reading in a terminal. */
  static String wrap(String text, String indent, int width) {
    StringBuilder sb = new StringBuilder(indent);
    int col = indent.length();
    for (String word : text.replace('\n', ' ').split(" +")) {
      if (col + word.length() + 1 > width && col > indent.length()) {
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
