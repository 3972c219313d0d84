package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script, sourced by a real bash and asked for completions as bash asks. */
class CompletionTest {
  @TempDir
  static Path dir;

  private static Path script;
  private static Path shim;

  @BeforeAll
  static void writeScriptAndShim() throws Exception {
    Cli c = Cli.run("completion");
    assertEquals(0, c.exit(), c.err());
    script = Files.writeString(dir.resolve("dialsim-completion.bash"), c.out());
    // the script asks "dialsim completion --configurations FILE" of the command on the line
    shim = dir.resolve("dialsim");
    Files.writeString(shim, "#!/bin/sh\nexec java -cp '" + System.getProperty("java.class.path")
        + "' org.dialsim.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** What bash offers for the last word of {@code words}, one candidate a line. */
  private static String complete(String... words) throws Exception {
    StringBuilder line = new StringBuilder();
    for (String w : words) {
      line.append(" '").append(w.replace("'", "'\\''")).append('\'');
    }
    String program = "source '" + script + "' 2>/dev/null\n"
        + "COMP_WORDS=(" + line + ")\nCOMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
        + "_complete_dialsim 2>/dev/null\n[ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process p = new ProcessBuilder("bash", "-c", program).directory(Path.of("").toAbsolutePath().toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    return out;
  }

  @Test
  void commandsOptionsAndChoices() throws Exception {
    assertEquals("stacks\n", complete("dialsim", "sta"));
    assertEquals("--threads\n", complete("dialsim", "run", "--th"));
    assertEquals("failed\nfirst-failure\n", complete("dialsim", "explain", "x.yaml", "--find", "f"));
    assertEquals("text\ngithub\n", complete("dialsim", "check", "--format", ""));
  }

  @Test
  void profileNamesForStacks() throws Exception {
    assertEquals("ucma-4\n", complete("dialsim", "stacks", "uc"));
  }

  @Test
  void configurationNamesFromTheScenarioOnTheLine() throws Exception {
    // quoted for the shell: bash inserts UCMA\ 4.0, which is one word
    assertEquals("UCMA\\ 4.0\n", complete(shim.toString(), "explain", "scenarios/ucma-first-call.yaml", "--configuration", "U"));
    assertEquals("", complete(shim.toString(), "explain", "--configuration", ""), "no scenario on the line yet");
  }
}
