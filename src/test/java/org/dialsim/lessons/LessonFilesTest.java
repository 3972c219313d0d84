package org.dialsim.lessons;

import org.dialsim.cli.Cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dialsim.check.Assertion;
import org.dialsim.check.Verdict;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.sim.Runner;
import org.dialsim.stack.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lesson files as files: each loads, says what a lesson must say, stays small, and keeps
 * its own {@code expect:} promises; the index in {@code scenarios/README.md} lists each one with
 * commands that work.
 */
class LessonFilesTest {
  /** A lesson runs in well under 2 s: at most this many calls over all points and configurations. */
  private static final long MAX_CALLS = 60_000;

  static Stream<String> files() {
    return Lessons.FILES.stream();
  }

  @Test
  void theLessonsFolderHoldsExactlyTheListedLessons() throws IOException {
    List<String> onDisk;
    try (Stream<Path> s = Files.list(Lessons.DIR)) {
      onDisk = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    }
    assertEquals(Lessons.FILES, onDisk);
  }

  @ParameterizedTest
  @MethodSource("files")
  void validatesAndSaysWhatALessonMustSay(String file) {
    LoadedScenario l = Lessons.load(file);
    Scenario s = l.points().get(0);
    assertTrue(s.name().startsWith("lesson-"), "report folders of lessons do not clash with the worked examples: " + s.name());
    assertFalse(s.title().isBlank() || s.title().equals(s.name()), "a title of its own");
    String d = s.description();
    assertTrue(d.startsWith("The lesson: "), d);
    assertTrue(d.contains("What to look for: "), d);
    assertTrue(d.contains("The numbers"), d);
    assertTrue(s.configurations().size() >= 2, "a wrong and a right setup");
    assertFalse(l.expectations().isEmpty(), "the numbers are held by expect:");
    long calls = 0;
    for (Scenario p : l.points()) {
      calls += (long) p.replications() * p.topology().workload().clients() * p.topology().workload().callsPerClient()
          * p.configurations().size();
    }
    assertTrue(calls <= MAX_CALLS, file + " simulates " + calls + " calls; keep lessons small");
  }

  @ParameterizedTest
  @MethodSource("files")
  void keepsEveryExpectationItWrites(String file) throws Exception {
    // judged exactly as `dialsim check` judges them
    LoadedScenario l = Lessons.load(file);
    Lessons.Run run = new Lessons.Run(l);
    List<Assertion> assertions = Assertion.expand(l);
    assertTrue(assertions.size() >= l.expectations().size(), "every expectation applies somewhere");
    List<String> broken = new ArrayList<>();
    for (Assertion a : assertions) {
      Runner.Result r = run.results.stream()
          .filter(x -> x.job().configuration().name().equals(a.configuration()) && x.job().point().equals(a.point()))
          .findFirst().orElseThrow();
      Verdict v = a.judge(r.metrics());
      if (!v.passed()) {
        broken.add(v.line());
      }
    }
    assertEquals(List.of(), broken);
  }

  private static final Pattern COMMAND = Pattern.compile("`(\\./dialsim [^`]+)`");

  @Test
  void theIndexListsEveryLessonWithCommandsThatWork() throws IOException {
    List<String> rows = Files.readAllLines(Path.of("scenarios", "README.md")).stream()
        .filter(line -> line.startsWith("| ") && line.contains("./dialsim")).toList();
    assertEquals(Lessons.FILES.size(), rows.size(), "one table row per lesson");
    for (int i = 0; i < rows.size(); i++) {
      String row = rows.get(i);
      String file = Lessons.FILES.get(i);
      assertTrue(row.startsWith("| " + (i + 1) + " |"), row);
      assertTrue(row.contains("`lessons/" + file + "`"), row);
      Matcher m = COMMAND.matcher(row);
      List<String> commands = new ArrayList<>();
      while (m.find()) {
        commands.add(m.group(1));
      }
      assertEquals(2, commands.size(), row);
      assertEquals("./dialsim run scenarios/lessons/" + file, commands.get(1));
      // a description that names its explain command names the one tested here
      String description = Lessons.scenario(file).description();
      if (description.contains("./dialsim explain")) {
        assertTrue(description.contains(commands.get(0)), file + ": " + description);
      }
      List<String> explain = Lessons.words(commands.get(0));
      assertEquals(List.of("./dialsim", "explain", "scenarios/lessons/" + file), explain.subList(0, 3));
      // the command as written (without the launcher), text and --json
      String[] args = explain.subList(1, explain.size()).toArray(new String[0]);
      Cli text = Cli.run(args);
      assertEquals(0, text.exit(), commands.get(0) + ": " + text.err());
      assertTrue(text.out().contains("\nVerdict\n  "), text.out());
      String[] json = Stream.concat(Stream.of(args), Stream.of("--json")).toArray(String[]::new);
      Cli j = Cli.run(json);
      assertEquals(0, j.exit(), j.err());
      Configuration c = configurationOf(file, explain);
      assertEquals(c.name(), Lessons.parse(j.out()).get("configuration").asText());
    }
  }

  private static Configuration configurationOf(String file, List<String> explain) {
    Scenario s = Lessons.scenario(file);
    int at = explain.indexOf("--configuration");
    return at < 0 ? s.configurations().get(0) : Lessons.configuration(s, explain.get(at + 1));
  }
}
