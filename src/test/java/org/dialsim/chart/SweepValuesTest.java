package org.dialsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dialsim.stats.SweepAxis;
import org.junit.jupiter.api.Test;

/** Axis order and scale from the typed values the loader hands on (it reads them: SweepTest). */
class SweepValuesTest {
  @Test
  void durationsSortBySeconds() {
    SweepValues v = SweepValues.of(ChartFixtures.durations("deadline", "30s", "10s", "1m", "20s", "1m30s", "250ms"));
    assertEquals(SweepAxis.Kind.DURATION, v.kind());
    assertEquals(List.of("250ms", "10s", "20s", "30s", "1m", "1m30s"), v.labels());
    assertEquals(List.of(0.25, 10.0, 20.0, 30.0, 60.0, 90.0), v.positions());
    assertEquals(60.0, v.position("1m"));
    assertTrue(Double.isNaN(v.position("2m")));
    assertTrue(v.logScale(), "250 ms .. 90 s spans 360x");
  }

  @Test
  void plainNumbersSortByValue() {
    SweepValues v = SweepValues.of(ChartFixtures.axis("network.loss", SweepAxis.Kind.NUMBER,
        List.of("0.05", "0.01", "0", ".1"), List.of(0.05, 0.01, 0.0, 0.1)));
    assertEquals(List.of("0", "0.01", "0.05", ".1"), v.labels());
    assertEquals(List.of(0.0, 0.01, 0.05, 0.1), v.positions());
    assertFalse(v.logScale(), "0 has no logarithm");
  }

  @Test
  void categoriesKeepTheWrittenOrder() {
    SweepValues v = SweepValues.of(ChartFixtures.categories("deadline", "30s", "none", "10s"));
    assertEquals(List.of("30s", "none", "10s"), v.labels());
    assertEquals(List.of(0.0, 1.0, 2.0), v.positions());
    assertFalse(v.numeric());
    assertEquals(1, SweepValues.of(ChartFixtures.categories("stack.order", "dns", "prefer-ipv4", "rfc6724"))
        .index("prefer-ipv4"));
  }

  @Test
  void repeatedValuesCountOnce() {
    SweepValues v = SweepValues.of(ChartFixtures.durations("deadline", "10s", "10s", "30s", "30s"));
    assertEquals(List.of("10s", "30s"), v.labels());
  }

  @Test
  void secondsFormatReadsLikeADuration() {
    assertEquals("21 s", SecondsFormat.text(21));
    assertEquals("250 ms", SecondsFormat.text(0.25));
    assertEquals("1.5 s", SecondsFormat.text(1.5));
    assertEquals("100 s", SecondsFormat.text(100));
    assertEquals("1000 s", SecondsFormat.text(1000));
    assertEquals("2 min", SecondsFormat.text(120));
    assertEquals("10 \u00b5s", SecondsFormat.text(1e-5));
  }
}
