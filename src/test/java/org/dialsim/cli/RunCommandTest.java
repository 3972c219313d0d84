package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  private static final String SCENARIO = "scenarios/shared-host.yaml";

  @Test
  void resultsAreByteIdenticalForOneAndTwoThreads(@TempDir Path dir) throws Exception {
    Cli one = Cli.run("run", SCENARIO, "--replications", "60", "--threads", "1", "--quiet", "--out", dir.resolve("one").toString());
    Cli two = Cli.run("run", SCENARIO, "--replications", "60", "--threads", "2", "--quiet", "--out", dir.resolve("two").toString());
    assertEquals(0, one.exit(), one.err());
    assertEquals(0, two.exit(), two.err());
    assertArrayEquals(Files.readAllBytes(dir.resolve("one/results.csv")), Files.readAllBytes(dir.resolve("two/results.csv")));
    assertArrayEquals(Files.readAllBytes(dir.resolve("one/results.json")), Files.readAllBytes(dir.resolve("two/results.json")));
    assertEquals("", one.out(), "--quiet prints nothing");
  }

  @Test
  void csvHasTheBindingColumnsAndOneRowPerConfiguration(@TempDir Path dir) throws Exception {
    Cli c = Cli.run("run", SCENARIO, "--replications", "30", "--out", dir.toString());
    assertEquals(0, c.exit(), c.err());
    List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
    assertEquals("configuration,first_call_failure_rate,first_call_failure_rate_low,first_call_failure_rate_high,"
        + "call_failure_rate,call_failure_rate_low,call_failure_rate_high,establish_s_mean,establish_s_p50,establish_s_p90,"
        + "establish_s_p99,establish_s_max,attempts_mean,fallback_share,wasted_s_mean,calls,failed_calls,replications", lines.get(0));
    assertEquals(4, lines.size());
    assertTrue(lines.get(1).startsWith("\"sequential, 30 s limit\","), lines.get(1));
    assertTrue(c.out().contains("first-call failure"), c.out());
    // the last line says where to look, nothing else: the folder and its index.html
    List<String> out = c.out().lines().toList();
    assertEquals("report: " + dir.resolve("index.html"), out.get(out.size() - 1));
    JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    assertEquals(4, json.get("seed").asLong());
    assertEquals(30, json.get("replications").asInt());
    assertEquals(3, json.get("results").size());
    JsonNode first = json.get("results").get(0);
    assertEquals(first.get("first_call_failures").asDouble() / first.get("first_calls").asDouble(),
        first.get("first_call_failure_rate").asDouble(), 1e-12);
    // the resolved scenario has every default filled in
    assertEquals("fixed", json.get("scenario").get("calls").get("interval").fieldNames().next());
    assertFalse(json.get("dialsim_version").asText().isEmpty());
  }

  @Test
  void seedAndReplicationsOverrideTheScenario(@TempDir Path dir) throws Exception {
    Cli a = Cli.run("run", SCENARIO, "--replications", "40", "--seed", "1", "--quiet", "--out", dir.resolve("a").toString());
    Cli b = Cli.run("run", SCENARIO, "--replications", "40", "--seed", "2", "--quiet", "--out", dir.resolve("b").toString());
    assertEquals(0, a.exit() + b.exit());
    JsonNode ja = new ObjectMapper().readTree(dir.resolve("a/results.json").toFile());
    assertEquals(1, ja.get("seed").asLong());
    assertFalse(Files.readString(dir.resolve("a/results.csv")).equals(Files.readString(dir.resolve("b/results.csv"))));
  }

  @Test
  void anInvalidScenarioExitsThreeAndWritesNothing(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: bad\nhosts:\n  a: { addresses: [192.0.2.1] }\ndns:\n  names:\n    x.example: { records: [192.0.2.1] }\n"
        + "calls: { target: x.example }\nconfigurations:\n  - { name: c, stack: { deadline: 30 } }\n");
    Path out = dir.resolve("out");
    // a good file first: nothing may run or be written when any file is invalid
    Cli c = Cli.run("run", SCENARIO, bad.toString(), "--out", out.toString());
    assertEquals(3, c.exit());
    assertTrue(c.err().contains("bad.yaml:9:35: configurations[0].stack.deadline: \"30\" has no unit; write 30s"), c.err());
    assertFalse(c.err().contains("Exception"), c.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void usageErrorsExitTwoWithAShortMessage() {
    Cli c = Cli.run("run", SCENARIO, "--replications", "0");
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("--replications must be between 1 and"), c.err());
    assertTrue(c.err().contains("Try 'dialsim run --help'"), c.err());
    Cli unknown = Cli.run("run", SCENARIO, "--thread", "2");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("--threads"), "suggests the nearest option: " + unknown.err());
    assertEquals(2, Cli.run("frobnicate").exit());
  }

  @Test
  void aRerunReplacesTheReportWithoutLeavingTemporaryFiles(@TempDir Path dir) throws Exception {
    assertEquals(0, Cli.run("run", SCENARIO, "--replications", "5", "--quiet", "--out", dir.toString()).exit());
    assertEquals(0, Cli.run("run", SCENARIO, "--replications", "6", "--quiet", "--out", dir.toString()).exit());
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
    assertTrue(Files.readString(dir.resolve("results.csv")).contains(",6\r\n"));
    // reports are meant to be shared: readable by others, not private like a temporary file
    assertTrue(Files.getPosixFilePermissions(dir.resolve("index.html")).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ));
  }

  @Test
  void aRunWithoutASweepRemovesTheSweepChartsOfAnEarlierRun(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("heatmap-old-config.png"), "stale");
    Files.writeString(dir.resolve("sweep.svg"), "stale");
    Files.writeString(dir.resolve("learning-curve-point-3.png"), "stale");
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertEquals(0, Cli.run("run", SCENARIO, "--replications", "5", "--quiet", "--out", dir.toString()).exit());
    assertFalse(Files.exists(dir.resolve("heatmap-old-config.png")));
    assertFalse(Files.exists(dir.resolve("sweep.svg")));
    assertFalse(Files.exists(dir.resolve("learning-curve-point-3.png")), "a sweep point's chart of an earlier run");
    assertTrue(Files.exists(dir.resolve("notes.txt")), "files that are not dialsim's stay");
    assertTrue(Files.exists(dir.resolve("first-call-failure.png")));
  }

  @Test
  void helpListsTheExitCodesAndExamples() {
    Cli c = Cli.run("--help");
    assertEquals(0, c.exit());
    assertTrue(c.out().contains("3  invalid scenario"), c.out());
    assertTrue(c.out().contains("dialsim run scenarios/ucma-first-call.yaml"), c.out());
    Cli run = Cli.run("run", "--help");
    assertTrue(run.out().contains("--replications"), run.out());
    assertTrue(Cli.run("--version").out().startsWith("dialsim "));
  }

  /**
   * The report tells each configuration's first failed call as the run counted it (client by
   * client, here on two threads); {@code explain --find failed}, which searches with every
   * client in one event list, must find that same call, so the page and the command a reader
   * runs from it agree. (The tie rule itself is CallSearchTest's.)
   */
  @Test
  void theReportsFirstFailedCallIsTheOneExplainFindFailedFinds(@TempDir Path dir) throws Exception {
    String ucma = "scenarios/ucma-first-call.yaml";
    assertEquals(0, Cli.run("run", ucma, "--quiet", "--threads", "2", "--out", dir.toString()).exit());
    String html = Files.readString(dir.resolve("index.html"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<h3>([^<]+)</h3>\\n<p class=\"verdict\">[^\\n]*\\n"
        + "<p class=\"call\">Its first failed call: call (\\d+) of client (\\d+), replication (\\d+)").matcher(html);
    int told = 0;
    while (m.find()) {
      Cli e = Cli.run("explain", ucma, "--configuration", m.group(1), "--find", "failed", "--json");
      assertEquals(0, e.exit(), e.err());
      JsonNode j = new ObjectMapper().readTree(e.out());
      String where = m.group(1) + ": " + e.out();
      assertEquals(Integer.parseInt(m.group(2)), j.get("call").asInt(), where);
      assertEquals(Integer.parseInt(m.group(3)), j.get("client").asInt(), where);
      assertEquals(Integer.parseInt(m.group(4)), j.get("replication").asInt(), where);
      told++;
    }
    assertEquals(3, told, "three of ucma-first-call's four configurations have failed calls:\n" + html);
  }
}
