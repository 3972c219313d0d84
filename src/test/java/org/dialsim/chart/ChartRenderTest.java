package org.dialsim.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dialsim.report.Reports;
import org.dialsim.stats.ResultRow;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.dialsim.stats.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Headless smoke test: every chart kind is drawn to real PNG and SVG files through Reports.write. */
class ChartRenderTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  @TempDir
  Path dir;

  @Test
  void everyChartKindRendersToPngAndSvg() throws Exception {
    check(ChartFixtures.plain(), dir.resolve("plain"),
        Set.of("first-call-failure", "learning-curve", "establish-time"));
    // one learning curve and one establishment-time chart per sweep point: 4 points, then 3 x 2
    Set<String> one = new java.util.HashSet<>(Set.of("first-call-failure", "sweep"));
    Set<String> two = new java.util.HashSet<>(Set.of("first-call-failure", "heatmap-ucma-4-0",
        "heatmap-ucma-4-0-ipv4-hint"));
    for (String family : List.of("learning-curve", "establish-time")) {
      for (int i = 0; i < 6; i++) {
        if (i < 4) {
          one.add(Charts.perPointName(family, i));
        }
        two.add(Charts.perPointName(family, i));
      }
    }
    check(ChartFixtures.sweepOne(), dir.resolve("one"), one);
    check(ChartFixtures.sweepTwo(), dir.resolve("two"), two);
  }

  @Test
  void everyChartWearsTheTheme() {
    for (RunReport r : List.of(ChartFixtures.plain(), ChartFixtures.sweepOne(), ChartFixtures.sweepTwo())) {
      for (Charts.Named n : Charts.build(r, Theme.DEFAULT)) {
        assertEquals("SansSerif", n.chart().getTitle().getFont().getName(), n.name());
        assertEquals(Theme.DEFAULT.titleSize(), n.chart().getTitle().getFont().getSize(), n.name());
        assertEquals(Theme.DEFAULT.background(), n.chart().getBackgroundPaint(), n.name());
      }
    }
  }

  @Test
  void sameReportSameBytes() {
    // SPEC 1.1: same scenario and seed, byte-identical results; the charts are results too
    for (RunReport r : List.of(ChartFixtures.plain(), ChartFixtures.sweepTwo())) {
      List<ChartImage> a = Charts.render(r, Theme.DEFAULT);
      List<ChartImage> b = Charts.render(r, Theme.DEFAULT);
      assertEquals(a.size(), b.size());
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(a.get(i).png(), b.get(i).png(), a.get(i).pngFile());
        assertArrayEquals(a.get(i).svg(), b.get(i).svg(), a.get(i).svgFile());
      }
    }
  }

  @Test
  void tickLabelsIgnoreTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      List<ResultRow> rows = new ArrayList<>();
      for (ResultRow r : ChartFixtures.sweepOne().rows()) {
        String loss = switch (r.point().get("deadline")) {
          case "10s" -> "0.5";
          case "20s" -> "1.5";
          case "30s" -> "2.5";
          default -> "1000.5";
        };
        rows.add(new ResultRow(r.configuration(), Map.of("loss", loss), r.metrics(), r.attemptLimitNs(), r.deadlineNs()));
      }
      List<RunReport> reports = List.of(ChartFixtures.plain(), ChartFixtures.sweepTwo(),
          ChartFixtures.report("n", "t", "d", List.of(ChartFixtures.axis("loss", org.dialsim.stats.SweepAxis.Kind.NUMBER,
              List.of("0.5", "1.5", "2.5", "1000.5"), List.of(0.5, 1.5, 2.5, 1000.5))), rows));
      int axes = 0;
      for (RunReport r : reports) {
        for (Charts.Named n : Charts.build(r, Theme.DEFAULT)) {
          List<ValueAxis> all = new ArrayList<>();
          if (n.chart().getPlot() instanceof XYPlot xy) {
            all.add(xy.getDomainAxis());
            all.add(xy.getRangeAxis());
          } else {
            all.add(((CategoryPlot) n.chart().getPlot()).getRangeAxis());
          }
          for (ValueAxis a : all) {
            NumberFormat f = a instanceof LogAxis log ? log.getNumberFormatOverride()
                : a instanceof NumberAxis num && !(a instanceof SymbolAxis) ? num.getNumberFormatOverride() : null;
            if (a instanceof SymbolAxis) {
              continue; // labels are the scenario's own text
            }
            assertTrue(f != null, n.name() + ": " + a.getLabel() + " would format in the default locale");
            assertFalse(f.format(1234.5).contains(","), n.name() + ": " + f.format(1234.5));
            axes++;
          }
        }
      }
      assertTrue(axes >= 10);
    } finally {
      Locale.setDefault(saved);
    }
  }

  private void check(RunReport report, Path out, Set<String> charts) throws Exception {
    List<Path> written = Reports.write(report, out);
    Set<String> expected = new TreeSet<>(Set.of("results.csv", "results.json", "index.html"));
    for (String c : charts) {
      expected.add(c + ".png");
      expected.add(c + ".svg");
    }
    Set<String> names = new TreeSet<>();
    written.forEach(p -> names.add(p.getFileName().toString()));
    assertEquals(expected, names);
    try (Stream<Path> files = Files.list(out)) {
      // nothing else, in particular no temporary file left behind
      assertEquals(expected, new TreeSet<>(files.map(p -> p.getFileName().toString()).toList()));
    }
    for (String c : charts) {
      png(out.resolve(c + ".png"));
      svg(out.resolve(c + ".svg"));
    }
  }

  private static void png(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), file.toString());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertEquals(Theme.DEFAULT.width(), image.getWidth(), file.toString());
    assertEquals(Theme.DEFAULT.height(), image.getHeight(), file.toString());
  }

  private static void svg(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    // Batik writes a DOCTYPE naming the W3C DTD by URL; a test must not fetch it
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder b = f.newDocumentBuilder();
    Element root = b.parse(file.toFile()).getDocumentElement();
    assertEquals("svg", root.getLocalName(), file.toString());
    assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
    assertEquals(Integer.toString(Theme.DEFAULT.width()), root.getAttribute("width"), file.toString());
    assertEquals(Integer.toString(Theme.DEFAULT.height()), root.getAttribute("height"), file.toString());
    assertEquals("0 0 1000 600", root.getAttribute("viewBox"));
    String text = Files.readString(file);
    assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), file.toString());
    assertTrue(text.contains("<text"), "text stays text: " + file);
  }
}
