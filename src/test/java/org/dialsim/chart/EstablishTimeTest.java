package org.dialsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.dialsim.engine.Time;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.dialsim.stats.Metrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

class EstablishTimeTest {
  @Test
  void markersAtTheAttemptLimitAndTheDeadline() {
    // UCMA: classic Windows SYNs give up at 21 s, the call deadline is 30 s
    RunReport report = ChartFixtures.report("x", "t", "d", List.of(),
        List.of(ChartFixtures.plain().rows().get(0)));
    EstablishTime.Model m = EstablishTime.model(report);
    assertEquals(2, m.markers().size());
    EstablishTime.Marker attempt = m.markers().get(0);
    EstablishTime.Marker deadline = m.markers().get(1);
    assertEquals(21.0, attempt.seconds());
    assertEquals("21 s attempt", attempt.label());
    assertEquals(EstablishTime.Limit.ATTEMPT, attempt.limit());
    assertEquals(30.0, deadline.seconds());
    assertEquals("30 s deadline", deadline.label());
    assertEquals(-1, attempt.colour(), "one configuration: a neutral marker");

    JFreeChart chart = EstablishTime.chart(m, Theme.DEFAULT);
    Collection<?> drawn = ((XYPlot) chart.getPlot()).getDomainMarkers(Layer.FOREGROUND);
    assertEquals(List.of(21.0, 30.0), drawn.stream().map(o -> ((ValueMarker) o).getValue()).toList());
  }

  @Test
  void noMarkerForNoLimitAndTheShorterAttemptLimitWins() {
    // Linux SYNs give up at 127 s but the application stops each attempt at 10 s; no deadline
    Metrics metrics = ChartFixtures.metrics(100, new long[] {1}, 0.02, 0, 0);
    RunReport report = ChartFixtures.report("x", "t", "d", List.of(), List.of(ChartFixtures.row("okhttp-like", Map.of(),
        metrics, ChartFixtures.stack(ChartFixtures.LINUX, 10 * Time.S, Time.NEVER))));
    EstablishTime.Model m = EstablishTime.model(report);
    assertEquals(1, m.markers().size());
    assertEquals("10 s attempt", m.markers().get(0).label());
    assertEquals(10 * Time.S, ChartFixtures.stack(ChartFixtures.LINUX, 10 * Time.S, Time.NEVER).attemptLimitNs());
    assertEquals(127 * Time.S, ChartFixtures.stack(ChartFixtures.LINUX, Time.NEVER, Time.NEVER).attemptLimitNs());
  }

  @Test
  void logAxisCoversEveryQuantileAndMarker() {
    RunReport report = ChartFixtures.plain();
    EstablishTime.Model m = EstablishTime.model(report);
    double min = Double.MAX_VALUE;
    double max = 0;
    for (EstablishTime.Curve c : m.curves()) {
      for (EstablishTime.CdfPoint p : c.points()) {
        min = Math.min(min, p.seconds());
        max = Math.max(max, p.seconds());
        assertTrue(p.share() >= 0 && p.share() <= 1);
      }
    }
    for (EstablishTime.Marker k : m.markers()) {
      max = Math.max(max, k.seconds());
    }
    assertTrue(m.lower() <= min && m.lower() > 0, m.lower() + " vs " + min);
    assertTrue(m.upper() >= max, m.upper() + " vs " + max);
    // whole decades: 0.02 s .. 127 s (Linux give-up of RFC 8305) gives 10 ms .. 1000 s
    assertEquals(0.01, m.lower(), 1e-15);
    assertEquals(1000, m.upper(), 1e-9);
    LogAxis x = (LogAxis) ((XYPlot) EstablishTime.chart(m, Theme.DEFAULT).getPlot()).getDomainAxis();
    assertEquals(m.lower(), x.getLowerBound(), 1e-15);
    assertEquals(m.upper(), x.getUpperBound(), 1e-9);
  }

  @Test
  void aDashedCurveIsDrawnAsOnePathSoItsShortStepsKeepTheirDashes() {
    // a twin of UCMA 4.0 is dashed over it; a distribution is a hundred short steps, and each
    // segment drawn alone would restart the dash pattern, in its gap
    RunReport plain = ChartFixtures.plain();
    List<ResultRow> rows = new java.util.ArrayList<>(plain.rows());
    rows.add(new ResultRow("UCMA twin", Map.of(), rows.get(0).metrics(), rows.get(0).attemptLimitNs(),
        rows.get(0).deadlineNs()));
    EstablishTime.Model m = EstablishTime.model(ChartFixtures.report("twin", "t", "d", List.of(), rows));
    JFreeChart chart = EstablishTime.chart(m, Theme.DEFAULT);
    var r = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) ((XYPlot) chart.getPlot()).getRenderer();
    int twin = m.curves().size() - 1;
    assertEquals("UCMA twin", m.curves().get(twin).configuration());
    assertTrue(((java.awt.BasicStroke) r.getSeriesStroke(twin)).getDashArray() != null, "the twin is dashed");
    assertTrue(r.getDrawSeriesLineAsPath(), "one path per curve");
  }

  @Test
  void configurationsWithoutASuccessfulCallAreLeftOutWithANote() {
    EstablishTime.Model m = EstablishTime.model(ChartFixtures.plain());
    assertEquals(List.of("Java first-only"), m.omitted());
    assertEquals(List.of("UCMA 4.0", "UCMA 4.0 + IPv4 hint", "RFC 8305"),
        m.curves().stream().map(EstablishTime.Curve::configuration).toList());
    assertTrue(m.subtitle().contains("no successful call: Java first-only"), m.subtitle());
    // colours stay those of the scenario order, so RFC 8305 keeps colour 2
    assertEquals(2, m.curves().get(2).colour());
    // 21 s and 30 s belong to both UCMA stacks: neutral; 127 s only to RFC 8305: its colour
    EstablishTime.Marker linux = m.markers().get(m.markers().size() - 1);
    assertEquals("127 s attempt", linux.label());
    assertEquals(2, linux.colour());
    assertEquals(List.of("RFC 8305"), linux.configurations());
  }

  @Test
  void quantilesBecomeACumulativeDistribution() {
    RunReport report = ChartFixtures.plain();
    EstablishTime.Model m = EstablishTime.model(report);
    List<Metrics.Quantile> q = report.rows().get(0).metrics().establishQuantiles();
    List<EstablishTime.CdfPoint> p = m.curves().get(0).points();
    assertEquals(q.size(), p.size());
    assertEquals(q.get(50).seconds(), p.get(50).seconds(), 0.0);
    assertEquals(0.5, p.get(50).share(), 1e-12);
    assertEquals(EstablishTime.dataset(m).getItemCount(0), q.size());
  }

  @Test
  void labelsNearTheRightEndGoLeft() {
    EstablishTime.Model m = EstablishTime.model(ChartFixtures.plain());
    // on a 10 ms .. 1000 s axis, 21 s and 30 s sit at 66 % and 70 %, 127 s at 82 %
    Map<String, Boolean> left = new java.util.HashMap<>();
    for (EstablishTime.Marker k : m.markers()) {
      left.put(k.label(), k.labelLeft());
    }
    assertEquals(Map.of("21 s attempt", false, "30 s deadline", false, "127 s attempt", true), left);
  }
}
