package org.dialsim.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;
import org.dialsim.chart.ChartImage;
import org.dialsim.chart.Charts;
import org.dialsim.stats.CheckedLine;
import org.dialsim.stats.FailedCall;
import org.dialsim.stats.Metrics;
import org.dialsim.stats.Rate;
import org.dialsim.stats.RunReport;
import org.dialsim.stats.ResultRow;

/**
 * index.html: one self-contained page (SPEC 4) with the scenario, for {@code dialsim check} its
 * expectations and how each came out, the results table, the charts as inline PNG, each configuration's first failed call explained, the scenario file as
 * written with its resolved values, and how to reproduce the run. No script, no
 * network: a Content-Security-Policy forbids both, and every string that came from the
 * scenario is HTML-escaped, so a hostile scenario file cannot run code in a reader's browser.
 */
public final class HtmlReport {
  private static final JsonFactory JSON = new JsonFactory(); // streaming: no databind at start-up

  /** Characters a POSIX shell leaves alone; anything else in the file name gets quoted. */
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

  private static final String CSS = """
      :root { color-scheme: light; }
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
             color: #222; background: #fff; max-width: 1060px; margin: 2rem auto; padding: 0 1rem;
             line-height: 1.45; }
      h1 { font-size: 1.7rem; margin-bottom: .3rem; }
      h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
      .description { font-size: 1.05rem; color: #333; }
      dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
      dl.meta dt { font-weight: 600; color: #555; }
      dl.meta dd { margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
      table { border-collapse: collapse; width: 100%; font-size: .92rem; }
      th, td { border-bottom: 1px solid #e2e2e2; padding: .35rem .45rem; text-align: left; vertical-align: top; }
      th { background: #f4f4f4; font-weight: 600; }
      /* headers wrap and long swept values break, so the table fits its column at 1280 px */
      td { overflow-wrap: anywhere; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
      td.num { white-space: nowrap; overflow-wrap: normal; }
      details > summary { cursor: pointer; color: #333; margin: .4rem 0; }
      .failure { margin: 1.2rem 0 2rem; }
      td.pass { color: #1a7f37; font-weight: 600; }
      td.fail { color: #b3261e; font-weight: 600; }
      .failure h3 { font-size: 1.05rem; margin-bottom: .2rem; }
      .verdict { font-size: 1rem; }
      .call { color: #555; font-size: .9rem; }
      tbody tr:nth-child(even) { background: #fafafa; }
      figure { margin: 1.5rem 0; }
      figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
      figcaption { color: #555; font-size: .92rem; }
      pre { background: #f6f6f6; border: 1px solid #e2e2e2; padding: .8rem; overflow: auto; font-size: .85rem; }
      pre.command { white-space: pre-wrap; }
      pre.command .word { white-space: nowrap; }
      .empty { color: #777; font-style: italic; }
      footer { margin-top: 3rem; color: #777; font-size: .85rem; }
      """;

  private HtmlReport() {}

