package org.dialsim.engine;

/**
 * The pending events of a {@link Simulator}, ordered by (time, priority, sequence). dialsim runs
 * on {@link EventQueue}; the benchmarks plug in a {@code java.util.PriorityQueue} baseline.
 */
public interface EventList {
  /** Schedules an event; returns a handle for {@link #cancel}. */
  long push(long at, int priority, int kind, int a, long b);

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
