package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help as a person reads it at 80 and 160 columns: nothing cut or wrapped
 * twice, examples that run when pasted, no internal document names.
 */
class HelpTextTest {
  /** The root command and every subcommand, as configured for the launcher. */
  private static List<CommandLine> commands() {
    CommandLine root = Main.commandLine();
    List<CommandLine> all = new ArrayList<>();
    all.add(root);
    all.addAll(root.getSubcommands().values());
    return all;
  }

  private static String help(CommandLine c, int width) {
    CommandLine root = c;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    root.setUsageHelpAutoWidth(false);
    root.setUsageHelpWidth(width);
    return c.getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  private static String name(CommandLine c) {
    return c.getCommandSpec().qualifiedName();
  }

  @ParameterizedTest
  @ValueSource(ints = {80, 160})
  void noLineIsLongerThanTheTerminal(int width) {
    for (CommandLine c : commands()) {
      for (String line : help(c, width).split("\n")) {
        assertTrue(line.length() <= width, name(c) + " at " + width + ": " + line);
      }
    }
  }

  /**
   * Prose is one paragraph per description string, wrapped once by picocli: a line never ends
   * where the next line's first word would still have fitted (the orphan words that pre-wrapped
   * lines gave).
   */
  @ParameterizedTest
  @ValueSource(ints = {80, 160})
  void paragraphsAreWrappedOnceToTheWidth(int width) {
    for (CommandLine c : commands()) {
      String[] lines = help(c, width).split("\n");
      for (int i = 0; i + 1 < lines.length; i++) {
        String a = lines[i];
        String b = lines[i + 1];
        if (!prose(a) || !prose(b) || a.startsWith("Usage:")) {
          continue;
        }
        String next = b.split(" ", 2)[0];
        // picocli keeps the last column free, so a full line has width - 1 characters at most
        assertTrue(a.length() + 1 + next.length() > width - 1,
            name(c) + " at " + width + ": \"" + next + "\" would fit after \"" + a + "\"");
      }
    }
  }

  /** A line of description prose: not indented (options, examples and tables are), not a heading. */
  private static boolean prose(String line) {
    return !line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.endsWith(":");
  }

  /**
   * Lines break between words only, at every width: picocli's own wrapping broke "index.html"
   * into "index." and "html" at 120 and 160 columns, and "reports/junit.xml" in an example at 60.
   * Every word of the help at a width is a word of the help unwrapped.
   */
  @Test
  void noWordIsCutAtAnyWidth() {
    for (CommandLine c : commands()) {
      java.util.Set<String> whole = new java.util.HashSet<>(List.of(help(c, 2000).strip().split("\\s+")));
      for (int width = 55; width <= 200; width++) { // picocli refuses less than 55
        for (String word : help(c, width).strip().split("\\s+")) {
          assertTrue(whole.contains(word), name(c) + " at " + width + " cuts a word: \"" + word + "\"");
        }
      }
    }
  }

  /** An example or another indented line is printed as written, also where it is wider than the terminal. */
  @Test
  void anExampleIsNeverWrappedInANarrowTerminal() {
    for (CommandLine c : commands()) {
      List<String> wide = examples(help(c, 2000));
      assertEquals(wide, examples(help(c, 55)), name(c));
    }
  }

  /** The word breaks: at spaces, a line that goes on leaves room for its space, a long word stays whole. */
  @Test
  void breaksAreAtSpaces() {
    // in 15 columns "writes results.csv," (19) does not fit, nor "results.csv, results.json" (25); spaces at 6, 19, 32
    assertEquals(List.of(6, 19, 32, 43), toList(HelpLayout.breaks("writes results.csv, results.json index.html", 15, 15)));
    // a last line may fill every column: 10 characters in 10
    assertEquals(List.of(10), toList(HelpLayout.breaks("index.html", 10, 10)));
    // "reports/junit.xml" (17) is longer than 8 columns: it stays whole on a line of its own
    assertEquals(List.of(4, 22), toList(HelpLayout.breaks("word reports/junit.xml", 8, 8)));
  }

  private static List<Integer> toList(int[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }

  @Test
  void theCommandListShowsEachSummaryWhole() {
    CommandLine root = Main.commandLine();
    String help = help(root, 80);
    for (CommandLine sub : root.getSubcommands().values()) {
      String[] header = sub.getCommandSpec().usageMessage().header();
      String summary = header.length > 0 ? header[0] : sub.getCommandSpec().usageMessage().description()[0];
      assertTrue(summary.endsWith("."), name(sub) + ": a summary is one sentence: " + summary);
      assertTrue(help.lines().anyMatch(l -> l.matches("  " + sub.getCommandName() + " +\\Q" + summary + "\\E")),
          name(sub) + "'s summary is cut or wrapped in:\n" + help);
    }
  }

  @Test
  void noHelpNamesAnInternalDocument() {
    for (CommandLine c : commands()) {
      String help = help(c, 80);
      assertFalse(help.contains("SPEC"), name(c) + ":\n" + help);
    }
  }

  /**
   * Each example, pasted into a shell from the repository's top folder, parses as a dialsim
   * command line, and the scenario files it names exist there.
   */
  @Test
  void everyExampleIsACommandLineThatParses() throws IOException {
    int examples = 0;
    for (CommandLine c : commands()) {
      for (String line : examples(help(c, 80))) {
        examples++;
        // source <(dialsim completion): the dialsim command inside the shell's substitution
        int inner = line.indexOf("(dialsim ");
        String example = inner < 0 ? line : line.substring(inner + 1, line.indexOf(')', inner));
        List<String> words = shellWords(example);
        assertEquals("dialsim", words.get(0), example);
        List<String> args = words.subList(1, words.size());
        try {
          Main.commandLine().parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
          fail(name(c) + " example does not parse: " + example + ": " + e.getMessage());
        }
        for (String a : args) {
          if (a.endsWith(".yaml")) {
            assertTrue(matches(a) > 0, name(c) + " example names a missing file: " + a);
          }
        }
      }
    }
    assertTrue(examples >= 12, "examples found: " + examples);
  }

  @Test
  void aMistypedCommandGetsTheNearestOne() {
    Cli c = Cli.run("rnu", "scenarios/ucma-first-call.yaml");
    assertEquals(ExitCode.USAGE, c.exit());
    assertEquals("dialsim: 'rnu' is not a dialsim command\nDid you mean: run?\n"
        + "Try 'dialsim --help' for more information.\n", c.err());
    Cli far = Cli.run("frobnicate");
    assertTrue(far.err().contains("Commands: run, "), far.err());
  }

  /** Without a command, the message names every command there is (it once left out schema and completion). */
  @Test
  void withoutACommandItNamesEveryCommand() {
    Cli c = Cli.run();
    assertEquals(ExitCode.USAGE, c.exit());
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      assertTrue(c.err().contains(" " + command), command + " missing from: " + c.err());
    }
  }

  /** The commands under each "Examples:" heading, continuation lines joined. */
  static List<String> examples(String help) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    StringBuilder current = null;
    for (String line : help.split("\n")) {
      if (line.equals("Examples:") || line.equals("Example:")) {
        in = true;
        continue;
      }
      if (!in) {
        continue;
      }
      if (line.isBlank()) {
        in = false;
        continue;
      }
      assertTrue(line.startsWith("  "), "an example line was wrapped: " + line);
      if (current == null) {
        current = new StringBuilder();
      }
      String text = line.strip();
      if (text.endsWith("\\")) {
        current.append(text, 0, text.length() - 1);
        continue;
      }
      out.add(current.append(text).toString());
      current = null;
    }
    return out;
  }

