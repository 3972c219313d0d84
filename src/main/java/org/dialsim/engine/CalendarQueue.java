package org.dialsim.engine;

import java.util.Arrays;

/**
 * A calendar queue (R. Brown, "Calendar queues: a fast O(1) priority queue implementation for
 * the simulation event set problem", CACM 31(10), 1988): events ordered by (time, order key) in
 * buckets of one time width each, a "day" of the calendar, kept as sorted lists.
 *
 * <p>Why not a heap: with tens of thousands of pending events (one arrival per client plus the
 * calls in flight) every push and poll of a heap walks a dozen levels, each a cache miss and a
 * hard-to-predict branch; a hold (poll, then push) cost about 130 ns here. A calendar puts an
 * event into its day's list in one step when the width suits the events (most lists hold zero
 * to two events), and the next event is found by stepping over the days, which reads one array
 * in order. The width and the number of days adapt: every {@value #CHECK} operations, and at
 * once when a whole year of days held nothing, the queue looks at how many days a poll stepped
 * over and how many entries a push walked past, and, where either is large or the number of
 * events has moved far from the number of days, it rebuilds itself with a width taken from the
 * spacing of the earliest half of its events (Brown's rule, on a sorted copy of their times).
 *
 * <p>The order is exactly {@link EventQueue}'s: the order key breaks equal times and keys are
 * unique, so the two yield the same sequence of events for the same pushes and cancels, and a
 * simulation's results do not depend on which it runs on. Pushes may go back in time (earlier
 * than the last event polled): the calendar then steps back to that day.
 *
 * <p>Payloads live in slots ({@link EventSlots}, as in {@link EventQueue}); a handle packs the
 * slot and its generation, so a stale handle cancels nothing. Cancelling unlinks the entry
 * from its day's list at once. Nothing is allocated once the queue has reached its working size,
 * except when a rebuild needs more days than it has had before.
 */
public final class CalendarQueue implements EventList {
  /** Operations between looks at whether the width and the number of days still fit. */
  static final int CHECK = 1 << 14;
  private static final int MIN_DAYS = 16;
  private static final int NONE = -1;
  /** A day's {@link #headAt} when empty: no time's window number equals {@code EMPTY >>> shift}. */
  private static final long EMPTY = -1L;

  private final EventSlots slots;
  // by slot, beside the payload
  private long[] order;
  private int[] next; // the next entry of the slot's day, NONE at the end
  private int live;

  // the calendar
  private int[] head; // by day: the earliest entry, NONE when empty
  private long[] headAt; // by day: the earliest entry's time, EMPTY when none (the search reads only this)
  private int[] tail; // by day: the latest entry
  private int mask; // days - 1
  private int shift; // a day is 2^shift ns wide
  private long today; // the window number (time >>> shift) the search starts from; no entry lies before it
  private int top = NONE; // the earliest entry when known

  // what the last CHECK operations cost
  private int operations;
  private long stepped;
  private long walked;
  private boolean missed; // a search found a whole year empty
  private int checkEvery = CHECK; // doubles while looks find nothing to change (each sorts every event)
  private long[] scratch = new long[0];
  private int[] sorted = new int[0];
  private int[] merging = new int[0];

  /** Creates a queue with room for {@code capacity} pending events before it grows. */
  public CalendarQueue(int capacity) {
    int c = Math.max(16, capacity);
    slots = new EventSlots(c);
    order = new long[c];
    next = new int[c];
    int days = Math.max(MIN_DAYS, Integer.highestOneBit(c - 1) << 1);
    head = new int[days];
    headAt = new long[days];
    tail = new int[days];
    Arrays.fill(head, NONE);
    Arrays.fill(headAt, EMPTY);
    mask = days - 1;
    shift = 20; // about 1 ms, until the first rebuild measures the events
  }

  @Override
  public int size() {
    return live;
  }

  @Override
  public boolean isEmpty() {
    return live == 0;
  }

  @Override
  public void clear() {
    if (live > 0) { // an empty calendar's days are all empty already: a run made of many small ones clears often
      slots.releaseAll();
      Arrays.fill(head, NONE);
      Arrays.fill(headAt, EMPTY);
    }
    live = 0;
    top = NONE;
    today = 0;
    operations = 0;
    checkEvery = CHECK;
    stepped = 0;
    walked = 0;
  }

