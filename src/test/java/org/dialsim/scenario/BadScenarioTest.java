package org.dialsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One broken file per mistake a user can make, each pinned to the position, key and message it
 * must produce. Line 0 means a problem with the file as a whole.
 */
class BadScenarioTest {
  private static final Path BAD = Path.of("src/test/resources/scenario/bad");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("unknown-key.yaml", 3, 10, "hosts.fe1.adresses", "unknown key; did you mean \"addresses\"?"),
        Arguments.of("duplicate-key.yaml", 5, 3, "hosts.fe1", "duplicate key, first written on line 3; keep only one"),
        Arguments.of("missing-unit.yaml", 12, 17, "configurations[0].stack.deadline", "\"30\" has no unit; write 30s"),
        Arguments.of("wrong-type.yaml", 5, 10, "network.paths", "expected a list such as [{ to: ipv6, behaviour: blackhole }], got a map"),
        Arguments.of("dangling-path-host.yaml", 7, 13, "network.paths[0].to", "unknown host \"fe3\"; did you mean \"fe1\"?"),
        Arguments.of("dangling-fault-host.yaml", 6, 15, "network.faults[0].host", "unknown host \"frontnd\"; did you mean \"frontend\"?"),
        Arguments.of("unknown-target.yaml", 8, 11, "calls.target", "\"pool.example.org\" is not a name in dns.names; did you mean \"pool.example.com\"?"),
        Arguments.of("missing-target.yaml", 8, 3, "calls.target", "missing; write e.g. target: pool.example.com"),
        Arguments.of("bad-address.yaml", 3, 33, "hosts.fe1.addresses[1]", "\"192.0.2.300\" is not an IP address; write e.g. 192.0.2.1 or 2001:db8::1"),
        Arguments.of("shared-address.yaml", 4, 22, "hosts.fe2.addresses[0]", "already belongs to host \"fe1\" (line 3)"),
        Arguments.of("probability.yaml", 6, 25, "network.paths[0].loss", "\"1.5\" is not a probability; write a number from 0 to 1"),
        Arguments.of("percentage.yaml", 7, 13, "network.paths[0].loss", "\"1%\" is a percentage; write the probability 0.01"),
        Arguments.of("negative-count.yaml", 8, 10, "clients.count", "\"-5\" is not allowed; write a whole number of at least 1"),
        Arguments.of("too-many-clients.yaml", 8, 10, "clients.count", "\"200000\" is too many; at most 100000"),
        Arguments.of("too-much-work.yaml", 2, 15, "replications", "the run would simulate more than 2000000000 calls"),
        Arguments.of("p95-not-above-median.yaml", 5, 29, "network.rtt.p95", "\"10ms\" is not above the median \"20ms\"; a spread needs p95 > median"),
        Arguments.of("window-order.yaml", 5, 27, "hosts.fe1.down.to", "\"1m\" is not after from \"5m\"; a window needs from < to"),
        Arguments.of("empty-families.yaml", 9, 52, "configurations[0].stack.families", "empty; list at least one family"),
        Arguments.of("unknown-profile.yaml", 9, 26, "configurations[0].stack", "unknown profile \"ucam-4\"; did you mean \"ucma-4\"?"),
        Arguments.of("unknown-strategy.yaml", 11, 17, "configurations[0].stack.strategy", "unknown value \"stagered\"; did you mean \"staggered\"?"),
        Arguments.of("unknown-syn-preset.yaml", 9, 34, "configurations[0].stack.syn", "unknown SYN preset \"linx\"; did you mean \"linux\"?"),
        Arguments.of("ipv4-policy-prefix.yaml", 14, 21, "configurations[0].stack.policy_table[1].prefix", "write IPv4 in IPv4-mapped form"),
        Arguments.of("duplicate-configuration.yaml", 10, 13, "configurations[1].name", "\"UCMA\" is already the name of configurations[0]"),
        Arguments.of("unknown-metric.yaml", 11, 36, "expect[0].metric", "unknown metric \"first_call_failur_rate\"; did you mean \"first_call_failure_rate\"?"),
        Arguments.of("expect-at-not-swept.yaml", 13, 36, "expect[0].at.deadlin", "\"deadlin\" is not swept; did you mean \"deadline\"?"),
        Arguments.of("sweep-unknown-path.yaml", 11, 3, "sweep.dedline", "unknown parameter; did you mean \"deadline\"?"),
        Arguments.of("sweep-bad-value.yaml", 12, 19, "sweep.deadline[1]", "\"30\" has no unit; write 30s"),
        Arguments.of("reserved-host-name.yaml", 3, 3, "hosts.ipv6", "the host name \"ipv6\" is reserved for an address family"),
        Arguments.of("bad-name.yaml", 1, 7, "name", "\"../../etc\" cannot name a report folder"),
        Arguments.of("syntax-error.yaml", 4, 1, "", "YAML syntax error: expected ',' or '}', but got <scalar> (while parsing a flow mapping started at line 3, column 8)"),
        Arguments.of("anchor-alias.yaml", 3, 8, "hosts.fe1", "anchors (&fe) are not supported; write the value out in full"),
        Arguments.of("too-deep.yaml", 2, 72, "", "nested more than 64 levels deep"),
        Arguments.of("two-documents.yaml", 5, 1, "", "a second YAML document starts here; keep one scenario per file"),
        Arguments.of("empty.yaml", 1, 1, "", "the file is empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsPositionKeyAndAdvice(String file, int line, int column, String key, String fragment) {
    Path path = BAD.resolve(file);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(path));
    List<Problem> problems = e.problems();
    assertTrue(problems.stream().anyMatch(p -> p.line() == line && p.column() == column && p.key().equals(key)
            && p.message().contains(fragment)),
        () -> "expected " + line + ":" + column + " " + key + ": ..." + fragment + "... in\n" + e.getMessage());
    for (Problem p : problems) {
      assertEquals(path.toString(), p.file());
      assertFalse(p.message().contains("\n"), "one line per problem: " + p);
      String prefix = path + (p.line() > 0 ? ":" + p.line() + ":" + p.column() : "") + ": ";
      assertTrue(p.toString().startsWith(prefix), p.toString());
    }
  }

  @Test
  void everyBadFileHasARow() throws IOException {
    Set<String> listed = new HashSet<>();
    cases().forEach(a -> listed.add((String) a.get()[0]));
    try (Stream<Path> files = Files.list(BAD)) {
      Set<String> present = new HashSet<>();
      files.forEach(f -> present.add(f.getFileName().toString()));
      assertEquals(present, listed);
    }
    assertTrue(listed.size() >= 18);
  }

  @Test
  void refusesAnOversizedFileBeforeParsingIt(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yaml");
    StringBuilder sb = new StringBuilder("name: big\ndescription: |\n");
    while (sb.length() <= org.dialsim.model.Limits.MAX_FILE_BYTES) {
      sb.append("  a line of padding that makes the file larger than the limit\n");
    }
    Files.writeString(big, sb, StandardCharsets.UTF_8);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(big));
    assertEquals(big + ": the file is " + Files.size(big) + " bytes; the limit is 1048576 bytes (1 MiB), far above any real scenario",
        e.getMessage());
  }

  @Test
  void refusesMissingFilesDirectoriesAndNonUtf8(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing.yaml");
    assertEquals(missing + ": no such file",
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(missing)).getMessage());
    assertEquals(dir + ": is a directory; give a scenario .yaml file",
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir)).getMessage());
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(latin1 + ": is not UTF-8 text (bad bytes near byte 9); save it as UTF-8",
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(latin1)).getMessage());
  }
}
