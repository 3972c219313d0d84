package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dialsim.report.CsvReport;
import org.dialsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden results: every shipped scenario's results.csv, and a few explain --json outputs, pinned
 * byte for byte in src/test/resources/golden. Any change to the model, the profiles or the random
 * streams shows up here as a diff, and the commit that makes it must say why the numbers moved.
 *
 * <p>After an intended change, regenerate with
 * {@code mvn -B -q test -Dtest=GoldenResultsTest -Dgolden.update=true} and read the diff.
 */
class GoldenResultsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /** The explain calls pinned: scenario, then the explain options. */
  private static final List<List<String>> EXPLAINED = List.of(
      List.of("scenarios/ucma-first-call.yaml", "--configuration", "UCMA 4.0", "--find", "first-failure"),
      List.of("scenarios/lessons/01-only-two-addresses-tried.yaml", "--find", "failed"),
      List.of("scenarios/lessons/09-happy-eyeballs-rescue.yaml", "--find", "slowest"),
      List.of("scenarios/stale-hosts-file.yaml", "--find", "slowest"),
      List.of("scenarios/ci/retry-policy.yaml", "--find", "slowest"),
      List.of("scenarios/lessons/11-http3-udp-blocked.yaml", "--configuration", "HEv3, HTTP/3 on", "--find", "first-failure"));

  @TestFactory
  Stream<DynamicTest> everyShippedScenarioGivesItsPinnedResults() throws IOException {
    List<Path> files = org.dialsim.sim.Fixtures.shippedScenarios();
    assertTrue(files.size() >= 20, "the shipped scenarios were found: " + files);
    return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
      RunOptions options = new RunOptions();
      options.quiet = true;
      options.threads = 2;
      String csv = CsvReport.render(Scenarios.simulate(ScenarioLoader.load(f), options));
      check(GOLDEN.resolve(name(f) + ".csv"), csv);
    }));
  }

  @TestFactory
  Stream<DynamicTest> pinnedExplanationsAreUnchanged() {
    return EXPLAINED.stream().map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> {
      String[] line = Stream.concat(Stream.of("explain"), Stream.concat(args.stream(), Stream.of("--json")))
          .toArray(String[]::new);
      Cli c = Cli.run(line);
      assertEquals(0, c.exit(), c.err());
      check(GOLDEN.resolve("explain-" + name(Path.of(args.get(0))) + "-" + args.get(args.size() - 1) + ".json"), c.out());
    }));
  }

  /** scenarios/lessons/01-x.yaml becomes lessons-01-x. */
  private static String name(Path scenario) {
    String rel = Path.of("scenarios").relativize(scenario).toString();
    return rel.substring(0, rel.length() - ".yaml".length()).replace('/', '-');
  }

  private static void check(Path golden, String actual) throws IOException {
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(golden), golden + " is missing; generate it with -Dgolden.update=true");
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
        golden + " differs: if the change is intended, regenerate with -Dgolden.update=true and say why in the commit");
  }
}
