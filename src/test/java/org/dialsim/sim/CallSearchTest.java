package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.engine.Time;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Delay;
import org.dialsim.model.Topology;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.junit.jupiter.api.Test;

/**
 * {@link CallSearch} stops a replication early; what it finds must be what a full, unstopped
 * scan of every call would pick: for a failure, the earliest end, ties to the lower client and
 * call, whatever order the run handed the calls over in. The world: three
 * addresses in random DNS order, two of them dead, a 30 s deadline and classic Windows SYNs, so a
 * call fails when both dead addresses come first (21 s each), one time in three; a lognormal RTT
 * makes every successful call's time its own.
 */
class CallSearchTest {
  private static final int REPLICATIONS = 3;
  private static final long SEED = 7;

  /** One finished call as a plain sink saw it. */
  private record Seen(int replication, int client, int call, boolean connected, long establishNs, int attempts,
      long endNs) {}

  /** The order of {@link FirstFailure}: replication, end, client, call. */
  private static final java.util.Comparator<Seen> FIRST = java.util.Comparator.comparingInt(Seen::replication)
      .thenComparingLong(Seen::endNs).thenComparingInt(Seen::client).thenComparingInt(Seen::call);

  private static Plan plan() {
    Topology t = Fixtures.world().host("192.0.2.1", true).host("192.0.2.2", false).host("192.0.2.3", false)
        .order(AnswerOrder.RANDOM).workload(12, 4).rtt(new Delay.LogNormal(20 * Time.MS, 60 * Time.MS)).build();
    StackConfig stack = Fixtures.withDeadline(Fixtures.stack(StrategyKind.SEQUENTIAL), 30 * Time.S);
    return new Plan(t, stack);
  }

  /** Every call of every replication from unstopped runs, each client's in the order they ended. */
  private static List<Seen> everyCall(Plan plan, long seed) {
    World world = new World(plan, SEED);
    List<Seen> all = new ArrayList<>();
    for (int r = 0; r < REPLICATIONS; r++) {
      int rep = r;
      world.run(r, (client, index, connected, establishNs, attempts, wastedNs) ->
          all.add(new Seen(rep, client, index, connected, establishNs, attempts, world.now())));
    }
    return all;
  }

  private static Seen reference(List<Seen> all, CallSearch.Target target) {
    Seen best = null;
    for (Seen s : all) {
      switch (target) {
        case FAILED -> {
          if (!s.connected() && (best == null || FIRST.compare(s, best) < 0)) {
            best = s;
          }
        }
        case FIRST_FAILURE -> {
          if (!s.connected() && s.call() == 0 && (best == null || FIRST.compare(s, best) < 0)) {
            best = s;
          }
        }
        case SLOWEST -> {
          // successful calls beat failed ones; among equals the longer; the first of ties stays
          if (best == null || (s.connected() && !best.connected())
              || (s.connected() == best.connected() && s.establishNs() > best.establishNs())) {
            best = s;
          }
        }
      }
    }
    return best;
  }

  @Test
  void eachTargetFindsTheCallAFullScanWouldPickAndItsTraceTellsTheSameStory() {
    Plan plan = plan();
    List<Seen> all = everyCall(plan, SEED);
    long failed = all.stream().filter(s -> !s.connected()).count();
    assertTrue(failed > 0 && failed < all.size(), "failures and successes both: " + failed + " of " + all.size());
    List<Seen> found = new ArrayList<>();
    for (CallSearch.Target target : CallSearch.Target.values()) {
      Seen want = reference(all, target);
      assertNotNull(want, target.key());
      CallSearch.Found got = CallSearch.find(new World(plan, SEED), REPLICATIONS, target);
      assertEquals(new CallSearch.Found(want.replication(), want.client(), want.call()), got, target.key());
      CallTrace trace = new World(plan, SEED).trace(got.replication(), got.client(), got.call(), (c, i, ok, e, a, w) -> { });
      assertEquals(want.connected(), trace.connected(), target.key());
      assertEquals(want.establishNs(), trace.endNs() - trace.startNs(), target.key());
      assertEquals(want.attempts(), trace.attempts().size(), target.key());
      assertEquals(got.client(), trace.client());
      assertEquals(got.call(), trace.call());
      assertEquals(got.replication(), trace.replication());
      found.add(want);
    }
    assertTrue(found.get(2).connected(), "the slowest is a successful call");
    assertEquals(0, found.get(1).call(), "first-failure is a client's first call: " + found);
  }

  @Test
  void aWorldWithoutFailuresHasNoFailedCallToFind() {
    Topology t = Fixtures.world().host("192.0.2.1", true).workload(3, 2).build();
    Plan plan = new Plan(t, Fixtures.stack(StrategyKind.SEQUENTIAL));
    assertNull(CallSearch.find(new World(plan, SEED), 2, CallSearch.Target.FAILED));
    assertNull(CallSearch.find(new World(plan, SEED), 2, CallSearch.Target.FIRST_FAILURE));
    // with every call alike (20 ms) the slowest is the first that ended
    assertEquals(new CallSearch.Found(0, 0, 0), CallSearch.find(new World(plan, SEED), 2, CallSearch.Target.SLOWEST));
  }
}
