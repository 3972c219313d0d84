package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/** {@code dialsim check} end to end through {@link Main#commandLine()}: output, exit codes, files. */
class CheckCommandTest {
  private static final String RES = "src/test/resources/check/";
  private static final String RETRY = "scenarios/ci/retry-policy.yaml";

  @TempDir
  Path tmp;

  private record Run(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  private static Run dialsim(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  private static Map<String, String> properties(Element suite) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Element p : children(children(suite, "properties").get(0), "property")) {
      out.put(p.getAttribute("name"), p.getAttribute("value"));
    }
    return out;
  }

  @Test
  void theCiExamplePassesAndWritesTheRunReportAndJUnit() throws Exception {
    Path junit = tmp.resolve("ci/junit.xml"); // a folder that does not exist yet
    Run r = dialsim("check", RETRY, "--out", tmp.resolve("out").toString(), "--junit", junit.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertEquals(List.of(
        "retry-policy (scenarios/ci/retry-policy.yaml): seed 20240601, 40 replications",
        "  PASS  UCMA 4.0: first_call_failure_rate = 0.25, bound >= 0.05, 95% CI [0.221237, 0.281152]",
        "  PASS  UCMA 4.0 + one call retry: first_call_failure_rate = 0, bound <= 0.01, 95% CI [0, 0.00477888]",
        "  PASS  UCMA 4.0 + one call retry: call_failure_rate = 0, bound <= 0.01, 95% CI [0, 0.00159805], confidence mode",
        "  PASS  UCMA 4.0 + one call retry: establish_s_max = 52.x, bound <= 53, no interval",
        "  PASS  UCMA 4.0 + retry, cut attempts learned: establish_s_max = 31.x, bound <= 32, no interval",
        "  PASS  UCMA 4.0 + retry, cut attempts learned: first_call_failure_rate = 0, bound <= 0.01, 95% CI [0, 0.00477888]",
        "  report: " + tmp.resolve("out/index.html"),
        "check: 6 passed, 0 failed, 0 regression(s), 0 invalid input(s)"),
        // the rates are exact by construction (round-robin puts the stale record and fe1 first for a
        // quarter of the clients); the slowest retried call is 30 s + 1 s + 21 s on fe1 (cut in the
        // first try, so not learned) + one round trip, or 30 s + 1 s + a round trip when cut
        // attempts are learned; the round trip's draw sets the decimals
        r.out().replaceAll("establish_s_max = (\\d+)\\.\\d+", "establish_s_max = $1.x").lines().toList());
    // the same files as `dialsim run`
    for (String f : List.of("results.csv", "results.json", "index.html", "first-call-failure.png")) {
      assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(f)), f);
    }

