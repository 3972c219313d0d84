package org.dialsim.stack;

import java.util.Arrays;
import org.dialsim.engine.Time;

/**
 * What one client instance remembers about addresses across its calls (SPEC 1.4 {@code memory}).
 * Addresses are the simulation's address numbers.
 *
 * <p>{@code avoid-failed} is OkHttp's RouteDatabase (a failed route is postponed until it
 * connects again) and UCMA's ten-minute offline mark; {@code prefer-last-good} puts the last
 * address that connected first while its memory lasts.
 */
public final class Recall {
  private final Memory memory;
  private final long[] failedAt;
  private final int[] scratch; // reorder's working copy
  private int lastGood = -1;
  private long lastGoodAt;

  /** A cold memory for {@code addresses} address numbers. */
  public Recall(Memory memory, int addresses) {
    this.memory = memory;
    this.failedAt = new long[addresses];
    this.scratch = new int[addresses];
    reset();
  }

  /** Forgets everything: a cold client, as at the start of a replication. */
  public void reset() {
    Arrays.fill(failedAt, -1);
    lastGood = -1;
    lastGoodAt = 0;
  }

  /**
   * Records an attempt that failed at {@code now} as {@code why}, if this memory learns that
   * kind of failure ({@code memory.learn}).
   */
  public void failed(int address, long now, Memory.Learn why) {
    if (memory.learns(why)) {
      failedAt[address] = now;
    }
  }

  /** Records a connection at {@code now}. */
  public void connected(int address, long now) {
    failedAt[address] = -1;
    lastGood = address;
    lastGoodAt = now;
  }

  /** True when the address counts as failed at {@code now} under avoid-failed. */
  public boolean avoided(int address, long now) {
    long at = failedAt[address];
    return at >= 0 && (memory.ttlNs() == Time.NEVER || now < Time.add(at, memory.ttlNs()));
  }

  /**
   * Reorders {@code order[0..n)} in place by what is remembered (a stable move, so the stack's
   * own order holds among equals). Returns true when something moved.
   */
  public boolean reorder(int[] order, int n, long now) {
    switch (memory.kind()) {
      case AVOID_FAILED -> {
        int[] copy = scratch; // DNS holds each record once, so n never exceeds the address table
        System.arraycopy(order, 0, copy, 0, n);
        int k = 0;
        for (int i = 0; i < n; i++) {
          if (!avoided(copy[i], now)) {
            order[k++] = copy[i];
          }
        }
        for (int i = 0; i < n; i++) {
          if (avoided(copy[i], now)) {
            order[k++] = copy[i];
          }
        }
        return !Arrays.equals(copy, 0, n, order, 0, n);
      }
      case PREFER_LAST_GOOD -> {
        if (lastGood < 0 || (memory.ttlNs() != Time.NEVER && now >= Time.add(lastGoodAt, memory.ttlNs()))) {
          return false;
        }
        for (int i = 0; i < n; i++) {
          if (order[i] == lastGood) {
            System.arraycopy(order, 0, order, 1, i);
            order[0] = lastGood;
            return i > 0;
          }
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }
}
