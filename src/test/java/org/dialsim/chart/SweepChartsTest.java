package org.dialsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class SweepChartsTest {
  @Test
  void sweepLinesAreSortedByTheSweptValue() {
    RunReport report = ChartFixtures.sweepOne();
    SweepLines.Model m = SweepLines.model(report);
    assertEquals(List.of("10s", "20s", "30s", "1m"), m.axis().labels());
    assertEquals(List.of("UCMA 4.0", "RFC 8305"), m.lines().stream().map(Bands.Line::configuration).toList());
    YIntervalSeriesCollection d = SweepLines.dataset(m);
    // UCMA's first-call failures at 10 s, 20 s, 30 s, 60 s: 820, 500, 300, 90 of 1000
    double[] expected = {0.82, 0.5, 0.3, 0.09};
    double[] x = {10, 20, 30, 60};
    for (int i = 0; i < 4; i++) {
      assertEquals(x[i], d.getXValue(0, i), 0.0);
      assertEquals(expected[i], d.getYValue(0, i), 1e-12);
      assertTrue(d.getStartYValue(0, i) <= expected[i] && expected[i] <= d.getEndYValue(0, i));
    }
    XYPlot plot = (XYPlot) SweepLines.chart(m, Theme.DEFAULT).getPlot();
    assertTrue(plot.getDomainAxis() instanceof NumberAxis && !(plot.getDomainAxis() instanceof SymbolAxis));
    assertEquals(0.0, plot.getRangeAxis().getLowerBound());
  }

  @Test
  void unparseableValuesGetACategoryAxis() {
    List<ResultRow> rows = new ArrayList<>();
    for (ResultRow r : ChartFixtures.sweepOne().rows()) {
      String v = r.point().get("deadline").equals("1m") ? "none" : r.point().get("deadline");
      rows.add(new ResultRow(r.configuration(), Map.of("deadline", v), r.metrics(), r.attemptLimitNs(), r.deadlineNs()));
    }
    RunReport report = ChartFixtures.report("x", "t", "d", List.of(ChartFixtures.categories("deadline", "30s", "10s", "none", "20s")), rows);
    SweepLines.Model m = SweepLines.model(report);
    assertEquals(List.of("30s", "10s", "none", "20s"), m.axis().labels());
    XYPlot plot = (XYPlot) SweepLines.chart(m, Theme.DEFAULT).getPlot();
    SymbolAxis x = (SymbolAxis) plot.getDomainAxis();
    assertEquals(List.of("30s", "10s", "none", "20s"), List.of(x.getSymbols()));
  }

  @Test
  void sweepChartsNeedTheRightNumberOfParameters() {
    assertThrows(IllegalArgumentException.class, () -> SweepLines.model(ChartFixtures.plain()));
    assertThrows(IllegalArgumentException.class, () -> SweepHeatmap.models(ChartFixtures.sweepOne()));
  }

  @Test
  void heatMapCellsHoldTheFirstCallFailureRate() {
    List<SweepHeatmap.Model> maps = SweepHeatmap.models(ChartFixtures.sweepTwo());
    assertEquals(List.of("heatmap-ucma-4-0", "heatmap-ucma-4-0-ipv4-hint"),
        maps.stream().map(SweepHeatmap.Model::name).toList());
    SweepHeatmap.Model ucma = maps.get(0);
    assertEquals(List.of("10s", "30s", "60s"), ucma.x().labels());
    assertEquals(List.of("1s", "3s"), ucma.y().labels());
    assertEquals(6, ucma.cells().size());
    // fixture: 900 - 300 * deadline index - 100 * (1 - rto index) failures of 1000
    assertEquals(0.8, ucma.cell(0, 0).value(), 1e-12);
    assertEquals(0.9, ucma.cell(0, 1).value(), 1e-12);
    assertEquals(0.2, ucma.cell(2, 0).value(), 1e-12);
    assertEquals("60s", ucma.cell(2, 1).x());
    assertEquals("3s", ucma.cell(2, 1).y());
    // one colour scale for every map, so that they compare
    assertEquals(ucma.upper(), maps.get(1).upper());
    assertEquals(1.0, ucma.upper());
    var d = SweepHeatmap.dataset(ucma);
    assertEquals(2.0, d.getXValue(0, 5));
    assertEquals(1.0, d.getYValue(0, 5));
    assertEquals(0.3, d.getZValue(0, 5), 1e-12);
  }

  @Test
  void missingCellsAreNaN() {
    List<ResultRow> rows = new ArrayList<>(ChartFixtures.sweepTwo().rows());
    rows.removeIf(r -> r.configuration().equals("UCMA 4.0") && r.point().get("deadline").equals("30s")
        && r.point().get("syn.initial_rto").equals("3s"));
    RunReport report = ChartFixtures.report("x", "t", "d", ChartFixtures.sweepTwo().sweep(), rows);
    SweepHeatmap.Model m = SweepHeatmap.models(report).get(0);
    assertTrue(Double.isNaN(m.cell(1, 1).value()));
    assertEquals(SequentialScale.MISSING, new SequentialScale(0, 1, Theme.DEFAULT.sequential()).colour(Double.NaN));
  }

  @Test
  void slugsAreFileNameSafeAndUnique() {
    assertEquals("ucma-4-0-ipv4-hint", Slugs.of("UCMA 4.0 + IPv4 hint"));
    assertEquals("resume-cafe", Slugs.of("Résumé café"));
    assertEquals("configuration", Slugs.of("../../"));
    assertEquals(List.of("a-b", "a-b-2", "a-b-3"), Slugs.unique(List.of("a b", "a-b", "A  B")));
  }

  @Test
  void cellTextTakesTheBetterContrast() {
    assertTrue(SequentialScale.whiteOn(Theme.VIRIDIS_REVERSED.get(6), Theme.DEFAULT.text()));
    assertTrue(!SequentialScale.whiteOn(Theme.VIRIDIS_REVERSED.get(0), Theme.DEFAULT.text()));
  }
}