  @Override
  public long push(long at, long key, int eventKind, int a, long b) {
    if (at < 0) {
      throw new IllegalArgumentException("negative time " + at);
    }
    int slot = slots.take(at, eventKind, a, b);
    if (slots.capacity() > order.length) { // the slots grew
      order = Arrays.copyOf(order, slots.capacity());
      next = Arrays.copyOf(next, slots.capacity());
    }
    order[slot] = key;
    long window = at >>> shift;
    if (live == 0 || window < today) {
      today = window; // an empty calendar starts at the first event; an earlier one steps back
    }
    link(slot);
    live++;
    if (top != NONE && before(slot, top)) {
      top = slot;
    }
    if (++operations >= checkEvery) {
      retune();
    }
    return slots.handle(slot);
  }

  @Override
  public boolean cancel(long handle) {
    if (!slots.current(handle)) {
      return false;
    }
    int slot = (int) handle;
    unlink(slot);
    if (slot == top) {
      top = NONE;
    }
    slots.release(slot);
    live--;
    return true;
  }

  @Override
  public long peekTime() {
    return slots.time[earliest()];
  }

  @Override
  public long peekOrder() {
    return order[earliest()];
  }

  @Override
  public int poll() {
    int slot = earliest();
    int day = (int) (slots.time[slot] >>> shift) & mask;
    setHead(day, next[slot]); // the earliest entry heads its day's list
    top = NONE;
    slots.release(slot);
    live--;
    if (++operations >= checkEvery) {
      retune();
    }
    return slot;
  }

  @Override
  public long time(int slot) {
    return slots.time[slot];
  }

  @Override
  public int kind(int slot) {
    return slots.kind[slot];
  }

  @Override
  public int argA(int slot) {
    return slots.argA[slot];
  }

  @Override
  public long argB(int slot) {
    return slots.argB[slot];
  }

  /** The bytes of its tables: the slots, their order keys and links, and the days. */
  public long bytes() {
    return slots.bytes() + 12L * order.length + 16L * head.length;
  }

  /** The number of days, for tests. */
  int days() {
    return mask + 1;
  }

  /** A day's width in nanoseconds, for tests. */
  long width() {
    return 1L << shift;
  }

  /** True when entry {@code s} orders before entry {@code t}. */
  private boolean before(int s, int t) {
    long[] time = slots.time;
    return time[s] < time[t] || (time[s] == time[t] && order[s] < order[t]);
  }

  /** The earliest pending entry; only when not empty. */
  private int earliest() {
    if (top != NONE) {
      return top;
    }
    long w = today;
    for (int steps = 0; steps <= mask; steps++, w++) {
      int day = (int) w & mask;
      // every entry lies on or after today, so a day's head is on or after its first window from
      // today; equal means it falls in this window rather than in a later year
      if (headAt[day] >>> shift == w) {
        stepped += steps;
        today = w;
        return top = head[day];
      }
    }
    // a whole year without an event: jump to the earliest head, and look at the width at once
    stepped += mask + 1;
    int best = NONE;
    for (int d = 0; d <= mask; d++) {
      int s = head[d];
      if (s != NONE && (best == NONE || before(s, best))) {
        best = s;
      }
    }
    today = slots.time[best] >>> shift;
    top = best;
    missed = true;
    operations = checkEvery - 1; // the next push or poll retunes
    return best;
  }

  /** Puts {@code slot} into its day's list, in order. */
  private void link(int slot) {
    int day = (int) (slots.time[slot] >>> shift) & mask;
    int h = head[day];
    if (h == NONE) {
      setHead(day, slot);
      tail[day] = slot;
      next[slot] = NONE;
      return;
    }
    int last = tail[day];
    if (!before(slot, last)) { // the usual case for a list that keeps growing in time order
      next[last] = slot;
      next[slot] = NONE;
      tail[day] = slot;
      return;
    }
    if (before(slot, h)) {
      next[slot] = h;
      setHead(day, slot);
      return;
    }
    int prev = h;
    int walk = 1;
    for (int s = next[h]; before(s, slot); s = next[s]) { // stops before the tail, which is later
      prev = s;
      walk++;
    }
    walked += walk;
    next[slot] = next[prev];
    next[prev] = slot;
  }

