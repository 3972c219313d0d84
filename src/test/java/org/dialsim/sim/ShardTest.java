package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.dialsim.engine.Time;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Delay;
import org.dialsim.model.Topology;
import org.dialsim.stack.Configuration;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stats.Tally;
import org.junit.jupiter.api.Test;

class ShardTest {
  @Test
  void everyItemBelongsToExactlyTheShardOfItsNumberModN() {
    // three jobs of 5 replications: items 0-4, 5-9, 10-14
    int jobs = 3;
    int replications = 5;
    for (int n = 1; n <= 17; n++) {
      TreeSet<Long> seen = new TreeSet<>();
      for (int i = 0; i < n; i++) {
        Shard shard = new Shard(i, n);
        for (int j = 0; j < jobs; j++) {
          long firstItem = (long) j * replications;
          List<Long> items = new ArrayList<>();
          for (int m = 0; m < shard.replications(firstItem, replications); m++) {
            int r = shard.replication(firstItem, m);
            assertTrue(r >= 0 && r < replications, "replication " + r);
            items.add(firstItem + r);
          }
          for (long k : items) {
            assertEquals(i, k % n, "item " + k + " of " + n + " shards");
            assertTrue(seen.add(k), "item " + k + " twice");
          }
        }
      }
      assertEquals(jobs * replications, seen.size(), n + " shards cover every item");
    }
  }

  @Test
  void theSecondOfThreeShardsTakesItems1And4And7() {
    Shard s = new Shard(1, 3);
    // job 0 (items 0-4): replications 1, 4; job 1 (items 5-9): 7 -> replication 2
    assertEquals(2, s.replications(0, 5));
    assertEquals(4, s.replication(0, 1));
    assertEquals(1, s.replications(5, 5));
    assertEquals(2, s.replication(5, 0));
    // more shards than items: this one gets nothing of a 1-replication job at item 0
    assertEquals(0, new Shard(5, 7).replications(0, 1));
    assertEquals("1/3", s.toString());
  }

  @Test
  void anIndexOutsideTheCountIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Shard(3, 3));
    assertThrows(IllegalArgumentException.class, () -> new Shard(-1, 3));
    assertThrows(IllegalArgumentException.class, () -> new Shard(0, 0));
  }

  @Test
  void shardsMergeToTheUnshardedMetricsForAnyCount() {
    Topology t = Fixtures.world().order(AnswerOrder.RANDOM).workload(5, 3)
        .host("192.0.2.1", false).host("192.0.2.2", true).host("192.0.2.3", true)
        .rtt(new Delay.LogNormal(20 * Time.MS, 90 * Time.MS)).build();
    List<Runner.Job> jobs = List.of(
        new Runner.Job(t, new Configuration("seq", Fixtures.withDeadline(Fixtures.stack(StrategyKind.SEQUENTIAL), 30 * Time.S)), Map.of(), 5, 23),
        new Runner.Job(t, new Configuration("stag", Fixtures.stack(StrategyKind.STAGGERED)), Map.of(), 5, 23));
    List<Runner.Result> whole = Runner.run(jobs, 2, null);
    for (int n : new int[] {1, 3, 7, 50}) {
      List<Tally> merged = List.of(new Tally(3), new Tally(3));
      for (int i = 0; i < n; i++) {
        List<Tally> part = Runner.tallies(jobs, new Shard(i, n), 1, null);
        for (int j = 0; j < jobs.size(); j++) {
          merged.get(j).merge(part.get(j));
        }
      }
      for (int j = 0; j < jobs.size(); j++) {
        assertEquals(whole.get(j).metrics(), merged.get(j).metrics(), n + " shards, job " + j);
      }
    }
  }
}
