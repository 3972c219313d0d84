package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dialsim.engine.Time;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Delay;
import org.dialsim.model.Match;
import org.dialsim.model.PathRule;
import org.dialsim.model.Prefix;
import org.dialsim.model.Topology;
import org.dialsim.stack.Configuration;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stats.Metrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Simple cases against their closed form. With sequential attempts of 21 s and a 30 s deadline
 * only the first two addresses are ever tried, so a first call fails exactly when both are
 * dead; with a random answer order and d dead of n addresses that happens with probability
 * d(d-1) / (n(n-1)).
 */
class ClosedFormTest {
  private static final StackConfig UCMA_LIKE = Fixtures.withDeadline(Fixtures.stack(StrategyKind.SEQUENTIAL), 30 * Time.S);

  private static Metrics run(Topology t, StackConfig stack, int replications) {
    Runner.Job job = new Runner.Job(t, new Configuration("c", stack), Map.of(), 20140725L, replications);
    return Runner.run(List.of(job), 2, null).get(0).metrics();
  }

  private static Topology fixed(boolean... alive) {
    Fixtures.World w = Fixtures.world().workload(3, 1);
    for (int i = 0; i < alive.length; i++) {
      w.host("192.0.2." + (i + 1), alive[i]);
    }
    return w.build();
  }

  @ParameterizedTest(name = "alive {0}: first call fails = {1}")
  @CsvSource({
      "'1,1,1,1', false",
      "'0,1,1,1', false",
      "'1,0,0,0', false",
      "'0,0,1,1', true",
      "'0,0,0,1', true",
      "'0,1,0,0', false"
  })
  void fixedOrderFailsExactlyWhenTheFirstTwoAreDead(String pattern, boolean fails) {
    String[] bits = pattern.split(",");
    boolean[] alive = new boolean[bits.length];
    for (int i = 0; i < bits.length; i++) {
      alive[i] = bits[i].equals("1");
    }
    Metrics m = run(fixed(alive), UCMA_LIKE, 20);
    assertEquals(fails ? 1.0 : 0.0, m.firstCall().value(), pattern);
    assertEquals(60, m.firstCall().trials());
  }

  @ParameterizedTest(name = "{0} dead of {1}, random order")
  @CsvSource({"2, 5", "3, 5", "2, 4", "1, 3", "3, 6"})
  void randomOrderConvergesToTheClosedForm(int dead, int n) {
    Fixtures.World w = Fixtures.world().order(AnswerOrder.RANDOM).workload(20, 1);
    for (int i = 0; i < n; i++) {
      w.host("192.0.2." + (i + 1), i >= dead);
    }
    Metrics m = run(w.build(), UCMA_LIKE, 1000);
    double expected = dead * (dead - 1.0) / (n * (n - 1.0));
    assertEquals(20_000, m.firstCall().trials());
    assertTrue(m.firstCall().low() <= expected && expected <= m.firstCall().high(),
        () -> "95 % interval [" + m.firstCall().low() + ", " + m.firstCall().high() + "] misses " + expected);
    // and it is not merely a wide interval: within 1.5 points of the truth
    assertEquals(expected, m.firstCall().value(), 0.015);
  }

  @Test
  void staggeredWith250msRescuesEveryCallWhileOneAddressLives() {
    StackConfig staggered = Fixtures.withDeadline(Fixtures.stack(StrategyKind.STAGGERED), 30 * Time.S);
    for (int live = 0; live < 5; live++) {
      boolean[] alive = new boolean[5];
      alive[live] = true;
      Metrics m = run(fixed(alive), staggered, 10);
      assertEquals(0.0, m.firstCall().value(), "live address at position " + live);
      // it connects one RTT after its own start: 5 ms DNS + 250 ms per earlier address + 20 ms
      assertEquals((5 + 250 * live + 20) / 1000.0, m.establishMax(), 1e-9);
    }
  }

  @Test
  void percentilesStayWithinTheExactMinimumAndMaximum() {
    // every call takes exactly 21.025 s; the histogram's bucket middle must not show 21.0xx
    Metrics m = run(fixed(false, true), Fixtures.stack(StrategyKind.SEQUENTIAL), 5);
    assertEquals(21.025, m.establishP50(), 0);
    assertEquals(21.025, m.establishP99(), 0);
    assertEquals(21.025, m.establishMax(), 0);
  }

  @Test
  void withAllAddressesDeadEveryCallFails() {
    Metrics m = run(fixed(false, false, false), Fixtures.stack(StrategyKind.STAGGERED), 5);
    assertEquals(1.0, m.call().value());
    assertTrue(Double.isNaN(m.establishMean()));
    // three attempts of 21 s, all wasted
    assertEquals(63.0, m.wastedMean(), 1e-9);
    assertEquals(3.0, m.attemptsMean(), 1e-9);
  }

  @Test
  void lossShowsAsThreeAndNineSecondStepsInEstablishmentTime() {
    // loss p on SYN and on SYN-ACK: an exchange survives with q = (1-p)^2; the k-th SYN (at 0,
    // 3, 9 s) is the first to get through with probability q(1-q)^k
    double p = 0.2;
    double q = (1 - p) * (1 - p);
    Topology t = Fixtures.world().host("192.0.2.1", true).workload(50, 1)
        .path(new PathRule(new Match.ToPrefix(Prefix.of("192.0.2.0/24")), Behaviour.DELIVER, p, null)).build();
    int[] bySyn = new int[4];
    int[] calls = {0};
    World world = new World(new Plan(t, Fixtures.stack(StrategyKind.SEQUENTIAL)), 99);
    for (int r = 0; r < 400; r++) {
      world.run(r, (c, i, ok, e, a, wst) -> {
        calls[0]++;
        if (!ok) {
          bySyn[3]++;
        } else if (e == 25 * Time.MS) {
          bySyn[0]++;
        } else if (e == 3025 * Time.MS) {
          bySyn[1]++;
        } else if (e == 9025 * Time.MS) {
          bySyn[2]++;
        } else {
          throw new AssertionError("establishment off the SYN grid: " + e);
        }
      });
    }
    double n = calls[0];
    assertEquals(20_000, calls[0]);
    assertEquals(q, bySyn[0] / n, 0.015);
    assertEquals(q * (1 - q), bySyn[1] / n, 0.015);
    assertEquals(q * (1 - q) * (1 - q), bySyn[2] / n, 0.015);
    assertEquals(Math.pow(1 - q, 3), bySyn[3] / n, 0.015);
  }

  @Test
  void lognormalRttHasTheRequestedMedianAndP95() {
    Delay.LogNormal d = new Delay.LogNormal(20 * Time.MS, 60 * Time.MS);
    Topology t = Fixtures.world().host("192.0.2.1", true).rtt(d).dnsLatency(0).workload(100, 1).build();
    List<Long> times = new java.util.ArrayList<>();
    World world = new World(new Plan(t, Fixtures.stack(StrategyKind.SEQUENTIAL)), 5);
    for (int r = 0; r < 200; r++) {
      world.run(r, (c, i, ok, e, a, wst) -> times.add(e));
    }
    times.sort(null);
    double median = times.get(times.size() / 2) / 1e6;
    double p95 = times.get((int) (times.size() * 0.95)) / 1e6;
    assertEquals(20.0, median, 0.8);
    assertEquals(60.0, p95, 3.0);
  }
}