    Element root = xml(junit).getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("6", root.getAttribute("tests"));
    assertEquals("0", root.getAttribute("failures"));
    assertEquals("0", root.getAttribute("errors"));
    List<Element> suites = children(root, "testsuite");
    assertEquals(1, suites.size());
    Element suite = suites.get(0);
    assertEquals("retry-policy", suite.getAttribute("name"));
    assertEquals("6", suite.getAttribute("tests"));
    assertEquals("0", suite.getAttribute("failures"));
    assertEquals("0", suite.getAttribute("errors"));
    assertTrue(Double.parseDouble(suite.getAttribute("time")) > 0);
    assertEquals(Map.of("scenario_file", RETRY, "seed", "20240601", "replications", "40", "dialsim_version", Version.get()),
        properties(suite));
    List<Element> cases = children(suite, "testcase");
    assertEquals(List.of(
        "UCMA 4.0: first_call_failure_rate >= 0.05",
        "UCMA 4.0 + one call retry: first_call_failure_rate <= 0.01",
        "UCMA 4.0 + one call retry: call_failure_rate <= 0.01 (confidence)",
        "UCMA 4.0 + one call retry: establish_s_max <= 53",
        "UCMA 4.0 + retry, cut attempts learned: establish_s_max <= 32",
        "UCMA 4.0 + retry, cut attempts learned: first_call_failure_rate <= 0.01"), cases.stream().map(e -> e.getAttribute("name")).toList());
    for (Element c : cases) {
      assertEquals("retry-policy", c.getAttribute("classname"));
      assertEquals(RETRY, c.getAttribute("file"));
      assertFalse(c.hasChildNodes(), "a passed case is empty");
    }
  }

  @Test
  void failedAssertionsExitOneWithLinesJUnitFailuresAndGithubAnnotations() throws Exception {
    Path junit = tmp.resolve("junit.xml");
    Run r = dialsim("check", RES + "mixed.yaml", "--out", tmp.resolve("out").toString(), "--junit", junit.toString(),
        "--format", "github");
    assertEquals(1, r.code(), r.err());
    List<String> lines = r.lines();
    assertTrue(lines.contains("  FAIL  UCMA 4.0 [deadline=20s]: first_call_failure_rate = 0.333333, bound <= 0.01, "
        + "95% CI [0.282393, 0.388488]: the estimate is above 0.01"), r.out());
    assertTrue(lines.contains("  PASS  UCMA 4.0 [deadline=30s]: first_call_failure_rate = 0, bound <= 0.01, 95% CI [0, 0.012643]"));
    // one bound, two modes: the estimate is above 0.3, the interval is not wholly above it
    assertTrue(lines.contains("  FAIL  UCMA 4.0 [deadline=20s]: first_call_failure_rate = 0.333333, bound <= 0.3, "
        + "95% CI [0.282393, 0.388488]: the estimate is above 0.3"));
    assertTrue(lines.contains("  PASS  UCMA 4.0 [deadline=20s]: first_call_failure_rate = 0.333333, bound <= 0.3, "
        + "95% CI [0.282393, 0.388488], confidence mode"));
    assertTrue(lines.contains("  FAIL  UCMA 4.0 [deadline=20s]: first_call_failure_rate = 0.333333, bound <= 0.2, "
        + "95% CI [0.282393, 0.388488], confidence mode: the whole 95% interval lies above 0.2"));
    // times depend on the RTT model, so only the form is pinned here; the rates above are exact by construction
    assertTrue(lines.stream().anyMatch(l -> l.matches("  PASS  Happy Eyeballs \\[deadline=30s]: establish_s_p99 = 0\\.\\d+, "
        + "bound <= 100, no interval \\(confidence mode compares the point estimate for this metric\\)")), r.out());
    assertEquals(12, lines.stream().filter(l -> l.startsWith("  PASS  ") || l.startsWith("  FAIL  ")).count());
    assertTrue(lines.contains("check: 9 passed, 3 failed, 0 regression(s), 0 invalid input(s)"));

    // an annotation per failure, at the line and column of its expect: entry
    List<String> annotations = lines.stream().filter(l -> l.startsWith("::")).toList();
    assertEquals(List.of(
        "::error file=src/test/resources/check/mixed.yaml,line=26,col=5,title=dialsim check::mixed: UCMA 4.0 [deadline=20s]: "
            + "first_call_failure_rate = 0.333333, bound <= 0.01, 95%25 CI [0.282393, 0.388488]: the estimate is above 0.01",
        "::error file=src/test/resources/check/mixed.yaml,line=30,col=5,title=dialsim check::mixed: UCMA 4.0 [deadline=20s]: "
            + "first_call_failure_rate = 0.333333, bound <= 0.3, 95%25 CI [0.282393, 0.388488]: the estimate is above 0.3",
        "::error file=src/test/resources/check/mixed.yaml,line=33,col=5,title=dialsim check::mixed: UCMA 4.0 [deadline=20s]: "
            + "first_call_failure_rate = 0.333333, bound <= 0.2, 95%25 CI [0.282393, 0.388488], confidence mode: "
            + "the whole 95%25 interval lies above 0.2"), annotations);

    Element suite = children(xml(junit).getDocumentElement(), "testsuite").get(0);
    assertEquals("mixed", suite.getAttribute("name"));
    assertEquals("12", suite.getAttribute("tests"));
    assertEquals("3", suite.getAttribute("failures"));
    assertEquals("0", suite.getAttribute("errors"));
    Element first = children(suite, "testcase").get(0);
    assertEquals("UCMA 4.0 [deadline=20s]: first_call_failure_rate <= 0.01", first.getAttribute("name"));
    Element failure = children(first, "failure").get(0);
    assertEquals("UCMA 4.0 [deadline=20s]: first_call_failure_rate = 0.333333, bound <= 0.01, 95% CI [0.282393, 0.388488]: "
        + "the estimate is above 0.01", failure.getAttribute("message"));
    assertTrue(failure.getTextContent().endsWith("src/test/resources/check/mixed.yaml:26:5: expect[0]"), failure.getTextContent());
    Element confidencePass = children(suite, "testcase").get(3);
    assertEquals("UCMA 4.0 [deadline=20s]: first_call_failure_rate <= 0.3 (confidence)", confidencePass.getAttribute("name"));
    assertTrue(children(confidencePass, "failure").isEmpty());

    // the report a reader opens from the link shows the same verdict, first on the page
    String html = Files.readString(tmp.resolve("out/index.html"));
    String section = expectations(html);
    assertTrue(html.indexOf("id=\"expectations\"") < html.indexOf("id=\"results\""), "the verdict comes before the results");
    assertTrue(section.contains("<p>3 of 12 do not hold: <code>dialsim check</code> exits 1.</p>"), section);
    assertEquals(3, count(section, "<td class=\"fail\">FAIL</td>"));
    assertEquals(9, count(section, "<td class=\"pass\">PASS</td>"));
    assertTrue(section.contains("<tr><td class=\"fail\">FAIL</td><td>UCMA 4.0 [deadline=20s]</td><td>first_call_failure_rate = "
        + "0.333333, bound &lt;= 0.01, 95% CI [0.282393, 0.388488]</td><td>the estimate is above 0.01</td></tr>"), section);
  }

  /** The Expectations section of a report page, or a failure when it has none. */
  private static String expectations(String html) {
    int from = html.indexOf("<section id=\"expectations\">");
    assertTrue(from >= 0, "no Expectations section");
    return html.substring(from, html.indexOf("</section>", from));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void usageErrorsExitTwo() {
    Run none = dialsim("check");
    assertEquals(2, none.code());
    assertTrue(none.err().contains("Missing required parameter: 'SCENARIO.yaml'"), none.err());
    assertTrue(none.err().contains("Try 'dialsim check --help'"), none.err());
    Run format = dialsim("check", RETRY, "--format", "xml");
    assertEquals(2, format.code());
    assertTrue(format.err().contains("text, github"), format.err());
    Run tolerance = dialsim("check", RETRY, "--tolerance", "2");
    assertEquals(2, tolerance.code());
    assertTrue(tolerance.err().contains("--tolerance is an absolute difference of rates between 0 and 1"), tolerance.err());
    assertEquals(2, dialsim("check", RETRY, "--threads", "0").code());
    assertEquals(2, dialsim("check", RETRY, "--no-such-option").code());
  }

  @Test
  void anInvalidScenarioExitsThreeWithTheLoadersMessagesAnnotationsAndAJUnitError() throws Exception {
    Path junit = tmp.resolve("junit.xml");
    Run r = dialsim("check", RES + "invalid.yaml", "--format", "github", "--junit", junit.toString(), "--out", tmp.toString());
    assertEquals(3, r.code());
    String deadline = "src/test/resources/check/invalid.yaml:12:56: configurations[0].stack.deadline: \"30\" has no unit; write 30s";
    String metric = "src/test/resources/check/invalid.yaml:14:15: expect[0].metric: unknown metric \"first_call_failure_rat\"; "
        + "did you mean \"first_call_failure_rate\"?";
    assertEquals(deadline + "\n" + metric + "\n", r.err());
    assertEquals(List.of(
        "::error file=src/test/resources/check/invalid.yaml,line=12,col=56,title=dialsim check::"
            + "configurations[0].stack.deadline: \"30\" has no unit; write 30s",
        "::error file=src/test/resources/check/invalid.yaml,line=14,col=15,title=dialsim check::"
            + "expect[0].metric: unknown metric \"first_call_failure_rat\"; did you mean \"first_call_failure_rate\"?",
        "check: 0 passed, 0 failed, 0 regression(s), 1 invalid input(s)"), r.lines());

    Element root = xml(junit).getDocumentElement();
    assertEquals("1", root.getAttribute("errors"));
    Element suite = children(root, "testsuite").get(0);
    assertEquals(RES + "invalid.yaml", suite.getAttribute("name"));
    assertEquals("1", suite.getAttribute("tests"));
    assertEquals("1", suite.getAttribute("errors"));
    Element error = children(children(suite, "testcase").get(0), "error").get(0);
    assertEquals("invalid scenario: " + deadline + " (and 1 more)", error.getAttribute("message"));
    assertEquals(deadline + "\n" + metric, error.getTextContent());
  }

  @Test
  void expectationsThatCannotBeJudgedAreScenarioErrors() {
    // at: names a value the sweep does not have: the loader refuses it
    Run at = dialsim("check", RES + "at-not-swept.yaml", "--out", tmp.toString());
    assertEquals(3, at.code());
    assertEquals("src/test/resources/check/at-not-swept.yaml:15:67: expect[0].at.deadline: \"25s\" is not among the swept "
        + "values; use one of 10s, 30s\n", at.err());
    // a call that one covered point never makes: check refuses it before running anything
    Run never = dialsim("check", RES + "never-made.yaml", "--out", tmp.resolve("never").toString());
    assertEquals(3, never.code());
    assertTrue(never.err().startsWith("src/test/resources/check/never-made.yaml:21:5: expect[1].metric: call 3 is never made "
        + "at sweep point calls.per_client=1"), never.err());
    assertFalse(Files.exists(tmp.resolve("never")), "nothing ran");
  }

  @Test
  void anInvalidScenarioDoesNotStopTheOthers() throws Exception {
    Path junit = tmp.resolve("junit.xml");
    Run r = dialsim("check", RES + "invalid.yaml", RETRY, "--out", tmp.toString(), "--junit", junit.toString());
    assertEquals(3, r.code(), "invalid input outranks a pass");
    assertTrue(r.out().contains("  PASS  UCMA 4.0 + one call retry: first_call_failure_rate = 0"), r.out());
    assertTrue(r.out().contains("check: 6 passed, 0 failed, 0 regression(s), 1 invalid input(s)"), r.out());
    assertTrue(Files.exists(tmp.resolve("retry-policy/results.json")), "several scenarios: one folder each");
    Element root = xml(junit).getDocumentElement();
    assertEquals(List.of(RES + "invalid.yaml", "retry-policy"),
        children(root, "testsuite").stream().map(e -> e.getAttribute("name")).toList());
    assertEquals("7", root.getAttribute("tests"));
    assertEquals("1", root.getAttribute("errors"));
  }

  @Test
  void aScenarioWithoutExpectationsIsNotedAndPasses() throws Exception {
    Path junit = tmp.resolve("junit.xml");
    Run r = dialsim("check", RES + "no-expect.yaml", "--out", tmp.resolve("out").toString(), "--junit", junit.toString());
    assertEquals(0, r.code());
    assertTrue(r.lines().contains("  note: no expectations (no expect: entries); nothing to assert, counted as passing"), r.out());
    Element suite = children(xml(junit).getDocumentElement(), "testsuite").get(0);
    assertEquals("1", suite.getAttribute("skipped"));
    Element skipped = children(children(suite, "testcase").get(0), "skipped").get(0);
    assertEquals("the scenario has no expect: entries; nothing to assert", skipped.getAttribute("message"));
    assertTrue(expectations(Files.readString(tmp.resolve("out/index.html")))
        .contains("The scenario has no <code>expect:</code> entries: nothing was asserted."));
  }

  @Test
  void aShorterDeadlineIsARegressionAgainstTheBaselineAndTheSameScenarioIsNot() throws Exception {
    Path base = tmp.resolve("base");
    assertEquals(0, dialsim("run", RES + "deadline-30s.yaml", "--out", base.toString(), "--quiet").code());
    String results = base.resolve("results.json").toString();

    // deadline-20s.yaml is deadline-30s.yaml with 20 s instead of 30 s: a third of first calls now fail
    Path junit = tmp.resolve("junit.xml");
    Run cut = dialsim("check", RES + "deadline-20s.yaml", "--baseline", results, "--out", tmp.resolve("cut").toString(),
        "--junit", junit.toString());
    assertEquals(1, cut.code(), cut.out() + cut.err());
    List<String> lines = cut.lines();
    assertTrue(lines.contains("  PASS  UCMA 4.0: calls = 600, bound >= 1, no interval"), "its own expectation holds");
    assertTrue(lines.contains("    REGRESSED  UCMA 4.0: first_call_failure_rate 0 -> 0.333333 (+0.333333), 0/300 -> 100/300, "
        + "p = 6.33e-28"), cut.out());
    assertTrue(lines.contains("    REGRESSED  UCMA 4.0: call_failure_rate 0 -> 0.333333 (+0.333333), 0/600 -> 200/600, p = 3.93e-54"));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("    changed  UCMA 4.0: establish_s_max 21.")), "every metric is reported");
    assertTrue(lines.contains("check: 1 passed, 0 failed, 4 regression(s), 0 invalid input(s)"));
    assertFalse(cut.out().contains("::error"), "annotations only with --format github");
    Element suite = children(xml(junit).getDocumentElement(), "testsuite").get(0);
    Element regression = children(suite, "testcase").get(1);
    assertEquals("UCMA 4.0: failure rates not significantly worse than the baseline", regression.getAttribute("name"));
    assertTrue(children(regression, "failure").get(0).getAttribute("message")
        .contains("REGRESSED  UCMA 4.0: first_call_failure_rate 0 -> 0.333333"));
    // on the page: the expectation that holds, then each regression as a failure with its baseline
    String section = expectations(Files.readString(tmp.resolve("cut/index.html")));
    assertTrue(section.contains("<p>4 of 5 do not hold: <code>dialsim check</code> exits 1.</p>"), section);
    assertTrue(section.contains("<tr><td class=\"fail\">FAIL</td><td>UCMA 4.0</td><td>first_call_failure_rate 0 -&gt; 0.333333 "
        + "(+0.333333), 0/300 -&gt; 100/300, p = 6.33e-28</td><td>regressed against the baseline " + results), section);

    // within a tolerance of 0.5 the same change is "worse" but does not fail
    Run tolerated = dialsim("check", RES + "deadline-20s.yaml", "--baseline", results, "--tolerance", "0.5", "--out",
        tmp.resolve("cut").toString());
    assertEquals(0, tolerated.code());
    assertTrue(tolerated.out().contains("    worse  UCMA 4.0: first_call_failure_rate 0 -> 0.333333"), tolerated.out());

    // the unchanged scenario, same seed: nothing moved
    Run same = dialsim("check", RES + "deadline-30s.yaml", "--baseline", results, "--out", tmp.resolve("same").toString());
    assertEquals(0, same.code(), same.out());
    // one line per configuration, not one per metric
    assertTrue(same.out().contains("    unchanged  UCMA 4.0: all "), same.out());
    assertFalse(same.out().contains("not significant"), same.out());
    assertFalse(same.out().contains("REGRESSED"));
    assertFalse(same.out().contains("    changed  "), "same seed, same scenario: every value identical");
  }

  @Test
  void aBaselineThatCannotBeUsedExitsThree() throws Exception {
    Run notJson = dialsim("check", RES + "no-expect.yaml", "--baseline", RES + "not-json.json", "--out", tmp.toString());
    assertEquals(3, notJson.code());
    assertEquals("dialsim: baseline src/test/resources/check/not-json.json:1:6: not valid JSON: Unrecognized token 'this': "
        + "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n", notJson.err());

    Path other = tmp.resolve("other");
    assertEquals(0, dialsim("run", RES + "no-expect.yaml", "--out", other.toString(), "--quiet").code());
    Run wrong = dialsim("check", RES + "deadline-30s.yaml", "--baseline", other.resolve("results.json").toString(),
        "--out", tmp.resolve("x").toString(), "--format", "github");
    assertEquals(3, wrong.code());
    assertEquals("dialsim: baseline " + other.resolve("results.json") + ": is the results.json of scenario no-expect, but the "
        + "scenario checked is deadline-cut; give the results.json of a run of the same scenario\n", wrong.err());
    assertTrue(wrong.out().startsWith("::error file=" + other.resolve("results.json").toString().replace(":", "%3A")
        + ",title=dialsim check::invalid baseline: "), wrong.out());
  }

  @Test
  void aBaselineThatCannotBeReadIsAnIoErrorWithTheReason() throws Exception {
    // SPEC 4: a missing, unreadable or folder input is exit 4 with the OS's reason, as a scenario is
    Path missing = tmp.resolve("nope.json");
    Run gone = dialsim("check", RES + "no-expect.yaml", "--baseline", missing.toString(), "--out", tmp.resolve("a").toString());
    assertEquals(4, gone.code());
    assertEquals("dialsim: baseline " + missing + ": cannot read the file: no such file or directory\n", gone.err());
    Run folder = dialsim("check", RES + "no-expect.yaml", "--baseline", tmp.toString(), "--out", tmp.resolve("b").toString());
    assertEquals(4, folder.code());
    assertEquals("dialsim: baseline " + tmp + ": cannot read the file: is a directory; give the results.json that "
        + "`dialsim run` wrote into it\n", folder.err());
    // a path through a file (ENOTDIR) was "cannot read: F: Not a directory": the name twice, the OS's raw text
    Path file = Files.writeString(tmp.resolve("g"), "x");
    Run below = dialsim("check", RES + "no-expect.yaml", "--baseline", file.resolve("results.json").toString(),
        "--out", tmp.resolve("c").toString());
    assertEquals(4, below.code());
    assertEquals("dialsim: baseline " + file.resolve("results.json") + ": cannot read the file: a part of the path is a "
        + "file, not a folder\n", below.err());
  }

  @Test
  void quietPrintsOnlyFailures() {
    Run r = dialsim("check", RES + "mixed.yaml", "--out", tmp.toString(), "--quiet");
    assertEquals(1, r.code());
    assertEquals(3, r.lines().size(), r.out());
    assertTrue(r.lines().stream().allMatch(l -> l.startsWith("mixed: FAIL  UCMA 4.0 [deadline=20s]: ")), r.out());
  }

  @Test
  void theVerdictIsTheSameOnOneThreadOrTwo() throws Exception {
    // determinism is the product: same scenario and seed, same lines, same JUnit, same results files
    Run[] runs = new Run[2];
    for (int t = 1; t <= 2; t++) {
      Path dir = tmp.resolve("t" + t);
      runs[t - 1] = dialsim("check", RES + "mixed.yaml", "--threads", Integer.toString(t), "--out", dir.resolve("out").toString(),
          "--junit", dir.resolve("junit.xml").toString(), "--format", "github");
      assertEquals(1, runs[t - 1].code());
    }
    assertEquals(runs[0].out().replace(tmp.resolve("t1").toString(), "DIR"), runs[1].out().replace(tmp.resolve("t2").toString(), "DIR"));
    assertEquals(withoutTimes(tmp.resolve("t1/junit.xml")), withoutTimes(tmp.resolve("t2/junit.xml")));
    for (String f : List.of("results.json", "results.csv")) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("t1/out").resolve(f)), Files.readAllBytes(tmp.resolve("t2/out").resolve(f)), f);
    }
  }

  private static String withoutTimes(Path junit) throws Exception {
    return Files.readString(junit).replaceAll(" time=\"[^\"]*\"", "");
  }

  @Test
  void helpExplainsTheModesAndMainListsCheck() {
    Run help = dialsim("check", "--help");
    assertEquals(0, help.code());
    // wrapped to the terminal: compare the words, not the line breaks
    assertTrue(help.out().replaceAll("\\s+", " ").contains("confidence mode compares the estimate as point mode does."),
        help.out());
    assertTrue(help.out().contains("--baseline=results.json"), help.out());
    assertTrue(help.out().contains("1  an expectation failed"), help.out());
    Run main = dialsim("--help");
    assertTrue(main.out().contains("  check "), main.out());
  }
}
