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
 * influence of caches on the performance of heaps", 1996).
 *
 * <p>Each event's payload lives in a slot; freed slots are reused, so a queue that has reached
 * its working size allocates nothing more. A handle packs the slot and the slot's generation, so
 * cancelling through a stale handle (the event already ran and the slot was reused) is a
 * harmless no-op. Cancellation removes the event at once (O(log n)).
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
  private int[] heapSlot;
  private int size;
  // by slot
  private long[] time;
  private int[] kind;
  private int[] argA;
  private long[] argB;
  private int[] generation;
  private int[] position; // heap position, -1 when the slot is free
  // free slots, as a stack
  private int[] free;
  private int freeCount;
  private int slotsUsed;

  /** Creates a queue with room for {@code capacity} pending events before it grows. */
  public EventQueue(int capacity) {
    int c = Math.max(16, capacity);
    heapTime = new long[c];
    heapOrder = new long[c];
    heapSlot = new int[c];
    time = new long[c];
    kind = new int[c];
    argA = new int[c];
    argB = new long[c];
    generation = new int[c];
    position = new int[c];
    Arrays.fill(position, -1);
    free = new int[c];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  /** Removes every pending event; keeps the arrays for reuse. */
  @Override
  public void clear() {
    for (int i = 0; i < size; i++) {
      release(heapSlot[i]);
    }
    size = 0;
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
    siftUp(size++, at, order, slot);
    return ((long) generation[slot] << 32) | slot;
  }

  /** Cancels a pending event; returns false when it already ran or was cancelled. */
  @Override
  public boolean cancel(long handle) {
    int slot = (int) handle;
    if (slot < 0 || slot >= slotsUsed || generation[slot] != (int) (handle >>> 32) || position[slot] < 0) {
      return false;
    }
    removeAt(position[slot]);
    return true;
  }

  @Override
  public long peekTime() {
    return heapTime[0];
  }

  /**
   * Removes the next event and returns its slot; read it with the accessors until the next
   * call that changes the queue.
   */
  @Override
  public int poll() {
    int slot = heapSlot[0];
    removeAt(0);
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

  private int allocateSlot() {
    if (freeCount > 0) {
      return free[--freeCount];
    }
    if (slotsUsed == time.length) {
      grow();
    }
    return slotsUsed++;
  }

  private void release(int slot) {
    position[slot] = -1;
    generation[slot]++;
    free[freeCount++] = slot;
  }

  private void grow() {
    int c = time.length * 2;
    heapTime = Arrays.copyOf(heapTime, c);
    heapOrder = Arrays.copyOf(heapOrder, c);
    heapSlot = Arrays.copyOf(heapSlot, c);
    time = Arrays.copyOf(time, c);
    kind = Arrays.copyOf(kind, c);
    argA = Arrays.copyOf(argA, c);
    argB = Arrays.copyOf(argB, c);
    generation = Arrays.copyOf(generation, c);
    int old = position.length;
    position = Arrays.copyOf(position, c);
    Arrays.fill(position, old, c, -1);
    free = Arrays.copyOf(free, c);
  }

  private void removeAt(int i) {
    release(heapSlot[i]);
    int last = --size;
    if (i == last) {
      return;
    }
    long t = heapTime[last];
    long o = heapOrder[last];
    int s = heapSlot[last];
    if (i > 0 && before(t, o, heapTime[(i - 1) >>> ARITY_SHIFT], heapOrder[(i - 1) >>> ARITY_SHIFT])) {
      siftUp(i, t, o, s);
    } else {
      siftDown(i, t, o, s);
    }
  }

  private static boolean before(long t1, long o1, long t2, long o2) {
    return t1 < t2 || (t1 == t2 && o1 < o2);
  }

  /** Places (t, o, s) at hole {@code i} or above it. */
  private void siftUp(int i, long t, long o, int s) {
    while (i > 0) {
      int parent = (i - 1) >>> ARITY_SHIFT;
      long pt = heapTime[parent];
      long po = heapOrder[parent];
      if (!before(t, o, pt, po)) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, t, o, s);
  }

  /** Places (t, o, s) at hole {@code i} or below it. */
  private void siftDown(int i, long t, long o, int s) {
    while (true) {
      int first = (i << ARITY_SHIFT) + 1;
      if (first >= size) {
        break;
      }
      int end = Math.min(first + 4, size);
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
      move(best, i);
      i = best;
    }
    set(i, t, o, s);
  }

  private void move(int from, int to) {
    heapTime[to] = heapTime[from];
    heapOrder[to] = heapOrder[from];
    int s = heapSlot[from];
    heapSlot[to] = s;
    position[s] = to;
  }

  private void set(int i, long t, long o, int s) {
    heapTime[i] = t;
    heapOrder[i] = o;
    heapSlot[i] = s;
    position[s] = i;
  }
}
