package org.dialsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dialsim.stats.RunReport;
import org.dialsim.stats.Rate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class LearningCurveTest {
  @Test
  void oneLinePerConfigurationByCallNumber() {
    RunReport report = ChartFixtures.plain();
    LearningCurve.Model m = LearningCurve.model(report);
    assertEquals(5, m.calls());
    assertEquals(List.of("UCMA 4.0", "UCMA 4.0 + IPv4 hint", "RFC 8305", "Java first-only"),
        m.lines().stream().map(Bands.Line::configuration).toList());
    YIntervalSeriesCollection d = LearningCurve.dataset(m);
    List<Rate> byCall = report.rows().get(0).metrics().byCall();
    for (int i = 0; i < 5; i++) {
      assertEquals(i + 1, d.getXValue(0, i), 0.0);
      assertEquals(byCall.get(i).value(), d.getYValue(0, i), 0.0);
      assertEquals(byCall.get(i).low(), d.getStartYValue(0, i), 0.0);
      assertEquals(byCall.get(i).high(), d.getEndYValue(0, i), 0.0);
    }
    // 100 % failure (Java first-only) must fit: the axis never stops below the highest band
    assertEquals(1.0, m.upper());
  }

  @Test
  void aSweepShowsTheFirstPointAndSaysSo() {
    LearningCurve.Model m = LearningCurve.model(ChartFixtures.sweepOne());
    assertEquals(2, m.lines().size());
    // the first point the scenario lists is deadline=30s, where UCMA fails 300 of 1000 first calls
    assertEquals(0.3, m.lines().get(0).points().get(0).value(), 1e-12);
    assertTrue(m.subtitle().contains("deadline=30s"), m.subtitle());
  }

  @Test
  void bandsOnlyWhileTheyStayReadable() {
    JFreeChart few = LearningCurve.chart(LearningCurve.model(ChartFixtures.plain()), Theme.DEFAULT);
    assertTrue(((XYPlot) few.getPlot()).getRenderer() instanceof DeviationRenderer);
    List<Bands.Line> many = java.util.Collections.nCopies(Bands.MAX_BANDS + 1, new Bands.Line("x", 0, List.of()));
    assertTrue(!Bands.drawBands(many));
    assertTrue(Bands.bandNote(many).contains("not drawn"));
  }
}
