package org.dialsim.sim;

import java.util.Arrays;

/**
 * The DNS queries in flight, in pooled slots: an answer event names its query by slot. A query
 * outlives its call when the answer comes after the call ended (it still fills the client's
 * cache), so it carries the identity of the call and try that sent it. Slots are given back when
 * the answer arrives, so the pool holds the queries in flight, not every query of a replication.
 */
final class Queries {
  int[] type;
  /** The name asked about: 0 is the target (always, for a stack that does not query HTTPS). */
  int[] name;
  /** An error answer (SERVFAIL): no records, and not cached. */
  boolean[] failed;
  int[] client;
  int[] callSlot;
  long[] callSerial;
  int[] tryNumber;
  long[] sentAt;
  boolean[] timedOut;
  int[][] answer;
  int[] length;
  /** Sent and not yet answered (or given up on): what a call that ends leaves unanswered. */
  boolean[] pending;
  private final int capacity; // room for the longer of the name's A and AAAA answers
  private int[] free;
  private int freeCount;
  private int used;

  Queries(int answerCapacity) {
    this.capacity = Math.max(1, answerCapacity);
    grow(16);
  }

  /** Gives every slot back: a new replication. */
  void reset() {
    freeCount = 0;
    for (int s = used - 1; s >= 0; s--) {
      free[freeCount++] = s;
      pending[s] = false;
    }
  }

  /** Slots handed out so far: every query lies in [0, used). */
  int used() {
    return used;
  }

  /** A free slot. */
  private int take() {
    if (freeCount == 0) {
      if (used == type.length) {
        grow(type.length * 2);
      }
      free[freeCount++] = used++;
    }
    return free[--freeCount];
  }

  /**
   * A free slot, filled in for a query of {@code type} about name {@code n} that {@code call}'s
   * current try sends at {@code now}, not yet timed out or failed. The answer and its length are
   * the caller's to write.
   */
  int open(int type, int n, Call call, long now) {
    int q = take();
    this.type[q] = type;
    name[q] = n;
    client[q] = call.client;
    callSlot[q] = call.slot;
    callSerial[q] = call.serial;
    tryNumber[q] = call.tries;
    sentAt[q] = now;
    timedOut[q] = false;
    failed[q] = false;
    pending[q] = true;
    return q;
  }

  /** Gives a slot back. */
  void give(int slot) {
    pending[slot] = false;
    free[freeCount++] = slot;
  }

  private void grow(int c) {
    int old = type == null ? 0 : type.length;
    type = type == null ? new int[c] : Arrays.copyOf(type, c);
    name = name == null ? new int[c] : Arrays.copyOf(name, c);
    failed = failed == null ? new boolean[c] : Arrays.copyOf(failed, c);
    client = client == null ? new int[c] : Arrays.copyOf(client, c);
    callSlot = callSlot == null ? new int[c] : Arrays.copyOf(callSlot, c);
    callSerial = callSerial == null ? new long[c] : Arrays.copyOf(callSerial, c);
    tryNumber = tryNumber == null ? new int[c] : Arrays.copyOf(tryNumber, c);
    sentAt = sentAt == null ? new long[c] : Arrays.copyOf(sentAt, c);
    timedOut = timedOut == null ? new boolean[c] : Arrays.copyOf(timedOut, c);
    pending = pending == null ? new boolean[c] : Arrays.copyOf(pending, c);
    length = length == null ? new int[c] : Arrays.copyOf(length, c);
    answer = answer == null ? new int[c][] : Arrays.copyOf(answer, c);
    for (int s = old; s < c; s++) {
      answer[s] = new int[capacity];
    }
    free = free == null ? new int[c] : Arrays.copyOf(free, c);
  }
}
