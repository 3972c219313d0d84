package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidateCommandTest {
  static Stream<Path> shippedScenarios() throws Exception {
    return org.dialsim.sim.Fixtures.shippedScenarios().stream();
  }

  @ParameterizedTest
  @MethodSource("shippedScenarios")
  void everyShippedScenarioIsValid(Path file) {
    Cli c = Cli.run("validate", file.toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().startsWith("ok  "), c.out());
  }

  static Stream<Path> badScenarios() throws Exception {
    return Files.list(Path.of("src/test/resources/scenario/bad")).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  @ParameterizedTest
  @MethodSource("badScenarios")
  void everyBrokenFileExitsThreeWithAPositionedMessageAndNoStackTrace(Path file) {
    Cli c = Cli.run("validate", file.toString());
    assertEquals(3, c.exit(), file + ": " + c.out());
    String name = file.getFileName().toString();
    assertTrue(c.err().matches("(?s).*" + java.util.regex.Pattern.quote(name) + ":\\d+:\\d+: .*"), c.err());
    assertTrue(!c.err().contains("Exception") && !c.err().contains("\tat "), c.err());
  }

  @Test
  void aMissingUnreadableOrDirectoryFileIsAnIoErrorWithTheReason(@TempDir Path dir) throws Exception {
    // SPEC 4: exit 4 for I/O, the operating system's reason in words, no Java class
    Cli missing = Cli.run("validate", dir.resolve("nope.yaml").toString());
    assertEquals(4, missing.exit());
    assertEquals(dir.resolve("nope.yaml") + ": cannot read the file: no such file or directory", missing.err().strip());
    Cli folder = Cli.run("validate", dir.toString());
    assertEquals(4, folder.exit());
    assertEquals(dir + ": cannot read the file: is a directory; give a scenario .yaml file", folder.err().strip());
    // reading /proc/self/mem from its start fails with an I/O error, whoever runs the test
    Path unreadable = Path.of("/proc/self/mem");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(unreadable), "needs Linux /proc");
    Cli io = Cli.run("validate", unreadable.toString(), "scenarios/ci/retry-policy.yaml");
    assertEquals(4, io.exit(), io.err());
    // EIO, in the words of every other reason (lower case, no class)
    assertTrue(io.err().startsWith("/proc/self/mem: cannot read the file: input/output error"), io.err());
    assertFalse(io.err().contains("Exception") || io.err().contains("java."), io.err());
    assertTrue(io.out().contains("ok  scenarios/ci/retry-policy.yaml"), "the other file is still checked: " + io.out());
  }
}
