package org.dialsim.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.dialsim.engine.EventList;

/**
 * The textbook event list the benchmarks measure {@link org.dialsim.engine.EventQueue} against:
 * a {@link PriorityQueue} of one {@code Event} object per push, with lazy cancellation.
 *
 * <p>It keeps {@code EventQueue}'s contract exactly (the same (time, order key) order, stale
 * handles ignored), so a model runs event for event the same on either list; only the cost
 * differs.
 *
 * <p>A handle packs a slot of a small handle table and that slot's generation, so a handle can
 * be resolved without boxing it into a map key: the baseline should lose to the heap on its
 * design (an object and comparator calls per event, cancelled events left in the heap), not on
 * an avoidable {@code HashMap<Long, Event>}. Cancelling only flags the event and frees its slot;
 * the event stays in the priority queue until it reaches the head and is skipped.
 */
public final class PriorityQueueEventList implements EventList {
  /** One scheduled event; lives until the priority queue drops it. */
  private static final class Event {
    final long time;
    final long order;
    final int kind;
    final int a;
    final long b;
    final int slot;
    boolean cancelled;
    boolean pending = true;

    Event(long time, long order, int kind, int a, long b, int slot) {
      this.time = time;
      this.order = order;
      this.kind = kind;
      this.a = a;
      this.b = b;
      this.slot = slot;
    }
  }

  private static final Comparator<Event> ORDER = (x, y) -> {
    int c = Long.compare(x.time, y.time);
    return c != 0 ? c : Long.compare(x.order, y.order);
  };

  private final PriorityQueue<Event> queue;
  // handle table: the event last given each slot (kept after it runs, so accessors can read it)
  private Event[] bySlot;
  private int[] generation;
  private int[] free;
  private int freeCount;
  private int slotsUsed;
  private int live;

  /** Creates a list with room for {@code capacity} pending events before it grows. */
  public PriorityQueueEventList(int capacity) {
    int c = Math.max(16, capacity);
    queue = new PriorityQueue<>(c, ORDER);
    bySlot = new Event[c];
    generation = new int[c];
    free = new int[c];
  }

  /** Schedules an event and returns its handle; lower order keys run first among equal times. */
  @Override
  public long push(long at, long order, int kind, int a, long b) {
    int slot = allocateSlot();
    Event e = new Event(at, order, kind, a, b, slot);
    bySlot[slot] = e;
    queue.add(e);
    live++;
    return ((long) generation[slot] << 32) | slot;
  }

  /** Cancels a pending event by flagging it; false when it already ran or was cancelled. */
  @Override
  public boolean cancel(long handle) {
    int slot = (int) handle;
    if (slot < 0 || slot >= slotsUsed || generation[slot] != (int) (handle >>> 32)) {
      return false;
    }
    Event e = bySlot[slot];
    if (!e.pending) {
      return false;
    }
    e.pending = false;
    e.cancelled = true;
    release(slot);
    live--;
    return true;
  }

  /** Pending events, not counting cancelled ones still in the priority queue. */
  @Override
  public int size() {
    return live;
  }

  /** Time of the next pending event; only valid when not empty. */
  @Override
  public long peekTime() {
    dropCancelledHead();
    return queue.peek().time;
  }

  /** Order key of the next pending event; only valid when not empty. */
  @Override
  public long peekOrder() {
    dropCancelledHead();
    return queue.peek().order;
  }

  /** Removes the next pending event and returns its slot for the accessors. */
  @Override
  public int poll() {
    dropCancelledHead();
    Event e = queue.poll();
    e.pending = false;
    release(e.slot);
    live--;
    return e.slot;
  }

  /** Time of a polled slot. */
  @Override
  public long time(int slot) {
    return bySlot[slot].time;
  }

  /** Kind of a polled slot. */
  @Override
  public int kind(int slot) {
    return bySlot[slot].kind;
  }

  /** First argument of a polled slot. */
  @Override
  public int argA(int slot) {
    return bySlot[slot].a;
  }

  /** Second argument of a polled slot. */
  @Override
  public long argB(int slot) {
    return bySlot[slot].b;
  }

  /** Removes everything; earlier handles become stale. */
  @Override
  public void clear() {
    for (Event e : queue) {
      if (e.pending) {
        e.pending = false;
        release(e.slot);
      }
    }
    queue.clear();
    live = 0;
  }

  /** Entries in the priority queue, cancelled ones included (the cost of lazy cancellation). */
  public int heapSize() {
    return queue.size();
  }

  private void dropCancelledHead() {
    while (queue.peek().cancelled) {
      queue.poll();
    }
  }

  private int allocateSlot() {
    if (freeCount > 0) {
      return free[--freeCount];
    }
    if (slotsUsed == bySlot.length) {
      int c = bySlot.length * 2;
      bySlot = Arrays.copyOf(bySlot, c);
      generation = Arrays.copyOf(generation, c);
      free = Arrays.copyOf(free, c);
    }
    return slotsUsed++;
  }

  private void release(int slot) {
    // a new generation makes every handle to the old occupant stale
    generation[slot] = (generation[slot] + 1) & ((1 << 30) - 1); // handles keep their top bits clear
    free[freeCount++] = slot;
  }
}
