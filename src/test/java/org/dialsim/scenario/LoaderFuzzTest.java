package org.dialsim.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the loader with Jazzer: any bytes either load or are refused with
 * problems that each have a line and column and read as words (no Java class, no parser token
 * name). A crash, a hang (30 s on one input) or running out of the forked JVM's small heap
 * (-Xmx192m: a few-MB input must not cost hundreds of MB) fails the test.
 *
 * <p>{@code mvn verify} runs it in fuzzing mode for a bounded time in its own surefire execution
 * (pom.xml, {@code fuzz}), seeded with every shipped scenario and every file of the bad-input
 * suite; inputs that once failed stay in {@code LoaderFuzzTestInputs/} (test resources) as a
 * regression corpus, run first in both modes.
 */
// Jazzer takes this as its limit per input (a hang); JUnit applies it to the whole fuzzing run
// too, so a longer maxDuration needs a larger value here
@Timeout(30)
class LoaderFuzzTest {
  private static final Path FILE = Path.of("fuzz.yaml");
  /** A Java class or package, an exception, a parser token such as {@code <scalar>}. */
  private static final Pattern INTERNALS =
      Pattern.compile("\\b(java|javax|org|com)\\.[a-z]+\\.[\\w.$]*|\\w*Exception\\b|<[a-z ]+>");

  /**
   * Where Jazzer keeps the corpus it grows (beside the project, git-ignored); it reads it at the
   * start of a fuzzing run.
   */
  private static final Path CORPUS =
      Path.of(".cifuzz-corpus", LoaderFuzzTest.class.getName(), "anyInputLoadsOrIsRefusedWithPositionedMessages");

  static {
    // seeds: every shipped scenario, lesson and CI example, and every file the bad-input suite
    // pins; written before Jazzer starts, as files of the corpus it grows
    try {
      Files.createDirectories(CORPUS);
      for (Path dir : new Path[] {Path.of("scenarios"), Path.of("src/test/resources/scenario")}) {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
            Files.copy(f, CORPUS.resolve("seed-" + dir.relativize(f).toString().replace('/', '-')),
                StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "12s")
  void anyInputLoadsOrIsRefusedWithPositionedMessages(byte[] input) {
    try {
      ScenarioLoader.load(FILE, input);
    } catch (ScenarioException e) {
      String text = new String(input, StandardCharsets.UTF_8);
      for (Problem p : e.problems()) {
        String line = p.toString();
        assertTrue(p.line() > 0 && p.column() > 0, () -> "no line:col: " + line);
        // a class or parser token name in the message is a leak, unless the file itself says it
        // (messages echo what the file says, quoted or as a key path)
        String words = p.message().replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        Matcher m = INTERNALS.matcher(words);
        while (m.find()) {
          String found = m.group();
          assertTrue(text.contains(found), () -> "internals (" + found + "): " + line);
        }
      }
    }
  }
}
