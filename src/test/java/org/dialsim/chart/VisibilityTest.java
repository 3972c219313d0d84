package org.dialsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;

/**
 * Every configuration stays visible and identifiable, checked through the charts' datasets,
 * renderers and layout entities, not pixels.
 */
class VisibilityTest {
  /** The sweep of ChartFixtures with a third configuration whose numbers equal UCMA's. */
  private static RunReport withTwin() {
    RunReport r = ChartFixtures.sweepOne();
    List<ResultRow> rows = new ArrayList<>(r.rows());
    for (ResultRow row : r.rows()) {
      if (row.configuration().equals("UCMA 4.0")) {
        rows.add(new ResultRow("UCMA twin", row.point(), row.metrics(), row.attemptLimitNs(), row.deadlineNs()));
      }
    }
    return ChartFixtures.report("twin", "t", "d", r.sweep(), rows);
  }

  @Test
  void anIdenticalLineIsDashedOnTopWithItsOwnMarkerAndSaysWhoseItIs() {
    SweepLines.Model m = SweepLines.model(withTwin());
    JFreeChart chart = SweepLines.chart(m, Theme.DEFAULT);
    XYPlot plot = (XYPlot) chart.getPlot();
    XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
    int twin = 2;
    // the same numbers in the dataset: JFreeChart would draw one over the other
    for (int i = 0; i < plot.getDataset().getItemCount(0); i++) {
      assertEquals(plot.getDataset().getYValue(0, i), plot.getDataset().getYValue(twin, i));
    }
    assertEquals(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD, plot.getSeriesRenderingOrder(), "the twin on top");
    float[] dash = ((BasicStroke) r.getSeriesStroke(twin)).getDashArray();
    assertTrue(dash != null && dash[1] > 0, "the twin is dashed so UCMA shows through");
    assertTrue(((BasicStroke) r.getSeriesStroke(0)).getDashArray() == null, "UCMA solid");
    assertNotEquals(r.getSeriesShape(0).getBounds2D(), r.getSeriesShape(twin).getBounds2D(), "its own, larger marker");
    assertFalse(r.getSeriesShapesFilled(twin), "hollow, so the marker below shows");
    assertNotEquals(r.getSeriesPaint(0), r.getSeriesPaint(twin));
    assertEquals("UCMA twin (same as UCMA 4.0)", r.getLegendItem(0, twin).getLabel());
    assertEquals("RFC 8305", r.getLegendItem(0, 1).getLabel());
  }

  @Test
  void dashesOfAGroupTakeTurns() {
    // three identical lines: the two dashed ones cover different thirds of each period
    List<double[]> line = List.of(new double[] {0, 0}, new double[] {1, 0});
    Overlap o = Overlap.of(List.of(line, line, line));
    BasicStroke b = (BasicStroke) o.stroke(1, 2f);
    BasicStroke c = (BasicStroke) o.stroke(2, 2f);
    assertEquals(Overlap.DASH * 3, b.getDashArray()[0] + b.getDashArray()[1], 1e-6);
    assertNotEquals(b.getDashPhase(), c.getDashPhase());
    assertEquals(1, o.sameAs().get(2) + 1, "the third is the same as the first");
  }

