package org.dialsim.engine;

import java.util.Arrays;

/**
 * A 4-ary min-heap of events ordered by (time, order key), with each entry's keys held in the
 * heap array itself.
 *
 * <p>The simulation's cost is the heap's memory traffic: tens of thousands of pending events
 * (one arrival per client plus the calls in flight) do not fit in cache, so every level a sift
 * walks costs cache misses. So an entry is three adjacent words of one array (time, order key,
 * reference to its payload), and a level's four children and the entry that moves lie in the
 * same few cache lines; four children per node halve the depth (LaMarca and Ladner, "The
 * influence of caches on the performance of heaps", 1996). Nothing else is written while
 * sifting: in particular no slot-to-position map, whose upkeep was a random write per level.
 * (Letting a push replace a just-polled top, one sift instead of two, measured no faster on
 * dialsim's model, so a poll removes its entry at once.)
 *
 * <p>Each event's payload lives in a slot ({@link EventSlots}); freed slots are reused, so a queue
 * that has reached its working size allocates nothing more. A handle packs the slot and the
 * slot's generation.
 * Cancelling frees the slot at once and leaves the heap entry behind, marked stale by the
 * generation it carries; a stale entry is dropped when it reaches the top. (dialsim's model
 * queues only each call's earliest timer, so cancellations are rare and the heap holds few
 * stale entries.) Cancelling through a stale handle is a harmless no-op.
 *
 * <p>The order is total: the order key breaks equal times by a fixed priority per kind, then by
 * the order of scheduling. This is JSL's rule; SSJ's "equal times compare as 0" leaves ties to
 * the heap's shape and is what we avoid.
 */
public final class EventQueue implements EventList {
  private static final int ARITY_SHIFT = 2; // 4 children
  private static final int STRIDE = 3; // time, order, ref

  private long[] heap; // entry i at STRIDE * i: time, order key, generation << 32 | slot
  private int entries; // heap entries, stale ones included
  private int live; // pending events
  private final EventSlots slots;

  /** Creates a queue with room for {@code capacity} pending events before it grows. */
  public EventQueue(int capacity) {
    int c = Math.max(16, capacity);
    heap = new long[STRIDE * c];
    slots = new EventSlots(c);
  }

  @Override
  public int size() {
    return live;
  }

  @Override
  public boolean isEmpty() {
    return live == 0;
  }

  /** Removes every pending event; keeps the arrays for reuse. */
  @Override
  public void clear() {
    if (live > 0) { // with none pending every slot is free already (a cancel frees its slot at once)
      slots.releaseAll(); // every pending event has its entry in the heap
    }
    entries = 0;
    live = 0;
  }

  /**
   * Schedules an event and returns its handle.
   *
   * @param at event time in nanoseconds
   * @param order the order key among equal times ({@link EventList#orderKey}), lower runs first
   * @param eventKind the caller's event kind
   * @param a first argument (usually an entity index)
   * @param b second argument
   */
  @Override
  public long push(long at, long order, int eventKind, int a, long b) {
    long ref = slots.handle(slots.take(at, eventKind, a, b));
    if (STRIDE * (entries + 1) > heap.length) {
      heap = Arrays.copyOf(heap, heap.length * 2);
    }
    siftUp(entries++, at, order, ref);
    live++;
    return ref;
  }

  /** Cancels a pending event; returns false when it already ran or was cancelled. */
  @Override
  public boolean cancel(long handle) {
    if (!slots.current(handle)) {
      return false;
    }
    slots.release((int) handle);
    live--;
    return true;
  }

  @Override
  public long peekTime() {
    dropStale();
    return heap[0];
  }

  @Override
  public long peekOrder() {
    dropStale();
    return heap[1];
  }

  /**
   * Removes the next event and returns its slot; read it with the accessors until the next
   * call that changes the queue.
   */
  @Override
  public int poll() {
    dropStale();
    int slot = (int) heap[2];
    removeTop();
    slots.release(slot);
    live--;
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

  /** Makes entry 0 the next pending event: removes the stale entries above it. */
  private void dropStale() {
    while (!slots.current(heap[2])) {
      removeTop();
    }
  }

  /** Removes entry 0 (pending or not). */
  private void removeTop() {
    int last = --entries;
    if (last > 0) {
      int l = STRIDE * last;
      siftDown(0, heap[l], heap[l + 1], heap[l + 2]);
    }
  }

  /** Places (t, o, r) at hole {@code i} or above it. */
  private void siftUp(int i, long t, long o, long r) {
    long[] h = heap;
    while (i > 0) {
      int parent = (i - 1) >>> ARITY_SHIFT;
      int p = STRIDE * parent;
      long pt = h[p];
      if (t > pt || (t == pt && o >= h[p + 1])) {
        break;
      }
      put(i, pt, h[p + 1], h[p + 2]);
      i = parent;
    }
    put(i, t, o, r);
  }

  /** Places (t, o, r) at hole {@code i} or below it. */
  private void siftDown(int i, long t, long o, long r) {
    long[] h = heap;
    int n = entries;
    while (true) {
      int first = (i << ARITY_SHIFT) + 1;
      if (first >= n) {
        break;
      }
      int end = Math.min(first + 4, n);
      int bestIndex = first;
      int best = STRIDE * first;
      long bt = h[best];
      long bo = h[best + 1];
      for (int c = first + 1; c < end; c++) {
        int at = STRIDE * c;
        long ct = h[at];
        if (ct < bt || (ct == bt && h[at + 1] < bo)) {
          bestIndex = c;
          best = at;
          bt = ct;
          bo = h[at + 1];
        }
      }
      if (t < bt || (t == bt && o < bo)) {
        break;
      }
      put(i, bt, bo, h[best + 2]);
      i = bestIndex;
    }
    put(i, t, o, r);
  }

  /** Writes entry {@code i}. */
  private void put(int i, long t, long o, long r) {
    int k = STRIDE * i;
    heap[k] = t;
    heap[k + 1] = o;
    heap[k + 2] = r;
  }
}
