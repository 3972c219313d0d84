package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that would lose reports or run forever are refused before anything runs. */
class InputSafetyTest {
  private static final String SCENARIO = """
      name: twin
      hosts:
        a: { addresses: [192.0.2.1] }
      dns:
        names:
          x.example: { records: [192.0.2.1] }
      calls: { target: x.example }
      configurations:
        - { name: c, stack: {} }
      """;

  @Test
  void twoScenariosWithOneNameAreRefusedBeforeAnyRun(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), SCENARIO);
    Path b = Files.writeString(dir.resolve("b.yaml"), SCENARIO);
    Path out = dir.resolve("out");
    Cli run = Cli.run("run", a.toString(), b.toString(), "--out", out.toString());
    assertEquals(3, run.exit());
    assertTrue(run.err().contains("b.yaml: name: \"twin\" is also the name of " + a), run.err());
    assertFalse(Files.exists(out), "nothing ran, nothing was written");
    Cli check = Cli.run("check", a.toString(), b.toString(), "--out", out.toString());
    assertEquals(3, check.exit(), check.out() + check.err());
  }

  @Test
  void replicationsFromTheCommandLineMeetTheSameWorkLimitAsTheFile(@TempDir Path dir) throws Exception {
    // 100 000 clients x 10 000 calls is within the limit once; 1000 replications of it is not
    String big = SCENARIO.replace("calls: { target: x.example }",
        "clients: { count: 100000 }\ncalls: { target: x.example, per_client: 10000 }") + "replications: 1\n";
    Path f = Files.writeString(dir.resolve("big.yaml"), big);
    assertEquals(0, Cli.run("validate", f.toString()).exit());
    Cli c = Cli.run("run", f.toString(), "--replications", "1000", "--out", dir.resolve("o").toString());
    assertEquals(2, c.exit(), c.err());
    assertTrue(c.err().contains("would make") && c.err().contains("simulate more than 2000000000 calls"), c.err());
  }

  @Test
  void anUnreadableFileIsAnIoErrorAndCheckStillRunsTheOthers(@TempDir Path dir) throws Exception {
    Path good = Path.of("scenarios/ci/retry-policy.yaml");
    // reading /proc/self/mem from its start fails with an I/O error, whoever runs the test
    Path unreadable = Path.of("/proc/self/mem");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(unreadable), "needs Linux /proc");
    Cli c = Cli.run("check", unreadable.toString(), good.toString(), "--junit", dir.resolve("j.xml").toString());
    assertEquals(4, c.exit(), c.out() + c.err());
    assertTrue(c.err().contains("cannot read the file"), c.err());
    assertTrue(c.out().contains("PASS"), "the readable scenario still ran: " + c.out());
    assertTrue(Files.readString(dir.resolve("j.xml")).contains("cannot read the file"), "the JUnit report names it");
  }
}
