package org.dialsim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dialsim.engine.EventList;
import org.dialsim.engine.EventQueue;
import org.dialsim.sim.Plan;
import org.dialsim.sim.World;
import org.dialsim.stack.Configuration;
import org.junit.jupiter.api.Test;

/** The baseline must run a model exactly as the heap does, or the benchmark compares two models. */
class PriorityQueueEventListTest {

  @Test
  void matchesTheHeapUnderTheSameRandomPushesCancelsPollsAndClears() {
    SplittableRandom rnd = new SplittableRandom(7);
    EventQueue heap = new EventQueue(4);
    PriorityQueueEventList pq = new PriorityQueueEventList(4);
    // handles[i] = {heap handle, pq handle} of push i; stale ones stay in to test that path too
    List<long[]> handles = new ArrayList<>();
    long now = 0;
    int polled = 0;
    for (int step = 0; step < 50_000; step++) {
      int op = rnd.nextInt(100);
      if (op < 45) {
        // a narrow time range and few priorities make ties common, so the tie-break matters
        long at = now + rnd.nextInt(40);
        long order = EventList.orderKey(rnd.nextInt(3), step);
        int a = rnd.nextInt();
        long b = rnd.nextLong();
        handles.add(new long[] {heap.push(at, order, step, a, b), pq.push(at, order, step, a, b)});
      } else if (op < 65 && !handles.isEmpty()) {
        long[] h = handles.get(rnd.nextInt(handles.size()));
        assertEquals(heap.cancel(h[0]), pq.cancel(h[1]), "cancel at step " + step);
      } else if (op < 99 && !heap.isEmpty()) {
        assertEquals(heap.peekTime(), pq.peekTime(), "peek at step " + step);
        int s0 = heap.poll();
        int s1 = pq.poll();
        now = heap.time(s0);
        assertEquals(heap.time(s0), pq.time(s1));
        assertEquals(heap.kind(s0), pq.kind(s1), "event polled at step " + step);
        assertEquals(heap.argA(s0), pq.argA(s1));
        assertEquals(heap.argB(s0), pq.argB(s1));
        polled++;
      } else if (op == 99) {
        heap.clear();
        pq.clear();
        now = 0;
      }
      assertEquals(heap.size(), pq.size(), "size at step " + step);
    }
    assertTrue(polled > 10_000, "the sequence exercised polling");
  }

  @Test
  void aWorldProducesTheSameCallsOnEitherList() {
    for (Configuration c : List.of(PoolScenario.sequential(), PoolScenario.staggered())) {
      Plan plan = new Plan(PoolScenario.topology(), c.stack());
      World onHeap = new World(plan, PoolScenario.SEED, new EventQueue(64));
      World onPq = new World(plan, PoolScenario.SEED, new PriorityQueueEventList(64));
      for (int r = 0; r < 5; r++) {
        List<String> want = calls(onHeap, r);
        List<String> got = calls(onPq, r);
        assertEquals(PoolScenario.CALLS, want.size());
        assertEquals(want, got, c.name() + " replication " + r);
        assertEquals(onHeap.eventsProcessed(), onPq.eventsProcessed());
      }
    }
  }

  private static List<String> calls(World world, int replication) {
    List<String> out = new ArrayList<>();
    world.runInOrder(replication, (client, index, connected, establishNs, attempts, wastedNs) ->
        out.add(client + "/" + index + " " + connected + " " + establishNs + " " + attempts + " " + wastedNs));
    return out;
  }
}
