package org.dialsim.engine;

/**
 * The pending events of a {@link Simulator}, ordered by (time, order key). The key packs the
 * kind's tie-break priority and the insertion sequence ({@link #orderKey}); the simulator hands
 * out keys, so an entity may reserve one when it sets a timer and schedule it later. dialsim
 * runs on {@link CalendarQueue}; {@link EventQueue} is a heap with the same order, and the
 * benchmarks plug in a {@code java.util.PriorityQueue} baseline.
 */
public interface EventList {
  /** Bits of an order key that hold the insertion sequence; the priority sits above them. */
  int SEQUENCE_BITS = 56;

  /** The order key of priority {@code priority} (0..127, lower first) and sequence {@code sequence}. */
  static long orderKey(int priority, long sequence) {
    if (priority < 0 || priority > 127) {
      throw new IllegalArgumentException("priority must be in 0..127, was " + priority);
    }
    return ((long) priority << SEQUENCE_BITS) | (sequence & ((1L << SEQUENCE_BITS) - 1));
  }

  /**
   * Schedules an event at {@code at} with order key {@code order}; returns a handle for
   * {@link #cancel}. Handles are never negative and their two top bits are clear ({@link
   * Simulator} keeps a lane number there).
   */
  long push(long at, long order, int kind, int a, long b);

  /** Cancels a pending event; false when it already ran or was cancelled. */
  boolean cancel(long handle);

  /** Number of pending events. */
  int size();

  /** True when nothing is pending. */
  default boolean isEmpty() {
    return size() == 0;
  }

  /** Time of the next event; only when not empty. */
  long peekTime();

  /** Order key of the next event; only when not empty. */
  long peekOrder();

  /** Removes the next event; read it through the accessors with the returned slot. */
  int poll();

  /** Time of a polled slot. */
  long time(int slot);

  /** Kind of a polled slot. */
  int kind(int slot);

  /** First argument of a polled slot. */
  int argA(int slot);

  /** Second argument of a polled slot. */
  long argB(int slot);

  /** Removes everything. */
  void clear();
}
