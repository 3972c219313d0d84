package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every thread holds a world of its own, whose tables grow with the clients: asked for more
 * threads than worlds fit in the heap, the jar uses as many as fit and gives the results of
 * one thread. 100 000 clients in a 128 MB heap with 16 threads ran out of memory (exit 4) before
 * the runner counted what a world takes.
 */
class SmallHeapIT {
  private static final Duration LIMIT = Duration.ofMinutes(3);
  private static final String SCENARIO = """
      name: many-clients
      seed: 5
      replications: 1
      hosts:
        h0: { addresses: [192.0.2.1] }
        h1: { addresses: [192.0.2.2] }
      network:
        paths:
          - { to: 192.0.2.1, behaviour: blackhole }
      dns:
        names:
          app.example.test: { records: [192.0.2.1, 192.0.2.2], ttl: 0s }
        answer_order: random
      clients: { count: 100000 }
      calls: { target: app.example.test, per_client: 1 }
      configurations:
        - { name: windows, stack: windows-classic }
      """;

  @Test
  void moreThreadsThanWorldsFitInTheHeapRunAsManyAsFit(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("many.yaml"), SCENARIO);
    ProcessRun one = ProcessRun.run(dir, Map.of(), LIMIT, run("1"));
    assertEquals(0, one.exit(), one.output());
    ProcessRun sixteen = ProcessRun.run(dir, Map.of(), LIMIT, run("16"));
    assertEquals(0, sixteen.exit(), sixteen.output());
    assertEquals(Files.readString(dir.resolve("t1/results.csv")), Files.readString(dir.resolve("t16/results.csv")));
  }

  private static List<String> run(String threads) {
    return List.of(ProcessRun.java(), "-Xmx128m", "-Djava.awt.headless=true", "-jar", ProcessRun.jar().toString(), "run",
        "many.yaml", "--threads", threads, "--quiet", "--out", "t" + threads);
  }
}