  /** The whole page as text, embedding the PNG of each chart in {@code charts}, in order. */
  public static String render(RunReport report, List<ChartImage> charts) {
    StringBuilder h = new StringBuilder(4096);
    String heading = blank(report.title()) ? report.scenarioName() : report.title();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // defence in depth behind the escaping: no script of any kind, nothing fetched from anywhere
    h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("img-src data:; style-src 'unsafe-inline'\">\n");
    h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.append("<meta name=\"generator\" content=\"dialsim ").append(esc(report.version())).append("\">\n");
    h.append("<title>").append(esc(heading)).append(" \u2014 dialsim</title>\n");
    h.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

    h.append("<header>\n<h1>").append(esc(heading)).append("</h1>\n");
    if (!blank(report.description())) {
      for (String para : report.description().strip().split("\\R\\s*\\R")) {
        h.append("<p class=\"description\">").append(esc(para.strip())).append("</p>\n");
      }
    }
    h.append("<dl class=\"meta\">\n");
    meta(h, "scenario", report.scenarioName());
    meta(h, "file", report.scenarioFile());
    meta(h, "seed", Long.toString(report.seed()));
    meta(h, "replications", Integer.toString(report.replications()));
    if (!report.sweptPaths().isEmpty()) {
      meta(h, "swept", String.join(", ", report.sweptPaths()));
    }
    meta(h, "dialsim version", report.version());
    h.append("</dl>\n");
    h.append("<p>Reproduce this run:</p>\n");
    command(h, reproduce(report));
    h.append("</header>\n");

    checked(h, report);
    h.append("<section id=\"results\">\n<h2>Results</h2>\n");
    table(h, report);
    h.append("</section>\n");

    h.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
    if (charts.isEmpty()) {
      h.append("<p class=\"empty\">No charts: the run has no results.</p>\n");
    }
    // a per-point chart (learning curve, establishment time) shows its first sweep point; the
    // other points' charts follow it folded, so every point is there without a wall of images
    java.util.Set<String> shown = new java.util.HashSet<>();
    String folding = null;
    for (ChartImage c : charts) {
      boolean later = c.point() != null && !shown.add(c.family());
      if (folding != null && !(later && c.family().equals(folding))) {
        h.append("</details>\n");
        folding = null;
      }
      if (later && folding == null) {
        folding = c.family();
        long more = charts.stream().filter(o -> o.family().equals(c.family())).count() - 1;
        h.append("<details class=\"points\">\n<summary>").append(esc(c.family())).append(" at the other ").append(more)
            .append(more == 1 ? " sweep point" : " sweep points").append("</summary>\n");
      }
      h.append("<figure id=\"").append(esc(c.name())).append("\">\n");
      image(h, c.png(), c.caption());
      h.append("\n<figcaption>").append(esc(c.caption()))
          .append(" (").append(esc(c.pngFile())).append(", ").append(esc(c.svgFile())).append(")</figcaption>\n")
          .append("</figure>\n");
    }
    if (folding != null) {
      h.append("</details>\n");
    }
    for (String note : Charts.omitted(report)) {
      h.append("<p class=\"empty\">").append(esc(note)).append("</p>\n");
    }
    h.append("</section>\n");

    failures(h, report);

    h.append("<section id=\"scenario\">\n<h2>Scenario</h2>\n");
    String source = report.scenarioText();
    if (source == null) {
      h.append("<p class=\"empty\">").append(esc(report.scenarioFile()))
          .append(": the file's text is not part of this report; the resolved values follow.</p>\n");
    } else {
      h.append("<p>").append(esc(report.scenarioFile())).append(", as written:</p>\n<pre>").append(esc(source))
          .append("</pre>\n");
    }
    h.append("<details").append(source == null ? " open" : "").append(">\n<summary>Resolved values: the scenario as run, ")
        .append("every default filled in</summary>\n<pre>").append(esc(pretty(report.resolvedScenarioJson())))
        .append("</pre>\n</details>\n</section>\n");
    h.append("<footer>Written by dialsim ").append(esc(report.version()))
        .append(". Rates are shares of trials with 95 % Wilson score intervals; times are seconds.</footer>\n");
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  /** An inline PNG with its size and alt text. */
  private static void image(StringBuilder h, byte[] png, String alt) {
    h.append("<img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png)).append('"');
    int[] size = pngSize(png);
    if (size != null) {
      h.append(" width=\"").append(size[0]).append("\" height=\"").append(size[1]).append('"');
    }
    h.append(" alt=\"").append(esc(alt)).append("\">");
  }

  /**
   * Each configuration's first failed call: its verdict, the call and how to replay it, the
   * timeline and, folded, the whole explanation. Configurations that never failed are named.
   */
  /** The verdict of {@code dialsim check}, first on the page; nothing for a report of run or merge. */
  private static void checked(StringBuilder h, RunReport report) {
    if (report.checked() == null) {
      return;
    }
    long failed = report.checked().stream().filter(c -> !c.passed()).count();
    h.append("<section id=\"expectations\">\n<h2>Expectations</h2>\n");
    if (report.checked().isEmpty()) {
      h.append("<p class=\"empty\">The scenario has no <code>expect:</code> entries: nothing was asserted.</p>\n");
    } else {
      h.append("<p>").append(failed == 0 ? "All " + report.checked().size() + " hold."
          : failed + " of " + report.checked().size() + " do not hold: <code>dialsim check</code> exits 1.").append("</p>\n");
      h.append("<table>\n<thead><tr><th>verdict</th><th>where</th><th>metric, bound and interval</th>")
          .append(failed == 0 ? "" : "<th>why it failed</th>").append("</tr></thead>\n<tbody>\n");
      for (CheckedLine c : report.checked()) {
        h.append("<tr><td class=\"").append(c.passed() ? "pass\">PASS" : "fail\">FAIL").append("</td><td>")
            .append(esc(c.where())).append("</td><td>").append(esc(c.details())).append("</td>");
        if (failed > 0) {
          h.append("<td>").append(esc(c.reason())).append("</td>");
        }
        h.append("</tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }
    h.append("</section>\n");
  }

  private static void failures(StringBuilder h, RunReport report) {
    if (report.rows().isEmpty()) {
      return;
    }
    h.append("<section id=\"failures\">\n<h2>Why calls failed</h2>\n");
    java.util.Set<String> failed = new java.util.LinkedHashSet<>();
    for (FailedCall f : report.firstFailures()) {
      failed.add(f.configuration());
      h.append("<div class=\"failure\">\n<h3>").append(esc(f.configuration())).append("</h3>\n");
      h.append("<p class=\"verdict\">").append(esc(capitalised(f.verdict()))).append("</p>\n");
      String at = f.point().isEmpty() ? "" : " at " + pointText(f.point(), report.sweptPaths());
      h.append("<p class=\"call\">Its first failed call").append(esc(at)).append(": call ").append(f.call())
          .append(" of client ").append(f.client()).append(", replication ").append(f.replication())
          .append(". Replay it with:</p>\n");
      command(h, explainCommand(report, f));
      image(h, f.timelinePng(), "Timeline of that call: " + f.verdict());
      h.append("\n<details>\n<summary>Attempt by attempt</summary>\n<pre>").append(esc(f.text()))
          .append("</pre>\n</details>\n</div>\n");
    }
    List<String> never = new java.util.ArrayList<>();
    for (ResultRow r : report.rows()) {
      if (!failed.contains(r.configuration()) && !never.contains(r.configuration())) {
        never.add(r.configuration());
      }
    }
    if (!never.isEmpty()) {
      h.append("<p>No call failed").append(report.sweptPaths().isEmpty() ? "" : " at any sweep point").append(" for: ")
          .append(esc(String.join(", ", never))).append(".</p>\n");
    }
    h.append("</section>\n");
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String pointText(java.util.Map<String, String> point, List<String> paths) {
    List<String> parts = new java.util.ArrayList<>();
    for (String p : paths) {
      parts.add(p + "=" + point.getOrDefault(p, ""));
    }
    return String.join(", ", parts);
  }

  /**
   * A shell command as a block that wraps between words only: inside a sentence the command
   * broke at the hyphen of timeout-grid.yaml, and as plain {@code <pre>} a long one ran out of
   * sight behind a scrollbar. Copied, the soft wraps leave one line.
   */
  private static void command(StringBuilder h, String shell) {
    h.append("<pre class=\"command\"><code>");
    boolean quoted = false;
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= shell.length(); i++) {
      char c = i < shell.length() ? shell.charAt(i) : ' ';
      if (c == '\'') {
        quoted = !quoted;
      }
      if (c == ' ' && !quoted || i == shell.length()) {
        if (word.length() > 0) {
          h.append("<span class=\"word\">").append(esc(word.toString())).append("</span>");
          word.setLength(0);
        }
        if (i < shell.length()) {
          h.append(' ');
        }
      } else {
        word.append(c);
      }
    }
    h.append("</code></pre>\n");
  }

  /** The explain command that tells the same call. */
  static String explainCommand(RunReport report, FailedCall f) {
    StringBuilder sb = new StringBuilder("dialsim explain ").append(shellQuote(report.scenarioFile()))
        .append(" --configuration ").append(shellQuote(f.configuration()));
    for (String p : report.sweptPaths()) {
      sb.append(" --at ").append(shellQuote(p + "=" + f.point().getOrDefault(p, "")));
    }
    return sb.append(String.format(Locale.ROOT, " --seed %d --replication %d --client %d --call %d", report.seed(),
        f.replication(), f.client(), f.call())).toString();
  }


  /** The command that runs this scenario again with the same seed and replications. */
  static String reproduce(RunReport report) {
    // a check's page is reproduced by the check (the verdict is part of it)
    return String.format(Locale.ROOT, "dialsim %s %s --seed %d --replications %d", report.checked() == null ? "run" : "check",
        shellQuote(report.scenarioFile()), report.seed(), report.replications());
  }

  /** {@code s} as one POSIX shell word: unchanged when safe, else in single quotes. */
  static String shellQuote(String s) {
    if (s != null && SHELL_SAFE.matcher(s).matches()) {
      return s;
    }
    return "'" + (s == null ? "" : s.replace("'", "'\\''")) + "'";
  }

  private static void table(StringBuilder h, RunReport report) {
    if (report.rows().isEmpty()) {
      h.append("<p class=\"empty\">No results.</p>\n");
      return;
    }
    h.append("<table>\n<thead><tr><th>configuration</th>");
    for (String p : report.sweptPaths()) {
      h.append("<th>").append(esc(p)).append("</th>");
    }
    h.append("<th class=\"num\">first-call failure</th><th class=\"num\">95 % interval</th>")
        .append("<th class=\"num\">call failure</th><th class=\"num\">p50 establish (s)</th>")
        .append("<th class=\"num\">p99 establish (s)</th><th class=\"num\">attempts per call</th>")
        .append("<th class=\"num\">calls</th></tr></thead>\n<tbody>\n");
    for (ResultRow row : report.rows()) {
      Metrics m = row.metrics();
      h.append("<tr><td>").append(esc(row.configuration())).append("</td>");
      for (String p : report.sweptPaths()) {
        h.append("<td>").append(esc(row.point().getOrDefault(p, ""))).append("</td>");
      }
      num(h, ConsoleTable.percent(m.firstCall().value()));
      num(h, interval(m.firstCall()));
      num(h, ConsoleTable.percent(m.call().value()));
      num(h, seconds(m.establishP50()));
      num(h, seconds(m.establishP99()));
      num(h, Double.isNaN(m.attemptsMean()) ? "-" : String.format(Locale.ROOT, "%.2f", m.attemptsMean()));
      num(h, Long.toString(m.calls()));
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void num(StringBuilder h, String text) {
    h.append("<td class=\"num\">").append(esc(text)).append("</td>");
  }

  private static void meta(StringBuilder h, String term, String value) {
    h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
  }

  private static String interval(Rate r) {
    return Double.isNaN(r.value()) ? "-"
        : String.format(Locale.ROOT, "%.2f \u2013 %.2f %%", 100 * r.low(), 100 * r.high());
  }

  private static String seconds(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** The scenario JSON indented for reading; as given if it does not parse. */
  private static String pretty(String json) {
    if (json == null) {
      return "";
    }
    StringWriter out = new StringWriter();
    try (JsonParser p = JSON.createParser(json); JsonGenerator g = JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      p.nextToken();
      g.copyCurrentStructure(p);
    } catch (IOException e) {
      return json;
    }
    return out.toString();
  }

  /** Width and height from a PNG's IHDR chunk, or null if {@code png} is not a PNG. */
  static int[] pngSize(byte[] png) {
    if (png == null || png.length < 24 || (png[0] & 0xFF) != 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
      return null;
    }
    return new int[] {readInt(png, 16), readInt(png, 20)};
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
  }

  /** HTML-escaped text; null becomes empty. Used for every string that came from a scenario. */
  static String esc(String s) {
    return s == null ? "" : StringEscapeUtils.escapeHtml4(s);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
