package org.dialsim.engine;

import java.util.Arrays;

/**
 * What both event lists keep alike: each pending event's payload (time, kind, two arguments) in
 * a slot of primitive tables, slots reused through a free list, and a generation per slot so a
 * handle ({@code generation << 32 | slot}) of an event that ran or was cancelled names nothing.
 * The lists keep only their own order on top ({@link EventQueue}'s heap entries,
 * {@link CalendarQueue}'s day lists). Nothing is allocated once the tables have reached the
 * working size.
 */
final class EventSlots {
  private static final int GENERATION_MASK = (1 << 30) - 1; // keeps a handle's top bits clear

  long[] time;
  int[] kind;
  int[] argA;
  long[] argB;
  private int[] generation;
  private boolean[] pending;
  private int[] free;
  private int freeCount;
  /** Slots handed out so far: every event lies in [0, used). */
  int used;

  EventSlots(int capacity) {
    int c = Math.max(16, capacity);
    time = new long[c];
    kind = new int[c];
    argA = new int[c];
    argB = new long[c];
    generation = new int[c];
    pending = new boolean[c];
    free = new int[c];
  }

  /** How many slots the tables hold before they grow. */
  int capacity() {
    return time.length;
  }

  /** A free slot, now holding a pending event with this payload; the tables grow when full. */
  int take(long at, int eventKind, int a, long b) {
    int slot;
    if (freeCount > 0) {
      slot = free[--freeCount];
    } else {
      if (used == time.length) {
        grow(time.length * 2);
      }
      slot = used++;
    }
    time[slot] = at;
    kind[slot] = eventKind;
    argA[slot] = a;
    argB[slot] = b;
    pending[slot] = true;
    return slot;
  }

  /** The handle of the event now in {@code slot}. */
  long handle(int slot) {
    return ((long) generation[slot] << 32) | slot;
  }

  /** True when {@code handle} names a pending event: its slot is in use with that generation. */
  boolean current(long handle) {
    int slot = (int) handle;
    return slot >= 0 && slot < used && pending[slot] && generation[slot] == (int) (handle >>> 32);
  }

  /** True when {@code slot} holds a pending event. */
  boolean pending(int slot) {
    return pending[slot];
  }

  /** Frees {@code slot}: its handle now names nothing. Its payload stays readable until the next take. */
  void release(int slot) {
    pending[slot] = false;
    generation[slot] = (generation[slot] + 1) & GENERATION_MASK;
    free[freeCount++] = slot;
  }

  /** The bytes of the slot tables: time, kind, two arguments, generation, pending, free list. */
  long bytes() {
    return (8L + 4 + 4 + 8 + 4 + 1 + 4) * time.length;
  }

  /** Frees every pending slot. */
  void releaseAll() {
    for (int s = 0; s < used; s++) {
      if (pending[s]) {
        release(s);
      }
    }
  }

  private void grow(int c) {
    time = Arrays.copyOf(time, c);
    kind = Arrays.copyOf(kind, c);
    argA = Arrays.copyOf(argA, c);
    argB = Arrays.copyOf(argB, c);
    generation = Arrays.copyOf(generation, c);
    pending = Arrays.copyOf(pending, c);
    free = Arrays.copyOf(free, c);
  }
}
