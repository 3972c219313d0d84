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
        // far from every name: the list is cut, and says how many it left out and where they are
        Arguments.of("unknown-profile-far.yaml", 9, 26, "configurations[0].stack",
            " more (dialsim stacks lists them all)"),
        Arguments.of("unknown-strategy.yaml", 11, 17, "configurations[0].stack.strategy", "unknown value \"stagered\"; did you mean \"staggered\"?"),
        Arguments.of("unknown-syn-preset.yaml", 9, 34, "configurations[0].stack.syn", "unknown SYN preset \"linx\"; did you mean \"linux\"?"),
        Arguments.of("syn-timer-hz-without-linux.yaml", 9, 75, "configurations[0].stack.syn.timer_hz", "timer_hz models Linux's timer wheel and needs give_up: linux; write timer_hz: none, or give_up: linux"),
        Arguments.of("syn-timer-hz-unknown.yaml", 9, 65, "configurations[0].stack.syn.timer_hz", "unknown value \"500\"; write none or the kernel's CONFIG_HZ, one of 100, 250, 300, 1000"),
        Arguments.of("syn-linux-zero-retries.yaml", 9, 64, "configurations[0].stack.syn.retries", "\"0\" is not allowed with give_up: linux (Linux takes tcp_syn_retries from 1)"),
        Arguments.of("syn-rto-max-range.yaml", 9, 64, "configurations[0].stack.syn.rto_max", "\"200s\" is outside Linux's range (tcp_rto_max_ms takes 1000 to 120000 ms); write a duration from 1s to 120s"),
        Arguments.of("syn-initial-rto-above-max.yaml", 9, 52, "configurations[0].stack.syn.initial_rto", "\"3s\" is above rto_max (2s), which bounds every RTO"),
        Arguments.of("advance-not-family-race.yaml", 9, 58, "configurations[0].stack.advance", "next-wakeup is modelled for strategy family-race (curl 7.88's two eyeballers) only; write advance: immediate, or strategy: family-race"),
        Arguments.of("advance-waits-forever.yaml", 9, 29, "configurations[0].stack.advance", "could wait forever; set wakeup_every (the curl tool wakes every 1s) or a deadline"),
        Arguments.of("ipv4-policy-prefix.yaml", 14, 21, "configurations[0].stack.policy_table[1].prefix", "write IPv4 in IPv4-mapped form"),
        Arguments.of("duplicate-configuration.yaml", 10, 13, "configurations[1].name", "\"UCMA\" is already the name of configurations[0]"),
        Arguments.of("unknown-metric.yaml", 11, 36, "expect[0].metric", "unknown metric \"first_call_failur_rate\"; did you mean \"first_call_failure_rate\"?"),
        Arguments.of("expect-at-not-swept.yaml", 13, 36, "expect[0].at.deadlin", "\"deadlin\" is not swept; did you mean \"deadline\"?"),
        Arguments.of("sweep-unknown-path.yaml", 11, 3, "sweep.dedline", "unknown parameter; did you mean \"deadline\"?"),
        Arguments.of("sweep-bad-value.yaml", 12, 19, "sweep.deadline[1]", "\"30\" has no unit; write 30s"),
        Arguments.of("reserved-host-name.yaml", 3, 3, "hosts.ipv6", "the host name \"ipv6\" is reserved for an address family"),
        // HTTPS records (RFC 9460) and Happy Eyeballs v3 keys
        Arguments.of("alias-with-svcparams.yaml", 9, 61, "dns.names[\"www.example.com\"].https[0].alpn",
            "an AliasMode record (svc_priority 0) carries no SvcParams (RFC 9460 section 2.4.2)"),
        Arguments.of("no-default-alpn-alone.yaml", 9, 47, "dns.names[\"www.example.com\"].https[0].no_default_alpn",
            "no_default_alpn without alpn is not self-consistent (RFC 9460 section 7.1.1); add alpn"),
        Arguments.of("hint-wrong-family.yaml", 9, 53, "dns.names[\"www.example.com\"].https[0].ipv4hint[0]",
            "\"2001:db8::1\" is an IPv6 address; ipv4hint holds IPv4 addresses: move it to ipv6hint"),
        Arguments.of("unknown-https-target.yaml", 9, 38, "dns.names[\"www.example.com\"].https[0].target",
            "\"svc.example.net\" is not a name in dns.names; add it there with its records"),
        Arguments.of("alias-loop.yaml", 9, 38, "dns.names[\"www.example.com\"].https[0].target",
            "points at www.example.com itself, a loop"),
        Arguments.of("quic-without-https.yaml", 9, 75, "configurations[0].stack.quic.enabled",
            "QUIC would never be attempted: only HTTPS records offer h3 here; set https.query: true"),
        Arguments.of("hev3-attempt-delay-floor.yaml", 9, 60, "configurations[0].stack.attempt_delay",
            "\"5ms\" is below 10ms: the draft (draft-ietf-happy-happyeyeballs-v3-04 section 6) says a new attempt MUST NOT"),
        Arguments.of("https-wait-without-delay.yaml", 9, 63, "configurations[0].stack.resolution_delay",
            "https.wait resolution-delay needs a resolution_delay"),
        Arguments.of("unknown-protocol.yaml", 6, 28, "network.paths[0].protocol", "unknown value \"quic\"; use one of any, tcp, udp"),
        Arguments.of("bad-name.yaml", 1, 7, "name", "\"../../etc\" cannot name a report folder"),
        Arguments.of("syntax-error.yaml", 3, 8, "", "the '{' opened here is never closed; close it with '}'"),
        Arguments.of("too-deep.yaml", 2, 72, "", "nested more than 64 levels deep"),
        Arguments.of("two-documents.yaml", 4, 1, "", "a second YAML document starts here; keep one scenario per file"),
        Arguments.of("empty.yaml", 1, 1, "", "the file is empty"),
        // syntax: each at the place the mistake was made, in words
        Arguments.of("unclosed-quote.yaml", 7, 8, "", "the quote opened here is closed only on line 8; close the value on line 7"),
        Arguments.of("unclosed-quote-in-list.yaml", 3, 22, "", "the quote opened here is never closed"),
        Arguments.of("unclosed-quote-at-end.yaml", 10, 14, "", "the single quote opened here is never closed"),
        Arguments.of("bracket-closed-by-brace.yaml", 3, 21, "", "the '[' opened here is closed with '}' at line 3, column 32; close it with ']'"),
        Arguments.of("unclosed-brace.yaml", 7, 8, "", "the '{' opened here is never closed"),
        Arguments.of("stray-brace.yaml", 3, 34, "", "a '}' with no bracket open to close; remove it"),
        Arguments.of("missing-colon.yaml", 5, 3, "", "no ':' after the key on this line; write KEY: VALUE, e.g. rtt: 10ms"),
        Arguments.of("fullwidth-colon.yaml", 5, 6, "", "the fullwidth colon '\uff1a' (U+FF1A) is not YAML's colon; write ':'"),
        // the last key of a section: YAML reads the colon-less line as the section's text value
        Arguments.of("fullwidth-colon-last-key.yaml", 5, 3, "network", "\"rtt\\uff1a 10ms\" has the fullwidth colon '\uff1a' (U+FF1A), which is not YAML's colon; write rtt: 10ms"),
        Arguments.of("missing-colon-last-key.yaml", 8, 3, "clients", "no ':' after the key count; write count: 50"),
        Arguments.of("missing-colon-in-list-item.yaml", 9, 5, "", "no ':' after the key on this line; write KEY: VALUE"),
        Arguments.of("missing-colon-in-flow-map.yaml", 9, 7, "configurations[0][\"name UCMA\"]", "no ':' after the key name; write name: UCMA"),
        Arguments.of("tab-indent.yaml", 3, 1, "", "a tab indents this line; YAML indents with spaces only"),
        Arguments.of("bad-indent.yaml", 7, 2, "", "this line is indented to column 2, which matches no key above it"),
        Arguments.of("second-colon.yaml", 7, 12, "", "a second ': ' on one line; quote the value"),
        Arguments.of("complex-key.yaml", 10, 3, "", "a key must be plain text, not a list; write key: value"),
        Arguments.of("bare-star.yaml", 7, 9, "", "quote the value if & or * is meant as text"),
        Arguments.of("unquoted-ipv6.yaml", 3, 22, "", "a value that starts with ':' must be quoted here, e.g. \"::1\""),
        Arguments.of("bad-escape.yaml", 7, 12, "", "a double-quoted value has an unknown escape here"),
        Arguments.of("long-key.yaml", 3, 34, "hosts.fe1", "a key of 2000 characters; keys are short words (at most 1024)"),
        Arguments.of("list-item-for-key.yaml", 4, 1, "", "a list item ('-') where a key belongs"),
        Arguments.of("two-values.yaml", 2, 19, "", "a second value on one line; quote the whole value"),
        Arguments.of("not-a-map.yaml", 1, 1, "", "a scenario is a map of keys (name:, hosts:, dns:, ...), not a list"),
        // characters: each at its line and column, named by its code or byte
        Arguments.of("nul-character.yaml", 2, 7, "", "the character U+0000 is not allowed in YAML (a control character); remove it"),
        Arguments.of("escape-character.yaml", 3, 9, "", "the character U+001B is not allowed in YAML"),
        Arguments.of("latin1.yaml", 7, 11, "", "the byte 0xE9 is not UTF-8 text"),
        Arguments.of("zero-width-key.yaml", 9, 42, "configurations[0].stack[\"dead\\u200bline\"]", "unknown key; did you mean \"deadline\"?"),
        // a Cyrillic or Greek look-alike inside a Latin word is escaped, else it prints as the word it is not
        Arguments.of("cyrillic-letter-in-key.yaml", 10, 42, "configurations[0].stack[\"d\\u0435adline\"]", "unknown key; did you mean \"deadline\"?"),
        Arguments.of("greek-letter-in-value.yaml", 9, 11, "calls.target", "\"p\\u03bfol.example.com\" is not a name in dns.names; did you mean \"pool.example.com\"?"),
        // anchors, aliases and merge keys
        Arguments.of("undefined-alias.yaml", 3, 8, "hosts.fe1", "*front-end refers to no anchor; write &front-end on a value above it first"),
        Arguments.of("merge-not-a-map.yaml", 9, 32, "configurations[0].stack[\"<<\"]", "merges \"ucma-4\"; << takes a map"),
        Arguments.of("billion-laughs.yaml", 6, 45, "", "the aliases (*name) expand to more than 100000 values"),
        Arguments.of("anchored-bad-value.yaml", 9, 58, "configurations[2].stack.deadline", "\"30\" has no unit"),
        // references into an entry that failed are not reported again; missing sections have a place
        Arguments.of("follow-on-dns.yaml", 6, 52, "dns.names[\"pool.example.com\"].ttl", "\"5\" has no unit; write 5s"),
        Arguments.of("follow-on-host.yaml", 3, 47, "hosts.fe1.listens_on[0]", "unknown value \"ipv5\"; did you mean \"ipv4\"?"),
        Arguments.of("follow-on-configuration.yaml", 11, 13, "configurations[1].name", "expected a text value, got a list"),
        Arguments.of("missing-names.yaml", 5, 3, "dns.names", "missing; write e.g. names: { pool.example.com: { records: [192.0.2.1] } }"),
        Arguments.of("missing-calls.yaml", 1, 1, "calls.target", "missing; write e.g. target: pool.example.com"));
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
      assertTrue(p.line() > 0 && p.column() > 0, "every problem has a line and column: " + p);
      assertTrue(p.toString().startsWith(path + ":" + p.line() + ":" + p.column() + ": "), p.toString());
      assertFalse(p.toString().matches(".*\\b(org|java|com)\\.[a-z]+\\..*|.*Exception.*|.*<[a-z ]+>.*"),
          "no parser internals: " + p);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneProblemOnly")
  void reportsOnlyTheMistakeItself(String file) {
    // no follow-on errors: a reference into an entry that failed, a bomb's every alias
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(BAD.resolve(file)));
    assertEquals(1, e.problems().size(), e.getMessage());
  }

  static Stream<String> oneProblemOnly() {
    return Stream.of("follow-on-dns.yaml", "follow-on-host.yaml", "follow-on-configuration.yaml", "billion-laughs.yaml", "long-key.yaml",
        "unclosed-quote.yaml", "missing-colon.yaml", "missing-colon-last-key.yaml", "missing-colon-in-list-item.yaml",
        // a misspelt or colon-less key is not reported again as the required key it stands for
        "unknown-key.yaml", "missing-colon-in-flow-map.yaml");
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
    assertTrue(listed.size() >= 60);
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
    assertEquals(big + ":1:1: the file is " + Files.size(big) + " bytes; the limit is 1048576 bytes (1 MiB), far above any real scenario",
        e.getMessage());
  }

  @Test
  void aMissingFileOrADirectoryIsAnIoErrorNotAnInvalidScenario(@TempDir Path dir) throws IOException {
    // SPEC 4: exit 4, with the OS's reason; the CLI words it (ValidateCommandTest)
    Path missing = dir.resolve("missing.yaml");
    assertThrows(java.nio.file.NoSuchFileException.class, () -> ScenarioLoader.load(missing));
    IOException isDir = assertThrows(IOException.class, () -> ScenarioLoader.load(dir));
    assertEquals(dir + ": is a directory; give a scenario .yaml file", isDir.getMessage());
  }
}
