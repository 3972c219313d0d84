package org.dialsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract of an event list, for both of dialsim's; the heap also against a sorted reference. */
class EventQueueTest {
  private static EventList list(String name, int capacity) {
    return name.equals("calendar") ? new CalendarQueue(capacity) : new EventQueue(capacity);
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "calendar"})
  void equalTimesRunByPriorityThenSchedulingOrder(String name) {
    EventList q = list(name, 4);
    q.push(10, EventList.orderKey(2, 0), 100, 0, 0);
    q.push(10, EventList.orderKey(1, 1), 101, 0, 0);
    q.push(5, EventList.orderKey(9, 2), 102, 0, 0);
    q.push(10, EventList.orderKey(1, 3), 103, 0, 0);
    q.push(10, EventList.orderKey(2, 4), 104, 0, 0);
    List<Integer> kinds = new ArrayList<>();
    while (!q.isEmpty()) {
      kinds.add(q.kind(q.poll()));
    }
    assertEquals(List.of(102, 101, 103, 100, 104), kinds);
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "calendar"})
  void cancelRemovesOnlyTheNamedEventAndStaleHandlesAreIgnored(String name) {
    EventList q = list(name, 2);
    long a = q.push(1, 0, 1, 0, 0);
    long b = q.push(2, 1, 2, 0, 0);
    assertTrue(q.cancel(a));
    assertFalse(q.cancel(a), "second cancel of the same handle");
    assertEquals(1, q.size());
    int slot = q.poll();
    assertEquals(2, q.kind(slot));
    // the slot of 'b' is reused by 'c'; b's handle must not cancel c
    long c = q.push(3, 2, 3, 0, 0);
    assertFalse(q.cancel(b));
    assertEquals(1, q.size());
    assertTrue(q.cancel(c));
    assertTrue(q.isEmpty());
  }

  @Test
  void agreesWithASortedReferenceUnderRandomPushesCancelsAndPolls() {
    record Ev(long time, int priority, long seq, int kind) {}
    Random rnd = new Random(42);
    EventQueue q = new EventQueue(8);
    List<Ev> reference = new ArrayList<>();
    List<long[]> handles = new ArrayList<>(); // {handle, kind}
    long seq = 0;
    int kind = 0;
    List<Integer> got = new ArrayList<>();
    List<Integer> want = new ArrayList<>();
    Comparator<Ev> order = Comparator.comparingLong(Ev::time).thenComparingInt(Ev::priority).thenComparingLong(Ev::seq);
    for (int step = 0; step < 20_000; step++) {
      int op = rnd.nextInt(10);
      if (op < 5) {
        long t = rnd.nextInt(50);
        int p = rnd.nextInt(4);
        long h = q.push(t, EventList.orderKey(p, seq), kind, kind, 0);
        reference.add(new Ev(t, p, seq++, kind));
        handles.add(new long[] {h, kind});
        kind++;
      } else if (op < 7 && !handles.isEmpty()) {
        long[] h = handles.remove(rnd.nextInt(handles.size()));
        boolean wasPending = reference.removeIf(e -> e.kind() == h[1]);
        assertEquals(wasPending, q.cancel(h[0]));
      } else if (!reference.isEmpty()) {
        reference.sort(order);
        Ev first = reference.remove(0);
        want.add(first.kind());
        int slot = q.poll();
        got.add(q.kind(slot));
        assertEquals(first.time(), q.time(slot));
      }
      assertEquals(reference.size(), q.size());
    }
    assertEquals(want, got);
  }

  @Test
  void simulatorRunsInTimeOrderAndRefusesThePast() {
    Simulator sim = new Simulator(new int[] {0, 1}, 4);
    List<Long> times = new ArrayList<>();
    sim.at(30, 0, 0, 0);
    sim.at(10, 1, 0, 0);
    sim.run((k, a, b) -> {
      times.add(sim.now());
      if (sim.now() == 10) {
        sim.after(5, 0, 0, 0);
      }
    });
    assertEquals(List.of(10L, 15L, 30L), times);
    assertEquals(3, sim.processed());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> sim.at(29, 0, 0, 0));
  }
}