  /** Makes {@code slot} (or NONE) the head of {@code day}. */
  private void setHead(int day, int slot) {
    head[day] = slot;
    headAt[day] = slot == NONE ? EMPTY : slots.time[slot];
  }

  /** Takes {@code slot} out of its day's list. */
  private void unlink(int slot) {
    int day = (int) (slots.time[slot] >>> shift) & mask;
    int s = head[day];
    if (s == slot) {
      setHead(day, next[slot]);
      if (tail[day] == slot) {
        tail[day] = NONE;
      }
      return;
    }
    int prev = s;
    for (s = next[s]; s != slot; s = next[s]) {
      prev = s;
    }
    next[prev] = next[slot];
    if (tail[day] == slot) {
      tail[day] = prev;
    }
  }

  /**
   * Rebuilds the calendar when the last {@link #CHECK} operations show that its width or its
   * number of days no longer suits the events.
   */
  private void retune() {
    boolean costly = stepped > 3L * operations || walked > 3L * operations;
    int days = mask + 1;
    boolean resized = live > 2 * days || (days > MIN_DAYS && live < days / 4);
    boolean wider = missed;
    operations = 0;
    stepped = 0;
    walked = 0;
    missed = false;
    if ((costly || resized || wider) && live > 1) {
      // a look that changes nothing is not worth repeating soon: events whose spacing the rule
      // reads well but that still cost steps would otherwise be sorted every CHECK operations
      checkEvery = rebuild(wider) ? CHECK : Math.min(checkEvery << 1, CHECK << 4);
    }
  }

  /**
   * Sizes the calendar for the pending events and puts them back in it; {@code wider} after a
   * year without events, where a width unchanged by the rule is doubled so the search cannot
   * miss a year again and again (events bunched at one instant give a rule width of 1 ns).
   *
   * @return false when the width and the number of days stay as they were
   */
  private boolean rebuild(boolean wider) {
    if (sorted.length < live) {
      int c = Math.max(live, 2 * sorted.length);
      scratch = new long[c];
      sorted = new int[c];
      merging = new int[c];
    }
    int n = 0;
    for (int s = 0; s < slots.used; s++) {
      if (slots.pending(s)) {
        sorted[n++] = s;
      }
    }
    // in event order, so that putting them back appends to each day's list: slots in their own
    // order would make each insertion walk a list that many events at one instant fill
    sort(n);
    for (int i = 0; i < n; i++) {
      scratch[i] = slots.time[sorted[i]];
    }
    // Brown's width: about three times the mean spacing of the events due soonest
    int half = n / 2;
    long spacing = (scratch[half] - scratch[0]) / half;
    if (spacing == 0) {
      spacing = (scratch[n - 1] - scratch[0]) / n;
    }
    int newShift = 63 - Long.numberOfLeadingZeros(Math.max(1, 3 * spacing));
    int newDays = Math.max(MIN_DAYS, Integer.highestOneBit(Math.max(1, n - 1)) << 1);
    if (newShift <= shift && newDays == mask + 1 && wider) {
      newShift = Math.min(62, shift + 1);
    }
    if (newShift == shift && newDays == mask + 1) {
      return false;
    }
    shift = newShift;
    if (newDays > head.length) {
      head = new int[newDays];
      headAt = new long[newDays];
      tail = new int[newDays];
    }
    Arrays.fill(head, 0, newDays, NONE);
    Arrays.fill(headAt, 0, newDays, EMPTY);
    mask = newDays - 1;
    today = scratch[0] >>> shift;
    top = NONE;
    for (int i = 0; i < n; i++) {
      link(sorted[i]);
    }
    walked = 0;
    return true;
  }

  /** Sorts {@code sorted[0..n)} into event order: a bottom-up merge sort through {@link #merging}. */
  private void sort(int n) {
    int[] from = sorted;
    int[] to = merging;
    for (int width = 1; width < n; width <<= 1) {
      for (int lo = 0; lo < n; lo += width << 1) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + (width << 1), n);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
          to[k] = i < mid && (j >= hi || !before(from[j], from[i])) ? from[i++] : from[j++];
        }
      }
      int[] t = from;
      from = to;
      to = t;
    }
    if (from != sorted) {
      System.arraycopy(from, 0, sorted, 0, n);
    }
  }
}
