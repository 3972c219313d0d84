package org.dialsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run as its own process (the packaged jar, sbatch, a shell), with a time limit, for
 * the integration tests that use dialsim as its users do.
 *
 * @param exit the exit code
 * @param output standard output and error, interleaved
 */
record ProcessRun(int exit, String output) {
  /** The packaged jar (failsafe passes its path; the tests run after package). */
  static Path jar() {
    return Path.of(System.getProperty("dialsim.jar", "target/dialsim.jar")).toAbsolutePath();
  }

  /** The project folder. */
  static Path basedir() {
    return Path.of(System.getProperty("dialsim.basedir", ".")).toAbsolutePath();
  }

  /** The java launcher of the JVM running the tests. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code java -Xmx256m -jar dialsim.jar ARGS}: one dialsim process, sized as one task would be. */
  static List<String> dialsim(String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-Djava.awt.headless=true", "-jar", jar().toString()));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Runs {@code command} in {@code dir} with the environment changed by {@code env} (a null
   * value removes the variable); kills it and fails after {@code limit}.
   */
  static ProcessRun run(Path dir, Map<String, String> env, Duration limit, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    env.forEach((k, v) -> {
      if (v == null) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      // read while it runs, so a chatty process cannot block on a full pipe
      var out = new java.io.ByteArrayOutputStream();
      Thread reader = new Thread(() -> {
        try {
          p.getInputStream().transferTo(out);
        } catch (IOException e) {
          // the process ended or was killed; what was read is kept
        }
      });
      reader.start();
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        reader.join(5_000);
        throw new AssertionError("timed out after " + limit.toSeconds() + " s: " + String.join(" ", command) + "\n"
            + out.toString(StandardCharsets.UTF_8));
      }
      reader.join();
      return new ProcessRun(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
