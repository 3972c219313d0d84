package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeCommandTest {
  private static final String GRID = "scenarios/timeout-grid.yaml";
  /** Five sweep points of three configurations, lognormal RTTs, memory across three calls. */
  private static final String SWEEP = "scenarios/deadline-sweep.yaml";

  @Test
  void mergedShardsOfTheTimeoutGridAreByteIdenticalToOneRunForOneThreeAndSevenShards(@TempDir Path dir) throws IOException {
    assertShardsMergeToTheRun(dir, GRID, "40");
  }

  @Test
  void mergedShardsOfASweepOfSeveralConfigurationsAreByteIdenticalToOneRun(@TempDir Path dir) throws IOException {
    assertShardsMergeToTheRun(dir, SWEEP, "12");
  }

  private static void assertShardsMergeToTheRun(Path dir, String scenario, String replications) throws IOException {
    Path single = dir.resolve("single");
    ok(Cli.run("run", scenario, "--replications", replications, "--quiet", "--out", single.toString()));
    for (int n : new int[] {1, 3, 7}) {
      List<String> args = new ArrayList<>(List.of("merge"));
      for (int i = 0; i < n; i++) {
        // one thread for some shards, two for others: neither may matter
        ok(Cli.run("run", scenario, "--replications", replications, "--shard", i + "/" + n, "--threads", 1 + i % 2 + "",
            "--quiet", "--out", dir.resolve("parts-" + n).toString()));
        args.add(dir.resolve("parts-" + n).resolve("shard-" + i + "-of-" + n + ".json").toString());
      }
      Path merged = dir.resolve("merged-" + n);
      args.addAll(List.of("--quiet", "--out", merged.toString()));
      ok(Cli.run(args.toArray(new String[0])));
      assertSameFiles(single, merged);
    }
  }

  @Test
  void mergingMergesGivesTheSameBytesInAnyGrouping(@TempDir Path dir) throws IOException {
    List<String> parts = shards(dir, GRID, 5, "20");
    Path left = dir.resolve("left.json");
    Path right = dir.resolve("right.json");
    ok(Cli.run("merge", parts.get(0), parts.get(1), "--quiet", "--out", left.toString()));
    ok(Cli.run("merge", parts.get(2), parts.get(3), parts.get(4), "--quiet", "--out", right.toString()));
    Path all = dir.resolve("all.json");
    ok(Cli.run("merge", parts.get(4), parts.get(2), parts.get(0), parts.get(3), parts.get(1), "--quiet", "--out", all.toString()));
    Path nested = dir.resolve("nested.json");
    ok(Cli.run("merge", right.toString(), left.toString(), "--quiet", "--out", nested.toString()));
    assertArrayEquals(Files.readAllBytes(all), Files.readAllBytes(nested), "((0 1) (2 3 4)) = (4 2 0 3 1)");

    ok(Cli.run("merge", left.toString(), right.toString(), "--quiet", "--out", dir.resolve("from-merges").toString()));
    List<String> direct = new ArrayList<>(List.of("merge"));
    direct.addAll(parts);
    direct.addAll(List.of("--quiet", "--out", dir.resolve("from-shards").toString()));
    ok(Cli.run(direct.toArray(new String[0])));
    assertSameFiles(dir.resolve("from-shards"), dir.resolve("from-merges"));
  }

  @Test
  void aMissingShardExitsThreeAndIsNamed(@TempDir Path dir) throws IOException {
    List<String> parts = shards(dir, GRID, 7, "20");
    Path out = dir.resolve("report");
    Cli c = Cli.run("merge", parts.get(0), parts.get(1), parts.get(2), parts.get(4), parts.get(6), "--out", out.toString());
    assertEquals(3, c.exit(), c.err());
    assertTrue(c.err().contains("timeout-grid: 2 of 7 shards missing: 3,5;"), c.err());
    assertTrue(c.err().contains("sbatch --array=3,5"), c.err());
    assertFalse(Files.exists(out), "nothing written");
    // a merged part may be incomplete, and says what it still lacks
    Cli part = Cli.run("merge", parts.get(0), parts.get(1), "--out", dir.resolve("some.json").toString());
    assertEquals(0, part.exit(), part.err());
    assertTrue(part.out().contains("with 2 of 7 shards; still missing: 2-6"), part.out());
  }

  @Test
  void aShardOfAnotherScenarioSeedOrVersionIsRefused(@TempDir Path dir) throws IOException {
    List<String> grid = shards(dir.resolve("grid"), GRID, 2, "20");
    List<String> other = shards(dir.resolve("other"), "scenarios/shared-host.yaml", 2, "20");
    Cli scenario = Cli.run("merge", grid.get(0), other.get(1), "--out", dir.resolve("a").toString());
    assertEquals(3, scenario.exit());
    assertTrue(scenario.err().contains(other.get(1) + ": not a part of the same run as " + grid.get(0)
        + ": it is of scenario shared-host, not timeout-grid"), scenario.err());

    ok(Cli.run("run", GRID, "--replications", "20", "--seed", "8", "--shard", "1/2", "--quiet", "--out", dir.resolve("seed8.json").toString()));
    Cli seed = Cli.run("merge", grid.get(0), dir.resolve("seed8.json").toString(), "--out", dir.resolve("b").toString());
    assertEquals(3, seed.exit());
    assertTrue(seed.err().contains("it ran with seed 8, not 7"), seed.err());

    Path old = dir.resolve("old.json");
    String text = Files.readString(Path.of(grid.get(1)));
    Files.writeString(old, text.replace("\"dialsim_version\" : \"" + Version.get() + "\"", "\"dialsim_version\" : \"0.0.1\""));
    Cli version = Cli.run("merge", grid.get(0), old.toString(), "--out", dir.resolve("c").toString());
    assertEquals(3, version.exit());
    assertTrue(version.err().contains(old + ": written by dialsim 0.0.1, but this is dialsim " + Version.get()), version.err());
    assertFalse(Files.exists(dir.resolve("a")) || Files.exists(dir.resolve("b")) || Files.exists(dir.resolve("c")));
  }

  @Test
  void duplicateShardsAndMixedCountsAreRefused(@TempDir Path dir) throws IOException {
    List<String> two = shards(dir.resolve("two"), GRID, 2, "20");
    List<String> three = shards(dir.resolve("three"), GRID, 3, "20");
    Cli twice = Cli.run("merge", two.get(0), two.get(1), two.get(1), "--out", dir.resolve("a").toString());
    assertEquals(3, twice.exit());
    assertTrue(twice.err().contains("shard 1 of 2 is in both " + two.get(1) + " and " + two.get(1)), twice.err());
    Cli mixed = Cli.run("merge", two.get(0), three.get(1), three.get(2), "--out", dir.resolve("b").toString());
    assertEquals(3, mixed.exit());
    assertTrue(mixed.err().contains(three.get(1) + ": one of 3 shards, but " + two.get(0) + " is one of 2"), mixed.err());
  }

  @Test
  void aFileThatIsNotAPartExitsThreeAndAMissingFileFour(@TempDir Path dir) throws IOException {
    ok(Cli.run("run", GRID, "--replications", "20", "--quiet", "--out", dir.resolve("run").toString()));
    Cli report = Cli.run("merge", dir.resolve("run/results.json").toString());
    assertEquals(3, report.exit());
    assertTrue(report.err().contains("results.json: not a dialsim partial result: no dialsim_partial_result key"), report.err());
    Path cut = dir.resolve("cut.json");
    List<String> parts = shards(dir, GRID, 1, "20");
    String text = Files.readString(Path.of(parts.get(0)));
    Files.writeString(cut, text.substring(0, text.length() / 2));
    Cli truncated = Cli.run("merge", cut.toString());
    assertEquals(3, truncated.exit());
    assertTrue(truncated.err().startsWith(cut + ":"), truncated.err());
    assertTrue(truncated.err().contains("not valid JSON"), truncated.err());
    Cli missing = Cli.run("merge", dir.resolve("nope.json").toString());
    assertEquals(4, missing.exit());
    assertTrue(missing.err().contains("nope.json: no such file"), missing.err());
    // a folder, or a path through a file, is an I/O error too (exit 4), told in words
    Cli folder = Cli.run("merge", dir.toString());
    assertEquals(4, folder.exit(), folder.err());
    assertTrue(folder.err().contains(dir + ": is a directory"), folder.err());
    Path file = Files.writeString(dir.resolve("g"), "x");
    Cli below = Cli.run("merge", file.resolve("part.json").toString());
    assertEquals(4, below.exit(), below.err());
    assertEquals(file.resolve("part.json") + ": cannot read: a part of the path is a file, not a folder", below.err().strip());
    assertFalse(report.err().contains("Exception") || truncated.err().contains("Exception"));
  }

  @Test
  void anEditedScenarioTextIsCaughtByTheFingerprint(@TempDir Path dir) throws IOException {
    List<String> parts = shards(dir, GRID, 1, "20");
    String text = Files.readString(Path.of(parts.get(0)));
    Files.writeString(Path.of(parts.get(0)), text.replace("rtt: 20ms", "rtt: 30ms"));
    Cli c = Cli.run("merge", parts.get(0), "--out", dir.resolve("r").toString());
    assertEquals(3, c.exit());
    assertTrue(c.err().contains("does not give their fingerprint"), c.err());
  }

  @Test
  void aShardWritesOnlyItsPartAndTellsWhere(@TempDir Path dir) throws IOException {
    Path part = dir.resolve("p/my-part.json");
    Cli c = Cli.run("run", GRID, "--replications", "20", "--shard", "2/3", "--out", part.toString());
    assertEquals(0, c.exit(), c.err());
    assertEquals("shard 2/3 of timeout-grid: wrote " + part + "; merge every shard with dialsim merge\n", c.out());
    try (Stream<Path> files = Files.list(dir.resolve("p"))) {
      assertEquals(List.of("my-part.json"), files.map(f -> f.getFileName().toString()).toList(), "no report, no charts");
    }
    var json = new ObjectMapper().readTree(part.toFile());
    assertEquals(List.of(2), List.of(json.get("shards").get(0).asInt()));
    assertEquals(3, json.get("shard_count").asInt());
    // 24 jobs of 20 replications: items 0..479; shard 2 of 3 takes every third, 160 of them
    int done = 0;
    for (var job : json.get("jobs")) {
      done += job.get("replications_done").asInt();
    }
    assertEquals(160, done);
  }

  @Test
  void shardUsageErrorsExitTwo() {
    Cli high = Cli.run("run", GRID, "--shard", "3/3");
    assertEquals(2, high.exit());
    assertTrue(high.err().contains("--shard 3/3: i counts from 0, so it must be below n (0/3 to 2/3)"), high.err());
    Cli shape = Cli.run("run", GRID, "--shard", "two");
    assertEquals(2, shape.exit());
    assertTrue(shape.err().contains("--shard must be i/n"), shape.err());
    Cli several = Cli.run("run", GRID, "scenarios/shared-host.yaml", "--shard", "0/2", "--out", "x.json");
    assertEquals(2, several.exit());
    assertTrue(several.err().contains("names one part file, but 2 scenarios each write one"), several.err());
  }

  /** Runs shards 0..n-1 into {@code dir}; returns their files in index order. */
  private static List<String> shards(Path dir, String scenario, int n, String replications) {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ok(Cli.run("run", scenario, "--replications", replications, "--shard", i + "/" + n, "--quiet", "--out", dir.toString()));
      files.add(dir.resolve("shard-" + i + "-of-" + n + ".json").toString());
    }
    return files;
  }

  private static void ok(Cli c) {
    assertEquals(0, c.exit(), c.err());
  }

  /** The same file names with the same bytes in both folders. */
  static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<String> names;
    List<String> actualNames;
    try (Stream<Path> a = Files.list(expected); Stream<Path> b = Files.list(actual)) {
      names = a.map(p -> p.getFileName().toString()).sorted().toList();
      actualNames = b.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(names, actualNames);
    assertTrue(names.containsAll(List.of("results.csv", "results.json", "index.html", "first-call-failure.png")), names.toString());
    for (String n : names) {
      assertArrayEquals(Files.readAllBytes(expected.resolve(n)), Files.readAllBytes(actual.resolve(n)), n + " differs");
    }
  }
}
