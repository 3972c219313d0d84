package org.dialsim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.stats.SweepAxis;
import org.dialsim.report.JsonReport;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.dialsim.stats.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readsBackWhatRunWrites() throws Exception {
    Metrics m = CheckFixtures.metrics(3, 40);
    Metrics none = CheckFixtures.allFailed(4);
    RunReport report = new RunReport("pool", "Pool", "", "pool.yaml", 42, 10,
        List.of(new SweepAxis("deadline", SweepAxis.Kind.DURATION, List.of(new SweepAxis.Value("30s", 30)))),
        List.of(new ResultRow("A", Map.of("deadline", "30s"), m, org.dialsim.engine.Time.NEVER, org.dialsim.engine.Time.NEVER), new ResultRow("B", Map.of("deadline", "30s"), none, org.dialsim.engine.Time.NEVER, org.dialsim.engine.Time.NEVER)),
        "{\"name\": \"pool\"}", "1.2.3");
    Baseline b = Baseline.read(write("results.json", JsonReport.render(report)));
    assertEquals("pool", b.scenarioName());
    assertEquals(42, b.seed());
    assertEquals(10, b.replications());
    assertEquals("1.2.3", b.version());
    assertEquals(2, b.rows().size());
    Baseline.Row a = b.rows().get(0);
    assertEquals("A", a.configuration());
    assertEquals(Map.of("deadline", "30s"), a.point());
    // every metric, with its counts, exactly as the live run sees it
    Map<String, Observation> live = new LinkedHashMap<>();
    Metric.all(m).forEach(x -> live.put(x.name(), x.observe(m)));
    assertEquals(live, a.metrics());
    assertEquals(List.copyOf(live.keySet()), List.copyOf(a.metrics().keySet()));
    // NaN was written as null and comes back as NaN
    assertTrue(Double.isNaN(b.rows().get(1).metrics().get("establish_s_p99").value()));
  }

  @Test
  void refusesWhatIsNotAResultsJson() throws IOException {
    // a missing file or a folder is an I/O error, told by the command with the OS's reason (exit 4)
    assertThrows(java.nio.file.NoSuchFileException.class, () -> Baseline.read(dir.resolve("missing.json")));
    java.nio.file.FileSystemException folder = assertThrows(java.nio.file.FileSystemException.class, () -> Baseline.read(dir));
    assertEquals("is a directory; give the results.json that `dialsim run` wrote into it", folder.getReason());
    assertMessage(write("a.json", "this is not JSON {"), "a.json:1:6: not valid JSON: Unrecognized token 'this'");
    assertMessage(write("b.json", "[1, 2]"), "b.json: not a dialsim results.json: the file is not a JSON object");
    assertMessage(write("c.json", "{\"seed\": 1}"), "c.json: not a dialsim results.json: scenario_name: missing");
    assertMessage(write("d.json", "{\"scenario_name\": \"x\", \"seed\": 1, \"replications\": 2, \"results\": "
        + "[{\"configuration\": \"A\", \"first_call_failures\": 3, \"first_calls\": 2}]}"),
        "d.json: not a dialsim results.json: results[0].first_call_failures: is 3, more than first_calls (2)");
    assertMessage(write("e.json", "{\"scenario_name\": \"x\", \"seed\": 1, \"replications\": 2, \"results\": "
        + "[{\"configuration\": \"A\", \"first_call_failures\": 1, \"first_calls\": 2, \"calls\": 4}]}"),
        "e.json: not a dialsim results.json: results[0].failed_calls: missing");
    assertMessage(write("f.json", "{\"scenario_name\": \"x\"} {}"), "f.json:1:24: not valid JSON: text after the first JSON value; a results.json holds one object");
  }

  private static void assertMessage(Path file, String expected) {
    BaselineException e = assertThrows(BaselineException.class, () -> Baseline.read(file));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  @Test
  void jacksonsInternalsNeverReachAMessage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    assertEquals("Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
        Baseline.words("Unexpected character ('}' (code 125)): was expecting double-quote to start field name\n at [Source: "
            + "REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 9]"));
    // a file cut short: the message once ended "... close marker for Array (start marker"
    Path cut = java.nio.file.Files.writeString(dir.resolve("cut.json"), "{\"a\": [1,\n2");
    BaselineException unclosed = org.junit.jupiter.api.Assertions.assertThrows(BaselineException.class,
        () -> Baseline.read(cut));
    assertEquals(cut + ":2:2: not valid JSON: Unexpected end-of-input: expected close marker for Array "
        + "(it began at line 1, column 7)", unclosed.getMessage());
    Path deep = java.nio.file.Files.writeString(dir.resolve("deep.json"), "[".repeat(2000) + "]".repeat(2000));
    BaselineException e = org.junit.jupiter.api.Assertions.assertThrows(BaselineException.class, () -> Baseline.read(deep));
    assertEquals(deep + ": not valid JSON: Document nesting depth (1001) exceeds the maximum allowed (1000)", e.getMessage());
  }
}
