package org.dialsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialsim.chart.ChartFixtures;
import org.dialsim.chart.ChartImage;
import org.dialsim.chart.Charts;
import org.dialsim.chart.Theme;
import org.junit.jupiter.api.Test;
import org.dialsim.stats.CheckedLine;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;

class HtmlReportTest {
  private static final String HOSTILE = "<script>alert(1)</script>";

  /** A run whose every scenario string tries to break out of the page. */
  private static RunReport hostile() {
    RunReport plain = ChartFixtures.plain();
    ResultRow first = plain.rows().get(0);
    List<ResultRow> rows = List.of(
        new ResultRow("<img src=x onerror=alert(2)>", Map.of("deadline<i>", "\"><script>alert(3)</script>"),
            first.metrics(), first.attemptLimitNs(), first.deadlineNs()),
        new ResultRow("R&D \"quoted\"", Map.of("deadline<i>", "30s"), first.metrics(), first.attemptLimitNs(), first.deadlineNs()));
    return new RunReport("evil</title><script>alert(4)</script>", HOSTILE, "<b onmouseover=alert(5)>desc</b>",
        "my scenarios/it's.yaml", 42L, 7, List.of(ChartFixtures.categories("deadline<i>", "\"><script>alert(3)</script>", "30s")), rows,
        "{\"title\":\"</pre><script>alert(6)</script>\"}", "0.1.0</footer><script>");
  }

