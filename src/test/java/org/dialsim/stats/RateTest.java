package org.dialsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RateTest {
  @ParameterizedTest
  @CsvSource({"0, 10", "1, 10", "5, 10", "10, 10", "333, 1000", "7, 20000"})
  void independentTrialsGiveCommonsMathsWilsonInterval(int failures, int trials) {
    ConfidenceInterval ci = new WilsonScoreInterval().createInterval(trials, failures, 0.95);
    Rate r = Rate.of(failures, trials);
    assertEquals(Math.max(0, ci.getLowerBound()), r.low(), 1e-12);
    assertEquals(Math.min(1, ci.getUpperBound()), r.high(), 1e-12);
    assertEquals(trials, r.effectiveTrials());
  }

  @Test
  void replicationsThatAllFailOrAllSucceedTogetherAreWorthOneTrialEach() {
    // 400 replications of 50 clients; in 40 every client failed, in the rest none: the 20000
    // calls carry the information of 400 independent trials, estimated without bias from the
    // replications' spread as R - 1 = 399 (the sample variance divides by R - 1)
    long sumSq = 40L * 50 * 50;
    Rate r = Rate.clustered(40 * 50, 400 * 50, sumSq, 400);
    assertEquals(0.1, r.value(), 1e-12);
    assertEquals(399, r.effectiveTrials(), 1e-6);
    Rate naive = Rate.of(40 * 50, 400 * 50);
    assertTrue(r.high() - r.low() > 6 * (naive.high() - naive.low()), "about sqrt(50) times wider than the naive interval");
  }

  @Test
  void binomialSpreadBetweenReplicationsKeepsAboutAllTrials() {
    // per-replication counts with exactly the binomial variance: n_eff = n
    int reps = 100;
    int m = 50;
    double p = 0.2;
    // choose counts 5 and 15 half each: mean 10 = p m, variance 25 vs binomial m p (1-p) = 8
    long sumSq = (long) (reps / 2) * 25 + (long) (reps / 2) * 225;
    Rate r = Rate.clustered(reps * 10L, (long) reps * m, sumSq, reps);
    // Var(p) = sum (f - pm)^2 / (R m^2) = 2500 / (100 * 99 * 2500)
    double variance = 2500.0 / (100 * 99 * 2500.0);
    assertEquals(p * (1 - p) / variance, r.effectiveTrials(), 1e-6);
    assertTrue(r.effectiveTrials() < reps * m, "over-dispersed: fewer effective trials");
  }

  @Test
  void lessSpreadThanBinomialNeverClaimsMoreThanTheRealTrials() {
    // round-robin DNS gives every replication exactly the same count: the interval stays the
    // independent one, never narrower
    Rate r = Rate.clustered(100 * 10L, 100 * 30L, 100L * 10 * 10, 100);
    assertEquals(3000, r.effectiveTrials());
    assertEquals(Rate.of(1000, 3000), r);
  }
}
