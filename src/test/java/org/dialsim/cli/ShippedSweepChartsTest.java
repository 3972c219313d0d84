package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dialsim.chart.Theme;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/** Renders every chart kind of the shipped sweep scenarios headless and checks the files. */
class ShippedSweepChartsTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @ParameterizedTest
  @CsvSource({
      // NAME*k: a per-point chart at each of the k sweep points (5 deadlines; 4 deadlines x 3 RTOs)
      "scenarios/deadline-sweep.yaml, 'first-call-failure,sweep,learning-curve*5,establish-time*5'",
      "scenarios/timeout-grid.yaml, 'first-call-failure,heatmap-sequential,heatmap-happy-eyeballs-250-ms,establish-time*12'"
  })
  void everyChartIsAValidPngAndSvgOfTheThemeSize(String scenario, String charts, @TempDir Path dir) throws Exception {
    Cli c = Cli.run("run", scenario, "--replications", "8", "--quiet", "--out", dir.toString());
    assertEquals(0, c.exit(), c.err());
    List<String> names = new java.util.ArrayList<>();
    int folds = 0;
    for (String chart : charts.split(",")) {
      String[] perPoint = chart.split("\\*");
      int points = perPoint.length == 1 ? 1 : Integer.parseInt(perPoint[1]);
      for (int i = 0; i < points; i++) {
        names.add(org.dialsim.chart.Charts.perPointName(perPoint[0], i));
      }
      folds += points > 1 ? 1 : 0;
    }
    try (var files = Files.list(dir)) {
      // no other chart: every file is one the list names
      assertEquals(new java.util.TreeSet<>(names), new java.util.TreeSet<>(files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".png")).map(n -> n.substring(0, n.length() - 4)).toList()));
    }
    for (String name : names) {
      byte[] png = Files.readAllBytes(dir.resolve(name + ".png"));
      assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8), name);
      BufferedImage image = ImageIO.read(dir.resolve(name + ".png").toFile());
      assertEquals(Theme.DEFAULT.width(), image.getWidth(), name);
      assertEquals(Theme.DEFAULT.height(), image.getHeight(), name);
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      // Batik's header names the W3C DTD by URL; never fetch it
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      Element svg = f.newDocumentBuilder().parse(dir.resolve(name + ".svg").toFile()).getDocumentElement();
      assertEquals("svg", svg.getTagName(), name);
      assertEquals(Integer.toString(Theme.DEFAULT.width()), svg.getAttribute("width").replace("px", ""), name);
    }
    String html = Files.readString(dir.resolve("index.html"));
    // every chart is embedded in the self-contained page, once, and each explained failure's timeline
    int failures = html.split("<div class=\"failure\">", -1).length - 1;
    assertEquals(names.size() + failures, html.split("data:image/png;base64", -1).length - 1, html.length() + " chars");
    // the later points' charts of each per-point chart are folded under the first point's
    assertEquals(folds, html.split("<details class=\"points\">", -1).length - 1);
    if (!names.contains("learning-curve")) {
      // timeout-grid makes one call per client: no one-dot learning curve, and the page says why
      assertTrue(html.contains("No learning-curve chart: each client makes one call"), "omitted chart explained");
    }
  }
}
