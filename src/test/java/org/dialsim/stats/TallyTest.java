package org.dialsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {
  @Test
  void slowCallsOf21020msShowAs21020NotAnHistogramBucket() {
    // stale-hosts-file: every slow call took 21 s of SYN give-up plus 20 ms; HdrHistogram at
    // 3 significant digits printed 21.013 for them
    Tally t = new Tally(1);
    for (int i = 0; i < 80; i++) {
      t.call(i, 0, true, 23_000_000L, 1, 0);
      t.replicationDone();
    }
    for (int i = 0; i < 20; i++) {
      t.call(i, 0, true, 21_020_000_000L, 2, 21_000_000_000L);
      t.replicationDone();
    }
    Metrics m = t.metrics();
    // 100 calls: p50 is the 50th smallest (23 ms), p90 the 90th and p99 the 99th (21.020 s)
    assertEquals(0.023, m.establishP50(), 0);
    assertEquals(21.020, m.establishP90(), 0);
    assertEquals(21.020, m.establishP99(), 0);
    assertEquals(21.020, m.establishMax(), 0);
    assertEquals(new Metrics.Quantile(80, 0.023), m.establishQuantiles().get(80));
    assertEquals(new Metrics.Quantile(81, 21.020), m.establishQuantiles().get(81));
  }

  @Test
  void aRoundedPercentileNeverPassesTheExactMinimumOrMaximum() {
    Tally t = new Tally(1);
    // 21.0206 s rounds to 21.021 s, beyond the slowest call; 20.4 ms rounds below the fastest
    t.call(0, 0, true, 21_020_600_000L, 1, 0);
    t.call(1, 0, true, 20_400_000L, 1, 0);
    t.replicationDone();
    Metrics m = t.metrics();
    assertEquals(21.0206, m.establishP99(), 0);
    assertEquals(0.0204, m.establishQuantiles().get(0).seconds(), 0);
    assertEquals(List.of(0.0, 1.0, 2.0), m.establishQuantiles().subList(0, 3).stream().map(Metrics.Quantile::percentile).toList());
    assertEquals(103, m.establishQuantiles().size());
  }

  @Test
  void countsReadBackGiveTheSameMetricsAndMergeLikeTallies() {
    Tally a = sample(0);
    Tally b = sample(1);
    Tally ab = new Tally(2);
    ab.merge(a);
    ab.merge(b);
    Tally viaCounts = Tally.of(a.counts());
    viaCounts.merge(Tally.of(b.counts()));
    assertEquals(ab.metrics(), viaCounts.metrics());
    assertEquals(a.metrics(), Tally.of(a.counts()).metrics());
    // an empty tally keeps "no successful call" through its counts
    assertEquals(new Tally(2).metrics().toString(), Tally.of(new Tally(2).counts()).metrics().toString());
  }

  private static Tally sample(int seed) {
    Tally t = new Tally(2);
    for (int r = 0; r < 5; r++) {
      for (int c = 0; c < 4; c++) {
        boolean ok = (r + c + seed) % 3 != 0;
        t.call(c, 0, ok, 20_000_000L + 1_000_017L * (r + seed), 1 + c % 2, 3_000_000_000L * (c % 2));
        t.call(c, 1, true, 21_020_000_000L + r, 2, 21_000_000_000L);
      }
      t.replicationDone();
    }
    return t;
  }
}
