package org.dialsim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MillisHistogramTest {
  @Test
  void bucketsRoundToTheNearestMillisecondHalvesUp() {
    assertEquals(21_020, MillisHistogram.bucket(21_020_000_000L));
    assertEquals(7_025, MillisHistogram.bucket(7_024_500_000L));
    assertEquals(7_024, MillisHistogram.bucket(7_024_499_999L));
    assertEquals(0, MillisHistogram.bucket(499_999));
    assertEquals(1, MillisHistogram.bucket(500_000));
    // Long.MAX_VALUE = 9223372036854775807 ns: 9223372036854 ms and 775807 ns, which rounds up
    assertEquals(9_223_372_036_855L, MillisHistogram.bucket(Long.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> MillisHistogram.bucket(-1));
  }

  @Test
  void percentilesAreTheNearestRankOfTheRoundedTimes() {
    SplittableRandom random = new SplittableRandom(12);
    MillisHistogram h = new MillisHistogram();
    long[] rounded = new long[10_007];
    for (int i = 0; i < rounded.length; i++) {
      // a fast mode around 20 ms and a slow one 21 s later, as a 21 s SYN give-up makes
      long ns = random.nextLong(5_000_000, 90_000_000) + (random.nextInt(4) == 0 ? 21_000_000_000L : 0);
      h.record(ns);
      rounded[i] = Math.round(ns / 1e6);
    }
    Arrays.sort(rounded);
    int[] perMille = {0, 10, 500, 750, 900, 990, 995, 999, 1000};
    long[] got = h.atPerMille(perMille);
    for (int i = 0; i < perMille.length; i++) {
      // nearest rank: the ceil(p N)-th smallest, at least the first
      int rank = Math.max(1, (int) Math.ceil(perMille[i] / 1000.0 * rounded.length));
      assertEquals(rounded[rank - 1], got[i], "p" + perMille[i] / 10.0);
    }
  }

  @Test
  void theMedianOfTwoValuesIsTheLowerAndOfThreeTheMiddle() {
    MillisHistogram h = new MillisHistogram();
    h.record(1_000_000);
    h.record(3_000_000);
    // ceil(0.5 * 2) = 1st smallest
    assertArrayEquals(new long[] {1, 1, 3}, h.atPerMille(0, 500, 1000));
    h.record(2_000_000);
    assertArrayEquals(new long[] {2}, h.atPerMille(500));
    assertArrayEquals(new long[0], new MillisHistogram().atPerMille(500));
  }

  @Test
  void mergingInAnyOrderGivesTheSameCounts() {
    MillisHistogram a = filled(1, 3000);
    MillisHistogram b = filled(2, 5000);
    MillisHistogram c = filled(3, 7);
    MillisHistogram abc = new MillisHistogram();
    abc.merge(a);
    abc.merge(b);
    abc.merge(c);
    MillisHistogram cb = new MillisHistogram();
    cb.merge(c);
    cb.merge(b);
    MillisHistogram cba = new MillisHistogram();
    cba.merge(cb);
    cba.merge(a);
    assertArrayEquals(abc.buckets(), cba.buckets());
    assertEquals(8007, cba.total());
    assertArrayEquals(abc.buckets(), MillisHistogram.of(abc.buckets()).buckets());
  }

  @Test
  void memoryGrowsWithTheSpanOfTimesNotTheirNumber() {
    MillisHistogram h = new MillisHistogram();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 2_000_000; i++) {
      // everything within 0 to 1.023 s: one page of 1024 milliseconds
      h.record(random.nextLong(0, 1_023_000_000L));
    }
    assertEquals(1, h.pages());
    h.record(21_020_000_000L);
    h.record(Long.MAX_VALUE);
    assertEquals(3, h.pages());
    assertEquals(2_000_002, h.total());
  }

  @Test
  void bucketsMustComeInNonNegativePairs() {
    assertThrows(IllegalArgumentException.class, () -> MillisHistogram.of(new long[] {1}));
    assertThrows(IllegalArgumentException.class, () -> MillisHistogram.of(new long[] {1, -1}));
  }

  private static MillisHistogram filled(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    MillisHistogram h = new MillisHistogram();
    for (int i = 0; i < n; i++) {
      h.record(random.nextLong(0, 30_000_000_000L));
    }
    return h;
  }
}
