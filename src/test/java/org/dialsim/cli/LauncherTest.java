package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code dialsim} launcher script, run by bash as a user runs it. */
class LauncherTest {
  /**
   * A fresh checkout without Maven: no jar to run and nothing to build it with. The launcher
   * says what is missing and how to get it, with exit 4 (an environment problem), not bash's
   * 127 "mvn: command not found".
   */
  @Test
  void withoutMavenItSaysWhatToInstall(@TempDir Path dir) throws Exception {
    Path checkout = checkout(dir);
    // a PATH with the tools the script uses and no mvn
    Path bin = tools(dir, "dirname", "find");
    ProcessBuilder pb = new ProcessBuilder(which("bash").toString(), checkout.resolve("dialsim").toString(), "--version");
    pb.environment().put("PATH", bin.toString());
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process run = pb.start();
    String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(ExitCode.INTERNAL, run.waitFor(), err);
    assertTrue(err.contains("needs Maven 3.8 or newer"), err);
    assertTrue(err.contains("apt-get install maven"), err);
    assertFalse(err.contains("command not found"), err);
  }

  /**
   * A symlink to the launcher on PATH runs the checkout's jar: the launcher once looked for
   * target/dialsim.jar beside the link and tried to build there, in a folder without a pom.
   */
  @Test
  void throughASymlinkItRunsTheCheckoutsJar(@TempDir Path dir) throws Exception {
    Path checkout = checkout(dir);
    Path jar = Files.writeString(Files.createDirectories(checkout.resolve("target")).resolve("dialsim.jar"), "jar");
    // built after the sources, so the launcher does not build
    java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000);
    Files.setLastModifiedTime(checkout.resolve("pom.xml"), old);
    Files.setLastModifiedTime(checkout.resolve("src/main"), old);
    Path bin = tools(dir, "dirname", "find", "readlink");
    // a java that says how it was called
    Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"java $*\"\n");
    java.toFile().setExecutable(true);
    Path onPath = Files.createSymbolicLink(Files.createDirectories(dir.resolve("home-bin")).resolve("dialsim"),
        checkout.resolve("dialsim"));
    ProcessBuilder pb = new ProcessBuilder(which("bash").toString(), onPath.toString(), "--version");
    pb.environment().put("PATH", bin.toString());
    pb.redirectErrorStream(true);
    Process run = pb.start();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, run.waitFor(), out);
    assertEquals("java -Djava.awt.headless=true -jar " + jar.toRealPath() + " --version\n", out);
  }

  /** A checkout of the launcher with sources and a pom, and no jar. */
  private static Path checkout(Path dir) throws IOException {
    Path checkout = Files.createDirectories(dir.resolve("checkout"));
    Files.copy(Path.of("dialsim"), checkout.resolve("dialsim"));
    Files.createDirectories(checkout.resolve("src/main"));
    Files.writeString(checkout.resolve("pom.xml"), "<project/>");
    return checkout;
  }

  /** A folder for PATH holding links to these tools only. */
  private static Path tools(Path dir, String... tools) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String tool : tools) {
      Files.createSymbolicLink(bin.resolve(tool), which(tool));
    }
    return bin;
  }

  private static Path which(String tool) throws IOException {
    for (String d : System.getenv("PATH").split(":")) {
      Path p = Path.of(d, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IOException(tool + " is not on PATH");
  }
}
