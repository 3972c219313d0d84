package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    return Files.walk(Path.of("scenarios")).filter(p -> p.toString().endsWith(".yaml")).sorted();
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
  void aMissingFileIsAnInvalidScenario(@TempDir Path dir) {
    Cli c = Cli.run("validate", dir.resolve("nope.yaml").toString());
    assertEquals(3, c.exit());
    assertTrue(c.err().contains("nope.yaml"), c.err());
  }
}
