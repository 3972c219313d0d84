package org.dialsim.engine;

import java.util.Arrays;

/**
 * A 4-ary min-heap of events ordered by (time, order key), with the keys held in the heap's own
 * arrays.
 *
 * <p>The simulation's cost is the heap's memory traffic: tens of thousands of pending events
 * (one arrival per client plus the calls in flight) do not fit in cache, so every level a sift
 * walks is a cache miss. Keeping (time, order) beside each heap position, rather than reaching
 * them through the event's slot, makes a comparison read memory the sift already touches; four
 * children per node halve the depth and lie next to each other (LaMarca and Ladner, "The
 * influence of caches on the performance of heaps", 1996). Nothing else is written while
 * sifting: in particular no slot-to-position map, whose upkeep was a random write per level.
 *
 * <p>Each event's payload lives in a slot; freed slots are reused, so a queue that has reached
 * its working size allocates nothing more. A handle packs the slot and the slot's generation.
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

  // by heap position
  private long[] heapTime;
  private long[] heapOrder;
  private long[] heapRef; // generation << 32 | slot, as the handle
  private int entries; // heap entries, stale ones included
  private int live; // pending events
  // by slot
  private long[] time;
  private int[] kind;
  private int[] argA;
  private long[] argB;
  private int[] generation;
  private boolean[] pending;
  // free slots, as a stack
  private int[] free;
  private int freeCount;
  private int slotsUsed;

  /** Creates a queue with room for {@code capacity} pending events before it grows. */
  public EventQueue(int capacity) {
    int c = Math.max(16, capacity);
    heapTime = new long[c];
    heapOrder = new long[c];
    heapRef = new long[c];
    time = new long[c];
    kind = new int[c];
    argA = new int[c];
    argB = new long[c];
    generation = new int[c];
    pending = new boolean[c];
    free = new int[c];
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
    for (int i = 0; i < entries; i++) {
      int slot = (int) heapRef[i];
      if (current(heapRef[i])) {
        release(slot);
      }
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
    int slot = allocateSlot();
    time[slot] = at;
    kind[slot] = eventKind;
    argA[slot] = a;
    argB[slot] = b;
    pending[slot] = true;
    long ref = ((long) generation[slot] << 32) | slot;
    if (entries == heapTime.length) {
      growHeap();
    }
    siftUp(entries++, at, order, ref);
    live++;
    return ref;
  }

  /** Cancels a pending event; returns false when it already ran or was cancelled. */
  @Override
  public boolean cancel(long handle) {
    int slot = (int) handle;
    if (slot < 0 || slot >= slotsUsed || !current(handle)) {
      return false;
    }
    release(slot);
    live--;
    return true;
  }

  @Override
  public long peekTime() {
    dropStale();
    return heapTime[0];
  }

  /**
   * Removes the next event and returns its slot; read it with the accessors until the next
   * call that changes the queue.
   */
  @Override
  public int poll() {
    dropStale();
    int slot = (int) heapRef[0];
    removeTop();
    release(slot);
    live--;
    return slot;
  }

  @Override
  public long time(int slot) {
    return time[slot];
  }

  @Override
  public int kind(int slot) {
    return kind[slot];
  }

  @Override
  public int argA(int slot) {
    return argA[slot];
  }

  @Override
  public long argB(int slot) {
    return argB[slot];
  }

  /** True when {@code ref} names a pending event (its slot still has that generation). */
  private boolean current(long ref) {
    int slot = (int) ref;
    return pending[slot] && generation[slot] == (int) (ref >>> 32);
  }

  private void dropStale() {
    while (!current(heapRef[0])) {
      removeTop();
    }
  }

  private int allocateSlot() {
    if (freeCount > 0) {
      return free[--freeCount];
    }
    if (slotsUsed == time.length) {
      growSlots();
    }
    return slotsUsed++;
  }

  private void release(int slot) {
    pending[slot] = false;
    generation[slot]++;
    free[freeCount++] = slot;
  }

  private void growSlots() {
    int c = time.length * 2;
    time = Arrays.copyOf(time, c);
    kind = Arrays.copyOf(kind, c);
    argA = Arrays.copyOf(argA, c);
    argB = Arrays.copyOf(argB, c);
    generation = Arrays.copyOf(generation, c);
    pending = Arrays.copyOf(pending, c);
    free = Arrays.copyOf(free, c);
  }

  private void growHeap() {
    int c = heapTime.length * 2;
    heapTime = Arrays.copyOf(heapTime, c);
    heapOrder = Arrays.copyOf(heapOrder, c);
    heapRef = Arrays.copyOf(heapRef, c);
  }

  /** Removes the top entry (pending or stale). */
  private void removeTop() {
    int last = --entries;
    if (last > 0) {
      siftDown(0, heapTime[last], heapOrder[last], heapRef[last]);
    }
  }

  private static boolean before(long t1, long o1, long t2, long o2) {
    return t1 < t2 || (t1 == t2 && o1 < o2);
  }

  /** Places (t, o, r) at hole {@code i} or above it. */
  private void siftUp(int i, long t, long o, long r) {
    while (i > 0) {
      int parent = (i - 1) >>> ARITY_SHIFT;
      long pt = heapTime[parent];
      long po = heapOrder[parent];
      if (!before(t, o, pt, po)) {
        break;
      }
      heapTime[i] = pt;
      heapOrder[i] = po;
      heapRef[i] = heapRef[parent];
      i = parent;
    }
    heapTime[i] = t;
    heapOrder[i] = o;
    heapRef[i] = r;
  }

  /** Places (t, o, r) at hole {@code i} or below it. */
  private void siftDown(int i, long t, long o, long r) {
    int n = entries;
    while (true) {
      int first = (i << ARITY_SHIFT) + 1;
      if (first >= n) {
        break;
      }
      int end = Math.min(first + 4, n);
      int best = first;
      long bt = heapTime[first];
      long bo = heapOrder[first];
      for (int c = first + 1; c < end; c++) {
        long ct = heapTime[c];
        if (ct < bt || (ct == bt && heapOrder[c] < bo)) {
          best = c;
          bt = ct;
          bo = heapOrder[c];
        }
      }
      if (!before(bt, bo, t, o)) {
        break;
      }
      heapTime[i] = bt;
      heapOrder[i] = bo;
      heapRef[i] = heapRef[best];
      i = best;
    }
    heapTime[i] = t;
    heapOrder[i] = o;
    heapRef[i] = r;
  }
}
