package org.dialsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs dialsim in-process and captures what it prints, as picocli-examples' tests do. */
record Cli(int exit, String out, String err) {
  static Cli run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Cli(exit, out.toString(), err.toString());
  }
}