  @Test
  void aZeroBarIsAStubOfItsConfigurationsColour() {
    List<ResultRow> rows = new ArrayList<>();
    for (ResultRow r : ChartFixtures.sweepOne().rows()) {
      // RFC 8305 never fails here: its bars are 0 %
      rows.add(r.configuration().equals("RFC 8305")
          ? new ResultRow(r.configuration(), r.point(), ChartFixtures.metrics(1000, new long[] {0, 0}, 0.3, 0.5, 0.1), r.attemptLimitNs(), r.deadlineNs())
          : r);
    }
    RunReport report = ChartFixtures.report("zero", "t", "d", ChartFixtures.sweepOne().sweep(), rows);
    FailureBars.Model m = FailureBars.model(report);
    JFreeChart chart = FailureBars.chart(m, Theme.DEFAULT);
    ChartRenderingInfo info = new ChartRenderingInfo();
    BufferedImage img = new BufferedImage(Theme.DEFAULT.width(), Theme.DEFAULT.height(), BufferedImage.TYPE_INT_RGB);
    chart.draw(img.createGraphics(), new java.awt.Rectangle(Theme.DEFAULT.width(), Theme.DEFAULT.height()), info);
    var plot = chart.getCategoryPlot();
    int zeros = 0;
    for (Object o : info.getEntityCollection().getEntities()) {
      if (o instanceof CategoryItemEntity e) {
        Number v = e.getDataset().getValue(e.getRowKey(), e.getColumnKey());
        double length = e.getArea().getBounds2D().getHeight();
        assertTrue(length >= WhiskerBarRenderer.MIN_BAR_PIXELS, e.getRowKey() + " / " + e.getColumnKey());
        if (v.doubleValue() == 0) {
          zeros++;
          int row = e.getDataset().getRowIndex(e.getRowKey());
          int col = e.getDataset().getColumnIndex(e.getColumnKey());
          assertEquals(Theme.DEFAULT.color(row), plot.getRenderer().getItemPaint(row, col));
        }
      }
    }
    assertEquals(4, zeros, "RFC 8305's four 0 % bars");
    assertTrue(chart.getLegend() != null && plot.getLegendItems().getItemCount() == m.series().size());
  }

  @Test
  void longNamesAreNeverCutAndHaveALegend() {
    List<String> names = List.of("getaddrinfo (linux-glibc), no budget", "getaddrinfo (linux-glibc), 3 s budget",
        "Go, 3 s budget", "RFC 8305 (50 ms Resolution Delay), 3 s budget", "getaddrinfo + IPv4 hint, 3 s budget");
    RunReport base = ChartFixtures.plain();
    List<ResultRow> rows = new ArrayList<>();
    for (String n : names) {
      ResultRow r = base.rows().get(0);
      rows.add(new ResultRow(n, r.point(), r.metrics(), r.attemptLimitNs(), r.deadlineNs()));
    }
    FailureBars.Model m = FailureBars.model(ChartFixtures.report("long", "t", "d", List.of(), rows));
    assertTrue(m.horizontal(), "five such names would be cut under vertical bars");
    JFreeChart chart = FailureBars.chart(m, Theme.DEFAULT);
    BufferedImage img = new BufferedImage(Theme.DEFAULT.width(), Theme.DEFAULT.height(), BufferedImage.TYPE_INT_RGB);
    ChartRenderingInfo info = new ChartRenderingInfo();
    java.awt.Graphics2D g2 = img.createGraphics();
    chart.draw(g2, new java.awt.Rectangle(Theme.DEFAULT.width(), Theme.DEFAULT.height()), info);
    var plot = chart.getCategoryPlot();
    var ticks = plot.getDomainAxis().refreshTicks(g2, new org.jfree.chart.axis.AxisState(), info.getPlotInfo().getDataArea(),
        org.jfree.chart.ui.RectangleEdge.LEFT);
    for (Object t : ticks) {
      var tick = (org.jfree.chart.axis.CategoryTick) t;
      assertEquals(tick.getCategory().toString().replaceAll("\\s+", ""), FailureBars.words(tick.getLabel()), "cut");
    }
    assertEquals(names.size(), plot.getLegendItems().getItemCount());
    assertEquals(names.get(3), plot.getLegendItems().get(3).getLabel());
  }

  @Test
  void chartsThatSayNothingAreNotDrawnAndTheReportSaysWhy() {
    RunReport report = ChartFixtures.plain();
    // one call per client: the learning curve would be one dot a line
    List<ResultRow> one = new ArrayList<>();
    for (ResultRow r : report.rows()) {
      one.add(new ResultRow(r.configuration(), r.point(), ChartFixtures.metrics(100, new long[] {10}, 0.02, 21, 0.1), r.attemptLimitNs(), r.deadlineNs()));
    }
    RunReport single = ChartFixtures.report("one", "t", "d", List.of(), one);
    List<String> names = Charts.build(single, Theme.DEFAULT).stream().map(Charts.Named::name).toList();
    assertFalse(names.contains(LearningCurve.NAME), names.toString());
    assertTrue(Charts.omitted(single).get(0).startsWith("No learning-curve chart"), Charts.omitted(single).toString());
    assertTrue(Charts.omitted(report).isEmpty());
  }
}
