package org.dialsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Runs dialsim in-process and captures what it prints, as picocli-examples' tests do. A command
 * that writes reports without an {@code --out} of the test's own writes into a temporary folder,
 * never into the checkout's reports/.
 *
 * @param exit the exit code
 * @param out standard output
 * @param err standard error
 */
public record Cli(int exit, String out, String err) {
  private static final Set<String> WRITERS = Set.of("run", "merge", "explain", "check");
  private static final Path SCRATCH;

  static {
    try {
      SCRATCH = Files.createTempDirectory("dialsim-test-reports");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs one command line. */
  public static Cli run(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    if (!a.isEmpty() && WRITERS.contains(a.get(0)) && !a.contains("--out") && !a.contains("--help")) {
      a.add("--out");
      a.add(SCRATCH.resolve(Long.toString(System.nanoTime())).toString());
    }
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(a.toArray(new String[0]));
    return new Cli(exit, out.toString(), err.toString());
  }
}
