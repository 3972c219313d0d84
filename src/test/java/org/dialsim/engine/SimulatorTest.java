package org.dialsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link Simulator} with lanes: events kept in several event lists must run in exactly the
 * (time, kind priority, scheduling sequence) order one list gives, cancels must reach the lane
 * a handle came from, and order keys reserved with {@link Simulator#order(int)} must order as
 * of the moment they were reserved.
 */
class SimulatorTest {
  /** Four kinds: priorities with ties, spread over two lanes so that each lane mixes priorities. */
  private static final int[] PRIORITY = {2, 0, 1, 0};
  private static final int[] LANE = {1, 0, 0, 1};

  /** One event as the reference sees it. */
  private record Ev(long time, int priority, long seq, int id, int kind, long b) {}

  private static final Comparator<Ev> ORDER =
      Comparator.comparingLong(Ev::time).thenComparingInt(Ev::priority).thenComparingLong(Ev::seq);

  /** Runs exactly one event (or none) and returns it as {time, kind, a, b}, or null. */
  private static long[] step(Simulator sim) {
    long[][] seen = new long[1][];
    sim.run((kind, a, b) -> {
      seen[0] = new long[] {sim.now(), kind, a, b};
      sim.stop();
    });
    return seen[0];
  }

  private static Simulator twoLanes() {
    return new Simulator(PRIORITY, LANE, new EventList[] {new EventQueue(4), new EventQueue(4)});
  }

  @Test
  void twoLanesRunInExactlyTheOrderOfOneListAndOfASortedReference() {
    Simulator lanes = twoLanes();
    Simulator single = new Simulator(PRIORITY, 4);
    TreeSet<Ev> reference = new TreeSet<>(ORDER);
    List<Ev> events = new ArrayList<>(); // by id
    List<long[]> handles = new ArrayList<>(); // by id: {lanes handle, single handle}
    List<long[]> reserved = new ArrayList<>(); // {kind, seq, key}
    Random random = new Random(17);
    long seq = 0;
    long now = 0;
    int ran = 0;
    for (int stepNumber = 0; stepNumber < 30_000; stepNumber++) {
      int op = random.nextInt(12);
      if (op < 5 || op == 6 && reserved.isEmpty()) {
        int kind = random.nextInt(PRIORITY.length);
        long time = now + random.nextInt(20); // narrow: many equal times
        int id = events.size();
        long hl = lanes.at(time, kind, id, stepNumber);
        long hs = single.at(time, kind, id, stepNumber);
        Ev e = new Ev(time, PRIORITY[kind], seq++, id, kind, stepNumber);
        events.add(e);
        handles.add(new long[] {hl, hs});
        reference.add(e);
      } else if (op == 5) {
        int kind = random.nextInt(PRIORITY.length);
        long key = lanes.order(kind);
        assertEquals(key, single.order(kind), "both hand out the same keys");
        reserved.add(new long[] {kind, seq++, key});
      } else if (op == 6) {
        // a timer set earlier is queued now with the key it got then
        long[] r = reserved.remove(random.nextInt(reserved.size()));
        int kind = (int) r[0];
        long time = now + random.nextInt(20);
        int id = events.size();
        long hl = lanes.at(time, r[2], kind, id, stepNumber);
        long hs = single.at(time, r[2], kind, id, stepNumber);
        Ev e = new Ev(time, PRIORITY[kind], r[1], id, kind, stepNumber);
        events.add(e);
        handles.add(new long[] {hl, hs});
        reference.add(e);
      } else if (op == 7 && !events.isEmpty()) {
        // cancel any event ever scheduled: pending, already run or already cancelled
        int id = random.nextInt(events.size());
        boolean pending = reference.remove(events.get(id));
        assertEquals(pending, lanes.cancel(handles.get(id)[0]), "lanes cancel " + id);
        assertEquals(pending, single.cancel(handles.get(id)[1]), "single cancel " + id);
      } else {
        Ev want = reference.pollFirst();
        long[] got = step(lanes);
        long[] gotSingle = step(single);
        if (want == null) {
          assertEquals(null, got);
          assertEquals(null, gotSingle);
          continue;
        }
        long[] expected = {want.time(), want.kind(), want.id(), want.b()};
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(got), "lanes, step " + stepNumber);
        assertEquals(java.util.Arrays.toString(got), java.util.Arrays.toString(gotSingle), "single, step " + stepNumber);
        now = want.time();
        ran++;
      }
      assertEquals(reference.size(), lanes.pending());
      assertEquals(reference.size(), single.pending());
    }
    while (!reference.isEmpty()) {
      Ev want = reference.pollFirst();
      assertEquals(want.id(), step(lanes)[2]);
      assertEquals(want.id(), step(single)[2]);
      ran++;
    }
    assertEquals(null, step(lanes));
    assertTrue(ran > 5_000, "enough events ran: " + ran);
  }

  @Test
  void aCancelReachesOnlyTheLaneItsHandleCameFrom() {
    Simulator sim = twoLanes();
    // the first event of each lane takes slot 0 of its own list: only the lane bits differ
    long lane0 = sim.at(10, 1, 100, 0);
    long lane1 = sim.at(10, 0, 101, 0);
    assertNotEquals(lane0, lane1);
    assertTrue(sim.cancel(lane1));
    assertFalse(sim.cancel(lane1), "a second cancel of the same handle");
    assertEquals(100, step(sim)[2], "the lane-0 event still runs");
    assertEquals(null, step(sim));
    assertFalse(sim.cancel(lane0), "it has run");
    // lane 1's slot 0 is reused: the old handle must not cancel the new event
    long again = sim.at(20, 3, 102, 0);
    assertFalse(sim.cancel(lane1));
    assertFalse(sim.cancel(Simulator.NO_EVENT));
    assertEquals(102, step(sim)[2]);
    assertFalse(sim.cancel(again));
  }

  @Test
  void aReservedKeyOrdersAsOfTheMomentItWasTaken() {
    Simulator sim = twoLanes();
    long early = sim.order(3); // priority 0, lane 1, sequence 0
    long lateLow = sim.order(0); // priority 2: after every priority-0 and -1 event at that time
    sim.at(10, 1, 1, 0); // priority 0, lane 0, sequence 2
    sim.at(10, 3, 2, 0); // priority 0, lane 1, sequence 3
    sim.at(10, 2, 3, 0); // priority 1, lane 0
    sim.at(10, lateLow, 0, 4, 0);
    sim.at(10, early, 3, 5, 0); // queued last, ordered first
    List<Long> ids = new ArrayList<>();
    for (long[] e = step(sim); e != null; e = step(sim)) {
      ids.add(e[2]);
    }
    assertEquals(List.of(5L, 1L, 2L, 3L, 4L), ids);
  }

  @Test
  void anEarlierTimeInOneLaneRunsBeforeALowerPriorityOrSequenceInTheOther() {
    Simulator sim = twoLanes();
    sim.at(11, 1, 1, 0); // lane 0, priority 0, scheduled first
    sim.at(10, 0, 2, 0); // lane 1, priority 2, but earlier
    sim.at(11, 2, 3, 0); // lane 0, priority 1
    sim.at(11, 3, 4, 0); // lane 1, priority 0, scheduled after id 1
    List<Long> ids = new ArrayList<>();
    for (long[] e = step(sim); e != null; e = step(sim)) {
      ids.add(e[2]);
    }
    assertEquals(List.of(2L, 1L, 4L, 3L), ids);
  }
  @Test
  void routingSendsEachKindToItsNewLaneAndRefusesWhileEventsArePending() {
    EventList a = new EventQueue(4);
    EventList b = new EventQueue(4);
    Simulator sim = new Simulator(PRIORITY, LANE, new EventList[] {a, b});
    sim.at(5, 0, 0, 0); // kind 0 goes to lane 1
    assertEquals(0, a.size());
    assertEquals(1, b.size());
    IllegalStateException pending = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> sim.route(new int[] {0, 0, 0, 0}));
    assertTrue(pending.getMessage().contains("1 are"), pending.getMessage());
    sim.reset();
    sim.route(new int[] {0, 0, 0, 0});
    sim.at(5, 0, 0, 0);
    sim.at(6, 3, 0, 0);
    assertEquals(2, a.size());
    assertEquals(0, b.size());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Simulator(PRIORITY, LANE,
        new EventList[] {new EventQueue(4)}), "a kind routed to a lane that does not exist");
  }

  @Test
  void aRestartSetsTheClockBackButKeepsCountingEvents() {
    Simulator sim = twoLanes();
    sim.at(10, 1, 0, 0);
    sim.at(20, 2, 0, 0);
    sim.run((kind, a, b) -> { });
    assertEquals(20, sim.now());
    assertEquals(2, sim.processed());
    sim.at(30, 1, 0, 0); // still pending at the restart: dropped
    sim.restart();
    assertEquals(0, sim.now());
    assertEquals(0, sim.pending());
    sim.at(3, 0, 7, 0); // time 3 lies before the last event run, which only a restart allows
    long[] e = step(sim);
    assertEquals(3, e[0]);
    assertEquals(7, e[2]);
    assertEquals(3, sim.processed());
    sim.reset();
    assertEquals(0, sim.processed());
  }
}
