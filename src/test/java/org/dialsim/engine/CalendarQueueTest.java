package org.dialsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalendarQueueTest {

  /**
   * The calendar must hand out events in exactly the heap's order, whatever the mix: equal
   * times, bursts at one instant, delays from nanoseconds to far beyond a year of days, pushes
   * back in time, cancels and clears. Each seed picks its own time scale.
   */
  @Test
  void yieldsTheHeapsOrderUnderEveryMixOfPushesCancelsPollsAndClears() {
    for (int seed = 0; seed < 40; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      EventQueue heap = new EventQueue(8);
      CalendarQueue calendar = new CalendarQueue(8);
      List<long[]> handles = new ArrayList<>(); // {heap handle, calendar handle}
      long now = 0;
      long sequence = 0;
      long scale = 1L << r.nextInt(34);
      for (int step = 0; step < 40_000; step++) {
        int op = r.nextInt(100);
        if (op < 45) {
          long delay = switch (r.nextInt(6)) {
            case 0 -> 0; // ties at the current instant
            case 1 -> (long) (r.nextDouble() * scale * 10_000); // far beyond the calendar's year
            case 2 -> -Math.min(now, (long) (r.nextDouble() * scale)); // back in time
            default -> (long) (r.nextDouble() * scale);
          };
          long at = now + delay;
          long key = EventList.orderKey(r.nextInt(3), sequence);
          int id = (int) sequence++;
          handles.add(new long[] {heap.push(at, key, 7, id, -id), calendar.push(at, key, 7, id, -id)});
        } else if (op < 53 && !handles.isEmpty()) {
          long[] h = handles.remove(r.nextInt(handles.size()));
          assertEquals(heap.cancel(h[0]), calendar.cancel(h[1]), "cancel, seed " + seed + " step " + step);
        } else if (op == 99 && r.nextInt(20) == 0) {
          heap.clear();
          calendar.clear();
          handles.clear();
          now = 0;
        } else if (!heap.isEmpty()) {
          assertEquals(heap.peekTime(), calendar.peekTime(), "seed " + seed + " step " + step);
          assertEquals(heap.peekOrder(), calendar.peekOrder(), "seed " + seed + " step " + step);
          int hs = heap.poll();
          int cs = calendar.poll();
          assertEquals(heap.argA(hs), calendar.argA(cs), "seed " + seed + " step " + step);
          assertEquals(heap.argB(hs), calendar.argB(cs));
          assertEquals(7, calendar.kind(cs));
          now = Math.max(now, heap.time(hs));
        }
        assertEquals(heap.size(), calendar.size());
      }
    }
  }

  /**
   * Held at about {@code n} pending events spaced {@code spacing} apart (each poll followed by
   * a push an exponential time later, mean n x spacing), the calendar settles on Brown's width,
   * about three times the spacing, and on at least one day per two events.
   */
  @Test
  void aHeldQueueSettlesOnAWidthNearThreeTimesTheSpacingOfItsEvents() {
    int n = 5_000;
    long spacing = 40_000; // 40 us
    Held h = new Held(3);
    h.fill(n, n * spacing);
    h.hold(10 * CalendarQueue.CHECK, n * spacing);
    CalendarQueue q = h.q;
    assertTrue(q.width() >= spacing && q.width() <= 8 * spacing, "width " + q.width());
    assertTrue(q.days() >= n / 2 && q.days() <= 4 * n, "days " + q.days());
  }

  /**
   * Every client's first call at one instant (a scenario's {@code start: at-once}) measures a
   * spacing of 0 and a width of 1 ns; the calls after them come seconds apart, so the search
   * finds a whole year empty. The calendar then widens itself rather than search every day for
   * every event, and the events still come out in order.
   */
  @Test
  void aBurstAtOneInstantFollowedBySpreadEventsWidensTheCalendar() {
    int n = 20_000;
    Held h = new Held(5);
    h.fill(n, 0);
    h.hold(5 * n, 60e9);
    CalendarQueue q = h.q;
    assertTrue(q.width() >= 1_000_000, "a width of " + q.width() + " ns for events 3 ms apart");
  }

  /**
   * Held at one spacing, then at a spacing a thousand times narrower, the calendar retunes to the
   * new events. Only a regular look can see this (no year goes empty, as it would for a wider
   * spacing): looks that change nothing come less often, but not so seldom that a change of the
   * events goes unseen.
   */
  @Test
  void aHeldQueueFollowsTheEventsWhenTheirSpacingNarrows() {
    int n = 2_000;
    long mean = n * 40_000_000L; // events 40 ms apart
    Held h = new Held(9);
    h.fill(n, mean);
    h.hold(40 * CalendarQueue.CHECK, mean);
    CalendarQueue q = h.q;
    long before = q.width();
    h.hold(40 * CalendarQueue.CHECK, mean / 1000.0);
    assertTrue(q.width() <= before / 100, "width " + before + " ns, then " + q.width() + " ns for events 1000 times closer");
  }

  /**
   * A calendar under the hold model: each poll followed by a push an exponential time later, as
   * a client's next call follows its last. Every event it polls must come no earlier than the one
   * before.
   */
  private static final class Held {
    final CalendarQueue q = new CalendarQueue(16);
    private final SplittableRandom r;
    private long sequence;
    private long last = -1;

    Held(long seed) {
      r = new SplittableRandom(seed);
    }

    /** Pushes {@code n} events at exponential times of mean {@code mean} ns; all at 0 for a mean of 0. */
    void fill(int n, double mean) {
      for (int i = 0; i < n; i++) {
        q.push(mean == 0 ? 0 : (long) (r.nextExponential() * mean), sequence++, 0, i, 0);
      }
    }

    /** Polls and pushes {@code operations} times, each push an exponential delay of mean {@code mean} ns on. */
    void hold(int operations, double mean) {
      for (int i = 0; i < operations; i++) {
        long t = q.peekTime();
        assertTrue(t >= last, "an event at " + t + " ns after one at " + last + " ns");
        last = t;
        q.poll();
        q.push(t + (long) (r.nextExponential() * mean), sequence++, 0, i, 0);
      }
    }
  }
}
