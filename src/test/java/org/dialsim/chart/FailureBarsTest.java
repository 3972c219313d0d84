package org.dialsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.dialsim.stats.Metrics;
import org.dialsim.stats.Rate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

class FailureBarsTest {
  @Test
  void barsFollowTheScenarioOrderWithoutASweep() {
    RunReport report = ChartFixtures.plain();
    FailureBars.Model m = FailureBars.model(report);
    assertFalse(m.grouped());
    assertEquals(List.of("UCMA 4.0", "UCMA 4.0 + IPv4 hint", "RFC 8305", "Java first-only"), m.categories());
    DefaultCategoryDataset d = FailureBars.dataset(m);
    assertEquals(m.categories(), d.getColumnKeys());
    // 312 of 1000 first calls failed
    assertEquals(0.312, d.getValue(0, 0).doubleValue(), 1e-12);
    for (int i = 0; i < m.bars().size(); i++) {
      assertEquals(i, m.bars().get(i).configuration(), "colour index follows the scenario order");
    }
  }

  @Test
  void whiskersAreTheWilsonInterval() {
    RunReport report = ChartFixtures.plain();
    FailureBars.Model m = FailureBars.model(report);
    for (ResultRow r : report.rows()) {
      Rate rate = r.metrics().firstCall();
      FailureBars.Bar b = m.bar("first-call failure", r.configuration());
      assertEquals(rate.low(), b.low(), 0.0, r.configuration());
      assertEquals(rate.high(), b.high(), 0.0, r.configuration());
      assertTrue(b.low() <= b.value() && b.value() <= b.high());
    }
    // 0 of 1000: the bar is 0 but the interval still reaches up to about 0.38 %
    FailureBars.Bar zero = m.bar("first-call failure", "UCMA 4.0 + IPv4 hint");
    assertEquals(0, zero.value());
    assertEquals(0.0038, zero.high(), 0.0001);
  }

  @Test
  void whiskersAreClippedToZeroAndOne() {
    Metrics base = ChartFixtures.metrics(10, new long[] {5}, 0.02, 0, 0);
    // a rate whose interval strays outside [0, 1], as rounding elsewhere could make it
    Rate wild = new Rate(5, 10, 0.5, -0.2, 1.3, 10);
    Metrics m = new Metrics(base.replications(), wild, List.of(wild), wild, base.establishMean(), base.establishP50(),
        base.establishP90(), base.establishP99(), base.establishMax(), base.attemptsMean(), base.fallbackShare(),
        base.wastedMean(), base.calls(), base.failedCalls(), base.establishQuantiles());
    RunReport report = ChartFixtures.report("x", "t", "d", List.of(),
        List.of(ChartFixtures.row("wild", Map.of(), m, ChartFixtures.ucma())));
    FailureBars.Bar b = FailureBars.model(report).bars().get(0);
    assertEquals(0.0, b.low());
    assertEquals(1.0, b.high());
    Bands.Line line = LearningCurve.model(report).lines().get(0);
    assertEquals(0.0, line.points().get(0).low());
    assertEquals(1.0, line.points().get(0).high());
  }

  @Test
  void percentAxisStartsAtZeroAndHoldsTheHighestWhisker() {
    for (RunReport report : List.of(ChartFixtures.plain(), ChartFixtures.sweepOne(), ChartFixtures.sweepTwo())) {
      FailureBars.Model m = FailureBars.model(report);
      JFreeChart chart = FailureBars.chart(m, Theme.DEFAULT);
      ValueAxis y = ((CategoryPlot) chart.getPlot()).getRangeAxis();
      assertEquals(0.0, y.getLowerBound());
      assertEquals(m.upper(), y.getUpperBound());
      assertTrue(m.upper() <= 1.0);
      for (FailureBars.Bar b : m.bars()) {
        assertTrue(b.high() <= m.upper(), report.scenarioName());
      }
    }
  }

  @Test
  void aSweepGroupsBarsByPointInSweepOrder() {
    FailureBars.Model m = FailureBars.model(ChartFixtures.sweepOne());
    assertTrue(m.grouped());
    assertEquals(List.of("UCMA 4.0", "RFC 8305"), m.series());
    // the order the scenario wrote, as in results.csv; the sweep chart sorts numerically
    assertEquals(List.of("30s", "10s", "1m", "20s"), m.categories());
    assertEquals("deadline", m.categoryAxisLabel());
    assertEquals(0.82, m.bar("UCMA 4.0", "10s").value(), 1e-12);
    FailureBars.Model two = FailureBars.model(ChartFixtures.sweepTwo());
    assertEquals(List.of("10s / 1s", "10s / 3s", "30s / 1s", "30s / 3s", "60s / 1s", "60s / 3s"), two.categories());
    assertEquals("deadline / syn.initial_rto", two.categoryAxisLabel());
  }

  @Test
  void aConfigurationWithoutFirstCallsHasNoBar() {
    Metrics empty = new Metrics(0, Rate.of(0, 0), List.of(), Rate.of(0, 0), Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, List.of());
    RunReport report = ChartFixtures.report("x", "t", "d", List.of(),
        List.of(ChartFixtures.row("none", Map.of(), empty, ChartFixtures.ucma()),
            ChartFixtures.plain().rows().get(0)));
    FailureBars.Model m = FailureBars.model(report);
    assertEquals(List.of("none", "UCMA 4.0"), m.categories());
    assertEquals(1, m.bars().size());
    assertNull(FailureBars.dataset(m).getValue("first-call failure", "none"));
  }

  @Test
  void manyOrLongNamesTurnTheBarsOnTheirSide() {
    assertFalse(FailureBars.horizontal(List.of("UCMA 4.0", "UCMA 4.0 + IPv4 hint", "RFC 8305", "Java first-only")));
    assertTrue(FailureBars.horizontal(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i")));
    assertTrue(FailureBars.horizontal(List.of("x", "y", "z", "w", "Configuration number 6 with a long descriptive name")));
    FailureBars.Model m = FailureBars.model(ChartFixtures.plain());
    assertEquals(PlotOrientation.VERTICAL, ((CategoryPlot) FailureBars.chart(m, Theme.DEFAULT).getPlot()).getOrientation());
  }

  @Test
  void percentScale() {
    assertEquals(Percent.MIN_UPPER, Percent.upper(0, 0.85));
    assertEquals(Percent.MIN_UPPER, Percent.upper(Double.NaN, 0.85));
    assertEquals(0.4, Percent.upper(0.3, 0.85), 1e-12); // 0.353 -> 0.4
    assertEquals(0.3, Percent.upper(0.3, 1.0), 1e-12); // no float drift to 0.4
    assertEquals(1.0, Percent.upper(0.9, 0.85));
    assertEquals(0.1, Percent.tickUnit(1.0), 1e-12);
    assertEquals(0.002, Percent.tickUnit(0.02), 1e-12);
    assertEquals("12.3 %", Percent.label(0.1234));
    assertEquals("0.42 %", Percent.label(0.0042));
    assertEquals("0 %", Percent.label(0));
    assertEquals("100.0 %", Percent.label(1));
    assertEquals(0.0, Percent.clip(-0.1));
    assertTrue(Double.isNaN(Percent.clip(Double.NaN)));
  }
}