  @Test
  void everyScenarioStringIsEscaped() {
    String html = HtmlReport.render(hostile(), List.of());
    assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), html);
    assertFalse(html.contains("<img src=x"), html);
    assertFalse(html.contains("<b onmouseover"), html);
    assertFalse(html.contains("<i>"), html);
    assertTrue(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"), html);
    assertTrue(html.contains("<td>&lt;img src=x onerror=alert(2)&gt;</td>"), html);
    assertTrue(html.contains("<td>&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;</td>"), html);
    assertTrue(html.contains("<td>R&amp;D &quot;quoted&quot;</td>"), html);
    assertTrue(html.contains("&lt;b onmouseover=alert(5)&gt;desc&lt;/b&gt;"), html);
    assertTrue(html.contains("&lt;/pre&gt;&lt;script&gt;alert(6)&lt;/script&gt;"), html);
  }

  @Test
  void chartNamesAndCaptionsFromTheScenarioAreEscapedToo() {
    RunReport report = hostile();
    List<ChartImage> charts = Charts.render(
        new RunReport(report.scenarioName(), report.title(), report.description(), report.scenarioFile(),
            report.seed(), report.replications(), List.of(), ChartFixtures.plain().rows(),
            report.resolvedScenarioJson(), report.version()),
        Theme.DEFAULT);
    ChartImage evil = new ChartImage("x\"><script>", "<script>", "<script>", "caption <script>alert(7)</script>",
        charts.get(0).png(), charts.get(0).svg());
    String html = HtmlReport.render(report, List.of(evil));
    assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), html);
  }

  @Test
  void selfContainedWithoutScriptOrNetwork() {
    RunReport report = ChartFixtures.sweepOne();
    List<ChartImage> charts = Charts.render(report, Theme.DEFAULT);
    String html = HtmlReport.render(report, charts);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'; img-src data:;"));
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<link"));
    assertFalse(Pattern.compile("(src|href)=\"(?!data:)").matcher(html).find(), "only data: URLs");
    assertFalse(html.contains("http://") || html.contains("https://"), "no network address anywhere");
    Matcher m = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" width=\"1000\" height=\"600\"")
        .matcher(html);
    int images = 0;
    while (m.find()) {
      byte[] png = java.util.Base64.getDecoder().decode(m.group(1));
      assertEquals((byte) 0x89, png[0]);
      images++;
    }
    assertEquals(charts.size(), images);
    assertTrue(html.getBytes(StandardCharsets.UTF_8).length > 10_000);
  }

  @Test
  void reportsTheRunAndHowToRepeatIt() {
    RunReport report = ChartFixtures.sweepOne();
    String html = HtmlReport.render(report, List.of());
    assertEquals("dialsim run scenarios/deadline-sweep.yaml --seed 20140725 --replications 1000", commands(html).get(0));
    assertTrue(html.contains("<dt>seed</dt><dd>20140725</dd>"));
    assertTrue(html.contains("<dt>replications</dt><dd>1000</dd>"));
    assertTrue(html.contains("<dt>dialsim version</dt><dd>0.1.0-test</dd>"));
    assertTrue(html.contains("<h1>How long may establishment take?</h1>"));
    assertTrue(html.contains("<p class=\"description\">Sweeps the deadline.</p>"));
    // the table: one swept column, rows in run order, Locale.ROOT numbers
    assertTrue(html.contains("<th>deadline</th>"));
    assertTrue(html.contains("<tr><td>UCMA 4.0</td><td>30s</td><td class=\"num\">30.00 %</td>"), html);
    // the resolved scenario, indented
    assertTrue(html.contains("<pre>{\n  &quot;name&quot; : &quot;deadline-sweep&quot;,"), html);
  }

  /** The text of each command block, as a reader copies it. */
  private static List<String> commands(String html) {
    List<String> out = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<pre class=\"command\"><code>(.*?)</code></pre>")
        .matcher(html);
    while (m.find()) {
      out.add(org.apache.commons.text.StringEscapeUtils.unescapeHtml4(m.group(1).replaceAll("<[^>]+>", "")));
    }
    return out;
  }

  @Test
  void theScenarioFileIsQuotedForTheShell() {
    assertEquals("dialsim run 'my scenarios/it'\\''s.yaml' --seed 42 --replications 7",
        HtmlReport.reproduce(hostile()));
    assertEquals("a/b-c_d.yaml", HtmlReport.shellQuote("a/b-c_d.yaml"));
  }

  @Test
  void eachFirstFailureIsToldWithItsReplayCommandAndTheFileAsWritten() throws Exception {
    // the scenario as the user wrote it (comments and all), kept by the run, the resolved values folded below
    String written = java.nio.file.Files.readString(java.nio.file.Path.of("scenarios/deadline-sweep.yaml"));
    RunReport report = ChartFixtures.sweepOne().withScenarioText(written);
    byte[] png = Charts.render(report, Theme.DEFAULT).get(0).png();
    RunReport told = report.withFirstFailures(List.of(new org.dialsim.stats.FailedCall("UCMA 4.0", Map.of("deadline", "10s"),
        3, 7, 1, "failed: the 10 s deadline came <soon>.", "text", png)));
    String html = HtmlReport.render(told, List.of());
    assertTrue(html.contains("<p class=\"verdict\">Failed: the 10 s deadline came &lt;soon&gt;.</p>"), html);
    assertEquals("dialsim explain scenarios/deadline-sweep.yaml --configuration 'UCMA 4.0' --at deadline=10s "
        + "--seed 20140725 --replication 3 --client 7 --call 1", commands(html).get(1));
    // it wraps between shell words only: a quoted name with a space is one unbreakable word
    assertTrue(html.contains("<span class=\"word\">'UCMA 4.0'</span> <span class=\"word\">--at</span>"), html);
    assertTrue(html.contains("No call failed at any sweep point for: RFC 8305."), html);
    assertTrue(html.contains("<pre>" + HtmlReport.esc(written) + "</pre>"), "the file as written");
    assertTrue(html.contains("<details>\n<summary>Resolved values"), html);
  }

  @Test
  void withoutRowsThePageSaysSo() {
    RunReport empty = ChartFixtures.report("e", "Empty", "", List.of(), List.of());
    assertTrue(Charts.render(empty, Theme.DEFAULT).isEmpty());
    String html = HtmlReport.render(empty, List.of());
    assertTrue(html.contains("No results."));
    assertTrue(html.contains("No charts"));
  }

  /**
   * A check's verdict is the page's first section, a row per line, with the reasons of the
   * failures (a column left out when all hold); a report of run has no such section, and a
   * scenario's strings in it are escaped like every other.
   */
  @Test
  void aChecksVerdictIsShownFirstAndARunHasNone() {
    RunReport run = ChartFixtures.plain();
    assertFalse(HtmlReport.render(run, List.of()).contains("id=\"expectations\""));

    String html = HtmlReport.render(run.withChecked(List.of(
        new CheckedLine(true, "UCMA 4.0", "calls = 600, bound >= 1, no interval", ""),
        new CheckedLine(false, HOSTILE, "first_call_failure_rate = 0.25, bound <= 0.01", "the estimate is above 0.01"))),
        List.of());
    assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), html);
    int section = html.indexOf("<section id=\"expectations\">");
    assertTrue(section > 0 && section < html.indexOf("<section id=\"results\">"), "the verdict comes first");
    assertTrue(html.contains("<p>1 of 2 do not hold: <code>dialsim check</code> exits 1.</p>"), html);
    assertTrue(HtmlReport.reproduce(run.withChecked(List.of())).startsWith("dialsim check "));
    assertTrue(HtmlReport.reproduce(run).startsWith("dialsim run "));
    assertTrue(html.contains("<th>why it failed</th>"));
    assertTrue(html.contains("<tr><td class=\"pass\">PASS</td><td>UCMA 4.0</td><td>calls = 600, bound &gt;= 1, no interval</td>"
        + "<td></td></tr>"), html);
    assertTrue(html.contains("<tr><td class=\"fail\">FAIL</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"
        + "<td>first_call_failure_rate = 0.25, bound &lt;= 0.01</td><td>the estimate is above 0.01</td></tr>"), html);

    String allHold = HtmlReport.render(run.withChecked(List.of(new CheckedLine(true, "UCMA 4.0", "calls = 600", ""))), List.of());
    assertTrue(allHold.contains("<p>All 1 hold.</p>"), allHold);
    assertFalse(allHold.contains("why it failed"));
    assertTrue(HtmlReport.render(run.withChecked(List.of()), List.of()).contains("nothing was asserted"));
  }
}
