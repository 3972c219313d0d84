package org.dialsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void countsRatesAndPercentilesOfHandMadeCalls() {
    // three clients, two calls each, one replication (times in ns; "wasted" is time in
    // attempts that did not connect: a 21 s timeout each on classic Windows SYNs)
    Tally t = new Tally(2);
    t.call(0, 0, true, 20_000_000L, 1, 0);
    t.call(0, 1, false, 30_000_000_000L, 3, 63_000_000_000L);
    t.call(1, 0, false, 30_000_000_000L, 2, 42_000_000_000L);
    t.call(1, 1, true, 3_020_000_000L, 1, 0);
    t.call(2, 0, true, 21_020_000_000L, 2, 21_000_000_000L);
    t.call(2, 1, true, 40_000_000L, 1, 0);
    t.replicationDone();
    Metrics m = t.metrics();
    assertEquals(6, m.calls());
    assertEquals(2, m.failedCalls());
    assertEquals(1, m.replications());
    // first calls: client 1's failed, 1 of 3; second calls: client 0's, 1 of 3; all: 2 of 6
    assertEquals(1, m.firstCall().failures());
    assertEquals(3, m.firstCall().trials());
    assertEquals(1.0 / 3, m.firstCall().value(), 0);
    assertEquals(m.firstCall(), m.byCall().get(0));
    assertEquals(1.0 / 3, m.byCall().get(1).value(), 0);
    assertEquals(2.0 / 6, m.call().value(), 0);
    // one replication: nothing to estimate a spread from, the trials count as independent
    assertEquals(6, m.call().effectiveTrials(), 0);
    // successful calls 20 ms, 40 ms, 3.02 s, 21.02 s: mean 24.1 s / 4
    assertEquals(6.025, m.establishMean(), 1e-12);
    // nearest rank of 4: p50 the 2nd (40 ms), p90 and p99 the 4th, p0 the 1st
    assertEquals(0.040, m.establishP50(), 0);
    assertEquals(21.020, m.establishP90(), 0);
    assertEquals(21.020, m.establishP99(), 0);
    assertEquals(0.020, m.establishQuantiles().get(0).seconds(), 0);
    assertEquals(21.020, m.establishMax(), 0);
    // 10 attempts over 6 calls; 3 calls needed more than one; 126 s wasted over 6 calls
    assertEquals(10.0 / 6, m.attemptsMean(), 0);
    assertEquals(0.5, m.fallbackShare(), 0);
    assertEquals(21.0, m.wastedMean(), 1e-12);
  }

  @Test
  void mergingInAnyOrderAndGroupingGivesIdenticalMetrics() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    Tally[] parts = new Tally[4];
    Tally whole = new Tally(3);
    for (int p = 0; p < parts.length; p++) {
      parts[p] = new Tally(3);
      for (int r = 0; r < 1 + p; r++) {
        for (int c = 0; c < 20; c++) {
          for (int i = 0; i < 3; i++) {
            boolean ok = random.nextInt(4) != 0;
            long ns = random.nextLong(1_000_000L, 30_000_000_000L);
            int attempts = 1 + random.nextInt(3);
            long wasted = random.nextLong(0, 63_000_000_000L);
            parts[p].call(c, i, ok, ns, attempts, wasted);
            whole.call(c, i, ok, ns, attempts, wasted);
          }
        }
        parts[p].replicationDone();
        whole.replicationDone();
      }
    }
    Metrics expected = whole.metrics();
    Tally leftToRight = new Tally(3);
    for (Tally p : parts) {
      leftToRight.merge(p);
    }
    Tally rightToLeft = new Tally(3);
    for (int p = parts.length - 1; p >= 0; p--) {
      rightToLeft.merge(parts[p]);
    }
    Tally pairs = new Tally(3);
    Tally ac = new Tally(3);
    ac.merge(parts[0]);
    ac.merge(parts[2]);
    Tally db = new Tally(3);
    db.merge(parts[3]);
    db.merge(parts[1]);
    pairs.merge(db);
    pairs.merge(ac);
    assertEquals(expected, leftToRight.metrics());
    assertEquals(expected, rightToLeft.metrics());
    assertEquals(expected, pairs.metrics());
    assertEquals(10, expected.replications());
    assertEquals(10 * 20 * 3, expected.calls());
  }

  @Test
  void replicationBoundariesSetTheEffectiveTrials() {
    // 2 replications of 10 first calls; p = 10 / 20 in each case. With failures f_r, Rate's
    // ratio estimator gives Var(p) = (sum f_r^2 - R m^2 p^2) / (R (R - 1) m^2) with m = 10,
    // R = 2, and n_eff = p (1 - p) / Var(p) = 0.25 / Var(p), at most 20
    assertEquals(20, effectiveTrials(5, 5), 0, "no spread: Var 0, all 20 trials count");
    assertEquals(6.25, effectiveTrials(7, 3), 1e-12, "(49 + 9 - 50) / 200 = 0.04");
    assertEquals(1, effectiveTrials(10, 0), 0, "(100 - 50) / 200 = 0.25: one trial's worth");
    // the same 20 calls without a replication boundary: one replication, plain Wilson over 20
    Tally one = new Tally(1);
    for (int c = 0; c < 20; c++) {
      one.call(c, 0, c >= 10, 20_000_000L, 1, 0);
    }
    one.replicationDone();
    assertEquals(20, one.metrics().firstCall().effectiveTrials(), 0);
    // a narrower effective count widens the interval
    assertTrue(width(10, 0) > width(7, 3));
    assertTrue(width(7, 3) > width(5, 5));
  }

  /** First-call failures {@code f1} then {@code f2} in two replications of 10 clients. */
  private static Tally twoReplications(int f1, int f2) {
    Tally t = new Tally(1);
    for (int f : new int[] {f1, f2}) {
      for (int c = 0; c < 10; c++) {
        t.call(c, 0, c >= f, 20_000_000L, 1, 0);
      }
      t.replicationDone();
    }
    return t;
  }

  private static double effectiveTrials(int f1, int f2) {
    Metrics m = twoReplications(f1, f2).metrics();
    assertEquals(m.firstCall().effectiveTrials(), m.call().effectiveTrials(), 0, "one call each: the same rate");
    return m.firstCall().effectiveTrials();
  }

  private static double width(int f1, int f2) {
    Rate r = twoReplications(f1, f2).metrics().firstCall();
    return r.high() - r.low();
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
  @Test
  void aReplicationCountedInPartsHasTheSpreadOfOneCountedWhole() {
    Tally whole = new Tally(2);
    Tally inParts = new Tally(2);
    // three replications of 40 clients, two calls each; the failures differ by replication
    for (int r = 0; r < 3; r++) {
      Tally[] parts = {new Tally(2), new Tally(2)};
      for (int c = 0; c < 40; c++) {
        for (int k = 0; k < 2; k++) {
          boolean ok = (c * 7 + k * 3 + r * 11) % (5 + r) != 0;
          long ns = 20_000_000L + c * 1_000_000L + r;
          whole.call(c, k, ok, ns, ok ? 1 : 2, ok ? 0 : 21_000_000_000L);
          parts[c < 17 ? 0 : 1].call(c, k, ok, ns, ok ? 1 : 2, ok ? 0 : 21_000_000_000L);
        }
      }
      whole.replicationDone();
      inParts.mergePart(parts[1]);
      inParts.mergePart(parts[0]);
      inParts.replicationDone();
    }
    assertEquals(whole.metrics(), inParts.metrics());
    // merging closed replications instead squares each part on its own: another spread
    Tally closed = new Tally(2);
    Tally a = new Tally(2);
    Tally b = new Tally(2);
    for (int c = 0; c < 40; c++) {
      (c < 20 ? a : b).call(c, 0, c % 3 != 0, 20_000_000L, 1, 0);
    }
    a.replicationDone();
    b.replicationDone();
    closed.merge(a);
    closed.merge(b);
    Tally open = new Tally(2);
    Tally a2 = new Tally(2);
    Tally b2 = new Tally(2);
    for (int c = 0; c < 40; c++) {
      (c < 20 ? a2 : b2).call(c, 0, c % 3 != 0, 20_000_000L, 1, 0);
    }
    open.mergePart(a2);
    open.mergePart(b2);
    open.replicationDone();
    assertEquals(1, open.metrics().replications());
    assertEquals(2, closed.metrics().replications());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> open.mergePart(closed),
        "a tally with closed replications is not a part");
    Tally merged = new Tally(2);
    merged.merge(a2); // a merge carries the calls but not the open replication's failures
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new Tally(2).mergePart(merged));
    assertTrue(e.getMessage().contains("merged"), e.getMessage());
  }
}
