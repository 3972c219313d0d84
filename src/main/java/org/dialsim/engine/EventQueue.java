package org.dialsim.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events held in primitive arrays, ordered by (time, priority, sequence).
 *
 * <p>Each event lives in a slot; the heap holds slot numbers. Freed slots are reused, so a
 * queue that has reached its working size allocates nothing more. A handle packs the slot and
 * the slot's generation, so cancelling through a stale handle (the event already ran and the
 * slot was reused) is a harmless no-op. Cancellation removes the event from the heap at once
 * (O(log n)), so cancelled events never inflate the queue.
 *
 * <p>The order is total: equal times are broken by a fixed priority per kind, then by the order
 * of scheduling. This is JSL's rule; SSJ's "equal times compare as 0" leaves ties to the heap's
 * shape and is what we avoid.
 */
public final class EventQueue implements EventList {
  private static final int SEQUENCE_BITS = 56;
  private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

  // per slot
  private long[] time;
  private long[] order; // priority << 56 | sequence
  private int[] kind;
  private int[] argA;
  private long[] argB;
  private int[] generation;
  private int[] heapIndex; // position in heap, -1 when free
  // the heap of slot numbers
  private int[] heap;
  private int size;
  // free slots, as a stack
  private int[] free;
  private int freeCount;
  private int slotsUsed;
  private long sequence;

  /** Creates a queue with room for {@code capacity} pending events before it grows. */
  public EventQueue(int capacity) {
    int c = Math.max(16, capacity);
    time = new long[c];
    order = new long[c];
    kind = new int[c];
    argA = new int[c];
    argB = new long[c];
    generation = new int[c];
    heapIndex = new int[c];
    Arrays.fill(heapIndex, -1);
    heap = new int[c];
    free = new int[c];
  }

  /** Number of pending events. */
  @Override
  public int size() {
    return size;
  }

  /** True when no event is pending. */
  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  /** Removes every pending event; keeps the arrays for reuse. */
  @Override
  public void clear() {
    for (int i = 0; i < size; i++) {
      int slot = heap[i];
      heapIndex[slot] = -1;
      generation[slot]++;
      free[freeCount++] = slot;
    }
    size = 0;
    sequence = 0;
  }

  /**
   * Schedules an event and returns its handle.
   *
   * @param at event time in nanoseconds
   * @param priority tie-break among equal times, 0..127, lower runs first
   * @param eventKind the caller's event kind
   * @param a first argument (usually an entity index)
   * @param b second argument
   */
  @Override
  public long push(long at, int priority, int eventKind, int a, long b) {
    if (priority < 0 || priority > 127) {
      throw new IllegalArgumentException("priority must be in 0..127, was " + priority);
    }
    int slot = allocateSlot();
    time[slot] = at;
    order[slot] = ((long) priority << SEQUENCE_BITS) | (sequence++ & SEQUENCE_MASK);
    kind[slot] = eventKind;
    argA[slot] = a;
    argB[slot] = b;
    int i = size++;
    heap[i] = slot;
    heapIndex[slot] = i;
    siftUp(i);
    return ((long) generation[slot] << 32) | slot;
  }

  /** Cancels a pending event; returns false when it already ran or was cancelled. */
  @Override
  public boolean cancel(long handle) {
    int slot = (int) handle;
    if (slot < 0 || slot >= slotsUsed) {
      return false;
    }
    if (generation[slot] != (int) (handle >>> 32) || heapIndex[slot] < 0) {
      return false;
    }
    removeAt(heapIndex[slot]);
    return true;
  }

  /** Time of the next event; only valid when not empty. */
  @Override
  public long peekTime() {
    return time[heap[0]];
  }

  /**
   * Removes the next event and returns its slot; read it with the accessors until the next
   * call that changes the queue.
   */
  @Override
  public int poll() {
    int slot = heap[0];
    removeAt(0);
    return slot;
  }

  /** Time of a polled slot. */
  @Override
  public long time(int slot) {
    return time[slot];
  }

  /** Kind of a polled slot. */
  @Override
  public int kind(int slot) {
    return kind[slot];
  }

  /** First argument of a polled slot. */
  @Override
  public int argA(int slot) {
    return argA[slot];
  }

  /** Second argument of a polled slot. */
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

  private void grow() {
    int c = time.length * 2;
    time = Arrays.copyOf(time, c);
    order = Arrays.copyOf(order, c);
    kind = Arrays.copyOf(kind, c);
    argA = Arrays.copyOf(argA, c);
    argB = Arrays.copyOf(argB, c);
    generation = Arrays.copyOf(generation, c);
    int old = heapIndex.length;
    heapIndex = Arrays.copyOf(heapIndex, c);
    Arrays.fill(heapIndex, old, c, -1);
    heap = Arrays.copyOf(heap, c);
    free = Arrays.copyOf(free, c);
  }

  private void removeAt(int i) {
    int slot = heap[i];
    heapIndex[slot] = -1;
    generation[slot]++;
    free[freeCount++] = slot;
    int last = --size;
    if (i != last) {
      int moved = heap[last];
      heap[i] = moved;
      heapIndex[moved] = i;
      siftDown(i);
      if (heap[i] == moved) {
        siftUp(i);
      }
    }
  }

  private boolean less(int slotA, int slotB) {
    long ta = time[slotA];
    long tb = time[slotB];
    return ta < tb || (ta == tb && order[slotA] < order[slotB]);
  }

  private void siftUp(int i) {
    int slot = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      int p = heap[parent];
      if (!less(slot, p)) {
        break;
      }
      heap[i] = p;
      heapIndex[p] = i;
      i = parent;
    }
    heap[i] = slot;
    heapIndex[slot] = i;
  }

  private void siftDown(int i) {
    int slot = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int c = heap[child];
      int right = child + 1;
      if (right < size && less(heap[right], c)) {
        child = right;
        c = heap[child];
      }
      if (!less(c, slot)) {
        break;
      }
      heap[i] = c;
      heapIndex[c] = i;
      i = child;
    }
    heap[i] = slot;
    heapIndex[slot] = i;
  }
}
