package org.dialsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/**
 * In a sweep, learning-curve and establish-time are drawn once per sweep point, each from its
 * own point's rows, so no point is hidden behind the first one.
 */
class PerPointChartsTest {
  private static List<Charts.Named> family(List<Charts.Named> charts, String family) {
    return charts.stream().filter(c -> c.family().equals(family)).toList();
  }

  private static String subtitle(Charts.Named c) {
    return ((TextTitle) c.chart().getSubtitle(c.chart().getSubtitleCount() - 1)).getText();
  }

  @Test
  void everySweepPointHasItsOwnLearningCurveFromItsOwnRows() {
    RunReport report = ChartFixtures.sweepOne();
    List<Charts.Named> learning = family(Charts.build(report, Theme.DEFAULT), LearningCurve.NAME);
    // the fixture sweeps deadline over 30s, 10s, 1m, 20s (written order): four charts in that order
    assertEquals(List.of("learning-curve", "learning-curve-point-2", "learning-curve-point-3", "learning-curve-point-4"),
        learning.stream().map(Charts.Named::name).toList());
    assertEquals(List.of("deadline=30s", "deadline=10s", "deadline=1m", "deadline=20s"),
        learning.stream().map(Charts.Named::point).toList());
    long[] ucmaFirstCallFailures = {300, 820, 90, 500}; // of 1000 at each point, as the fixture has them
    for (int i = 0; i < learning.size(); i++) {
      Charts.Named c = learning.get(i);
      XYDataset d = ((XYPlot) c.chart().getPlot()).getDataset();
      assertEquals(2, d.getSeriesCount(), c.name());
      assertEquals("UCMA 4.0", d.getSeriesKey(0));
      assertEquals(ucmaFirstCallFailures[i] / 1000.0, d.getYValue(0, 0), 1e-12, c.name());
      assertTrue(subtitle(c).contains("at " + c.point()), subtitle(c));
      assertTrue(c.caption().endsWith(", at " + c.point() + "."), c.caption());
    }
  }

  @Test
  void everySweepPointHasItsOwnEstablishTimeWithItsOwnDeadline() {
    RunReport report = ChartFixtures.sweepOne();
    List<Charts.Named> establish = family(Charts.build(report, Theme.DEFAULT), EstablishTime.NAME);
    assertEquals(4, establish.size());
    String[] deadlines = {"30 s deadline", "10 s deadline", "60 s deadline", "20 s deadline"};
    for (int i = 0; i < establish.size(); i++) {
      EstablishTime.Model m = EstablishTime.model(report, Rows.points(report).get(i));
      String d = deadlines[i];
      assertTrue(m.markers().stream().anyMatch(k -> k.label().equals(d)), d + " in " + m.markers());
      assertEquals(Charts.perPointName(EstablishTime.NAME, i), establish.get(i).name());
    }
  }

  @Test
  void aPointWithoutAConnectedCallIsLeftOutAndNamed() {
    RunReport sweep = ChartFixtures.sweepOne();
    List<ResultRow> rows = new ArrayList<>();
    for (ResultRow r : sweep.rows()) {
      // at deadline=10s nothing connects: every call failed, no establishment time
      rows.add(r.point().get("deadline").equals("10s")
          ? new ResultRow(r.configuration(), r.point(), ChartFixtures.metrics(1000, new long[] {1000, 1000}, 0, 0, 0),
              r.attemptLimitNs(), r.deadlineNs())
          : r);
    }
    RunReport report = ChartFixtures.report("s", "t", "d", sweep.sweep(), rows);
    List<Charts.Named> establish = family(Charts.build(report, Theme.DEFAULT), EstablishTime.NAME);
    assertEquals(List.of("establish-time", "establish-time-point-3", "establish-time-point-4"),
        establish.stream().map(Charts.Named::name).toList());
    assertTrue(Charts.omitted(report).contains(
        "No establish-time chart at deadline=10s: no call connected there, so there is no establishment time to show."),
        Charts.omitted(report).toString());
  }

  @Test
  void withoutASweepTheChartsKeepTheirNamesAndNamePoint() {
    List<Charts.Named> charts = Charts.build(ChartFixtures.plain(), Theme.DEFAULT);
    assertEquals(1, family(charts, LearningCurve.NAME).size());
    assertEquals(1, family(charts, EstablishTime.NAME).size());
    assertNull(family(charts, LearningCurve.NAME).get(0).point());
    assertEquals(LearningCurve.NAME, family(charts, LearningCurve.NAME).get(0).name());
    assertEquals(Map.of(), Rows.first(ChartFixtures.plain()));
  }
}
