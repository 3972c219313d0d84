package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
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
    Path bin = tools(dir, "dirname", "find", "readlink", "mv", "rm", "cat");
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
    assertTrue(out.startsWith("java -Djava.awt.headless=true "), out);
    assertTrue(out.endsWith(" -jar " + jar.toRealPath() + " --version\n"), out);
  }

  /**
   * Once per build a one-call training run writes a class-data archive, under a name of its own;
   * it is kept only when the run succeeded and a JVM starts from it (a cut-off archive crashes
   * the JVM), and later runs start from it until the jar is rebuilt. A training run that fails
   * is not repeated until the next build, and the user's command runs all the same, its exit
   * code the launcher's. Nothing of the training is left behind.
   */
  @Test
  void aTrainingRunOncePerBuildWritesTheClassArchiveThatLaterRunsStartFrom(@TempDir Path dir) throws Exception {
    Path checkout = checkout(dir);
    Path target = Files.createDirectories(checkout.resolve("target"));
    Path jar = Files.writeString(target.resolve("dialsim.jar"), "jar");
    // file times from a clock of the test's own, so "newer" never depends on how fast this runs
    FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    Files.setLastModifiedTime(checkout.resolve("pom.xml"), old);
    Files.setLastModifiedTime(checkout.resolve("src/main"), old);
    Path bin = tools(dir, "dirname", "find", "readlink", "mv", "rm", "cat");
    // a java that logs its arguments, writes the archive it is asked for, and exits as told
    Path fakeJava = Files.writeString(bin.resolve("java"), """
        #!/bin/sh
        echo "java $*" >> "$LOG"
        for a in "$@"; do
          case "$a" in
            -XX:ArchiveClassesAtExit=*) printf archive > "${a#-XX:ArchiveClassesAtExit=}"; exit "$TRAIN" ;;
            -Xshare:on) exit "$VERIFY" ;;
          esac
        done
        exit "$STATUS"
        """);
    fakeJava.toFile().setExecutable(true);
    Files.setLastModifiedTime(fakeJava, old); // the JDK was installed before the archive is written
    Path log = dir.resolve("log");
    clock = System.currentTimeMillis() - 1_800_000;
    rebuild(jar);

    // the training run fails: no archive, and the user's command runs without one
    List<String> calls = launch(checkout, bin, log, 1, 0, 2);
    assertEquals(2, calls.size(), calls.toString());
    assertTrue(calls.get(0).contains(" -jar " + jar.toRealPath() + " run " + target.toRealPath()), calls.get(0));
    assertTrue(calls.get(0).contains(".part.yaml --quiet"), calls.get(0));
    assertFalse(calls.get(1).contains("SharedArchiveFile"), calls.get(1));
    assertEquals(List.of("failed"), leftovers(target));
    // ... and is not repeated until the next build
    assertEquals(1, launch(checkout, bin, log, 1, 0, 2).size());
    rebuild(jar);
    // an archive no JVM starts from is not kept
    assertEquals(3, launch(checkout, bin, log, 0, 1, 0).size());
    assertEquals(List.of("failed"), leftovers(target));
    rebuild(jar);
    // a good training run with a good archive: kept, under the name of this JDK, and used at once
    calls = launch(checkout, bin, log, 0, 0, 0);
    assertEquals(3, calls.size(), calls.toString());
    List<Path> kept = archives(target);
    assertEquals(1, kept.size(), kept.toString());
    assertTrue(kept.get(0).getFileName().toString().matches("dialsim-.*_java\\.jsa"), kept.toString());
    assertTrue(calls.get(0).contains(" -XX:ArchiveClassesAtExit=" + kept.get(0) + "."), calls.get(0));
    assertTrue(calls.get(1).contains(" -Xshare:on -XX:SharedArchiveFile=" + kept.get(0) + "."), calls.get(1));
    assertTrue(calls.get(2).endsWith(" -XX:SharedArchiveFile=" + kept.get(0) + " -jar " + jar.toRealPath() + " --version"),
        calls.get(2));
    assertEquals(List.of(), leftovers(target));
    // the next run starts from it and trains no more
    calls = launch(checkout, bin, log, 0, 0, 0);
    assertEquals(1, calls.size(), calls.toString());
    assertTrue(calls.get(0).contains(" -XX:SharedArchiveFile=" + kept.get(0) + " -jar "), calls.get(0));
    // a rebuilt jar trains again
    rebuild(jar);
    assertTrue(launch(checkout, bin, log, 0, 0, 0).get(0).contains(" -XX:ArchiveClassesAtExit="));
  }

  /** The launcher's training scenario is one the loader accepts (else no archive is ever made). */
  @Test
  void theTrainingScenarioInTheLauncherLoads(@TempDir Path dir) throws Exception {
    String launcher = Files.readString(Path.of("dialsim"));
    int from = launcher.indexOf("<<'YAML'\n");
    int to = launcher.indexOf("\nYAML\n", from);
    assertTrue(from > 0 && to > from, "the launcher's training scenario");
    Path file = Files.writeString(dir.resolve("training.yaml"), launcher.substring(from + "<<'YAML'\n".length(), to + 1));
    org.dialsim.scenario.LoadedScenario ls = org.dialsim.scenario.ScenarioLoader.load(file);
    assertEquals(1, ls.points().get(0).topology().workload().clients());
    assertEquals(1, ls.points().get(0).topology().workload().callsPerClient());
  }

  /** Runs the launcher with the fake java's exit codes; returns the java calls it made. */
  private static List<String> launch(Path checkout, Path bin, Path log, int train, int verify, int status)
      throws Exception {
    Files.deleteIfExists(log);
    ProcessBuilder pb = new ProcessBuilder(which("bash").toString(), checkout.resolve("dialsim").toString(), "--version");
    pb.environment().put("PATH", bin.toString());
    pb.environment().put("LOG", log.toString());
    pb.environment().put("TRAIN", Integer.toString(train));
    pb.environment().put("VERIFY", Integer.toString(verify));
    pb.environment().put("STATUS", Integer.toString(status));
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    assertEquals(status, pb.start().waitFor(), "the launcher's exit code is the command's");
    try (java.util.stream.Stream<Path> files = Files.list(checkout.resolve("target"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().contains(".jsa")).toList()) {
        Files.setLastModifiedTime(f, FileTime.fromMillis(clock += 10_000)); // what the launcher wrote, now
      }
    }
    return Files.readAllLines(log);
  }

  /** A jar built after everything the launcher has made. */
  private static void rebuild(Path jar) throws IOException {
    Files.setLastModifiedTime(jar, FileTime.fromMillis(clock += 10_000));
  }

  /** The test's clock for file times, in milliseconds. */
  private static long clock;

  /** The archives in {@code target}. */
  private static List<Path> archives(Path target) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.list(target)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted().toList();
    }
  }

  /** What the training left in {@code target} besides the jar and an archive: suffixes after ".jsa.". */
  private static List<String> leftovers(Path target) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.list(target)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".jsa."))
          .map(n -> n.substring(n.indexOf(".jsa.") + 5)).sorted().toList();
    }
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