  /**
   * Splits a POSIX shell command line into the words of its first command: single and double
   * quotes, no expansions, up to a redirection or another command ({@code >}, {@code |}, {@code &&}).
   */
  static List<String> shellWords(String line) {
    List<String> words = allWords(line);
    for (int i = 0; i < words.size(); i++) {
      if (List.of(">", ">>", "|", "&&", ";").contains(words.get(i))) {
        return words.subList(0, i);
      }
    }
    return words;
  }

  private static List<String> allWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = null;
    char quote = 0;
    for (char ch : line.toCharArray()) {
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          w.append(ch);
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        w = w == null ? new StringBuilder() : w;
      } else if (Character.isWhitespace(ch)) {
        if (w != null) {
          words.add(w.toString());
          w = null;
        }
      } else {
        w = w == null ? new StringBuilder() : w;
        w.append(ch);
      }
    }
    if (w != null) {
      words.add(w.toString());
    }
    return words;
  }

  /** How many files a path or a one-folder glob (scenarios/*.yaml) names. */
  private static long matches(String pattern) throws IOException {
    if (!pattern.contains("*")) {
      return Files.isRegularFile(Path.of(pattern)) ? 1 : 0;
    }
    Path dir = Path.of(pattern).getParent();
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(m::matches).count();
    }
  }
}
