package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * index.html in a real browser (headless Chromium) at 1280 px, the width the issue measured:
 * no table wider than its column (timeout-grid and stale-hosts-file pushed columns behind a
 * scrollbar once), no horizontal scrolling of the page, every image decoded and within the
 * column, and nothing refused or failed in the page's log. Skipped where Chromium is absent;
 * .ci/run installs it.
 */
class ReportInBrowserTest {
  private static final int WIDTH = 1280;

  /** Layout facts of the loaded page, in CSS pixels. */
  private static final String MEASURE = """
      JSON.stringify({
        viewport: document.documentElement.clientWidth,
        page: document.documentElement.scrollWidth,
        tables: [...document.querySelectorAll('table')].map(t => ({
          width: t.getBoundingClientRect().width, scroll: t.scrollWidth,
          room: t.parentElement.getBoundingClientRect().width, right: t.getBoundingClientRect().right })),
        images: [...document.images].map(i => ({ alt: i.alt.slice(0, 80), decoded: i.complete && i.naturalWidth > 0,
          width: i.getBoundingClientRect().width, room: i.closest('section').getBoundingClientRect().width })),
        folded: document.querySelectorAll('details.points').length
      })""";

  private static Chromium browser;

  @BeforeAll
  static void start() throws Exception {
    Optional<Path> binary = Chromium.find();
    Assumptions.assumeTrue(binary.isPresent(),
        "Chromium is not installed (apt-get install chromium, or set DIALSIM_CHROMIUM): the real-browser check of "
            + "index.html is skipped");
    browser = Chromium.start(binary.get());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"timeout-grid", "stale-hosts-file", "deadline-sweep"})
  void theReportFitsItsColumnAt1280PxAndEveryImageShows(String scenario, @TempDir Path dir) throws Exception {
    Cli run = Cli.run("run", "scenarios/" + scenario + ".yaml", "--replications", "10", "--quiet", "--out",
        dir.toString());
    assertEquals(0, run.exit(), run.err());
    Chromium.Result r = browser.evaluate(dir.resolve("index.html").toUri(), WIDTH, MEASURE);
    JsonNode page = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.value().asText());
    List<String> wrong = new ArrayList<>();
    double viewport = page.get("viewport").asDouble();
    if (page.get("page").asDouble() > viewport) {
      wrong.add("the page scrolls sideways: " + page.get("page") + " px wide in a " + viewport + " px window");
    }
    JsonNode tables = page.get("tables");
    assertTrue(tables.size() >= 1, "the results table is there");
    for (JsonNode t : tables) {
      // a pixel of rounding either way is no overflow
      if (t.get("width").asDouble() > t.get("room").asDouble() + 1 || t.get("scroll").asDouble() > t.get("width").asDouble() + 1
          || t.get("right").asDouble() > viewport) {
        wrong.add("a table overflows its column: " + t);
      }
    }
    JsonNode images = page.get("images");
    assertTrue(images.size() >= 2, "charts and timelines are there: " + images);
    for (JsonNode i : images) {
      if (!i.get("decoded").asBoolean()) {
        wrong.add("a broken image: " + i.get("alt").asText());
      }
      if (i.get("width").asDouble() > i.get("room").asDouble() + 1) {
        wrong.add("an image wider than its column: " + i);
      }
    }
    wrong.addAll(r.errors().stream().map(e -> "the page logged: " + e).toList());
    assertEquals(List.of(), wrong, scenario);
    // deadline-sweep folds learning-curve and establish-time of its 4 later points; the grid folds
    // establish-time (one call per client: no learning curve); stale-hosts-file folds both
    assertEquals(scenario.equals("timeout-grid") ? 1 : 2, page.get("folded").asInt(), "folded per-point charts");
  }
}
