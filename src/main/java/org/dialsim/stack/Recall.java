package org.dialsim.stack;

import java.util.Arrays;
import org.dialsim.engine.Time;

/**
 * What each client instance of a world remembers about addresses across its calls (SPEC 1.4
 * {@code memory}), as one table: a client's row holds when each address last failed and which
 * address last connected. Addresses are the simulation's address numbers.
 *
 * <p>{@code avoid-failed} is OkHttp's RouteDatabase (a failed route is postponed until it
 * connects again) and UCMA's ten-minute offline mark; {@code prefer-last-good} puts the last
 * address that connected first while its memory lasts. With {@code memory: none} nothing is
 * kept and nothing is touched.
 */
public final class Recall {
  private final Memory memory;
  private final boolean keeps;
  private final int addresses;
  private final long[] failedAt; // client x address; -1: not failed
  private final int[] lastGood; // by client; -1: none
  private final long[] lastGoodAt;
  private final int[] scratch; // reorder's working copy

  /** A cold memory for {@code clients} clients and {@code addresses} address numbers. */
  public Recall(Memory memory, int clients, int addresses) {
    this.memory = memory;
    this.keeps = memory.kind() != Memory.Kind.NONE;
    this.addresses = addresses;
    int rows = keeps ? clients : 0;
    this.failedAt = new long[Math.multiplyExact(rows, addresses)];
    this.lastGood = new int[rows];
    this.lastGoodAt = new long[rows];
    this.scratch = new int[addresses];
    reset();
  }

  /** The bytes of its tables, which grow with the number of clients. */
  public long bytes() {
    return 8L * failedAt.length + 4L * lastGood.length + 8L * lastGoodAt.length;
  }

  /** Forgets everything: cold clients, as at the start of a replication. */
  public void reset() {
    Arrays.fill(failedAt, -1);
    Arrays.fill(lastGood, -1);
  }

  /**
   * Records an attempt of {@code client} that failed at {@code now} as {@code why}, if this
   * memory learns that kind of failure ({@code memory.learn}).
   */
  public void failed(int client, int address, long now, Memory.Learn why) {
    if (keeps && memory.learns(why)) {
      failedAt[client * addresses + address] = now;
    }
  }

  /** Records a connection of {@code client} at {@code now}. */
  public void connected(int client, int address, long now) {
    if (keeps) {
      failedAt[client * addresses + address] = -1;
      lastGood[client] = address;
      lastGoodAt[client] = now;
    }
  }

  /** True when the address counts as failed for {@code client} at {@code now} under avoid-failed. */
  public boolean avoided(int client, int address, long now) {
    if (!keeps) {
      return false;
    }
    long at = failedAt[client * addresses + address];
    return at >= 0 && (memory.ttlNs() == Time.NEVER || now < Time.add(at, memory.ttlNs()));
  }

  /**
   * Reorders {@code order[0..n)} in place by what {@code client} remembers (a stable move, so the
   * stack's own order holds among equals). Returns true when something moved.
   */
  public boolean reorder(int client, int[] order, int n, long now) {
    switch (memory.kind()) {
      case AVOID_FAILED -> {
        int[] copy = scratch; // DNS holds each record once, so n never exceeds the address table
        System.arraycopy(order, 0, copy, 0, n);
        int k = 0;
        for (int i = 0; i < n; i++) {
          if (!avoided(client, copy[i], now)) {
            order[k++] = copy[i];
          }
        }
        for (int i = 0; i < n; i++) {
          if (avoided(client, copy[i], now)) {
            order[k++] = copy[i];
          }
        }
        return !Arrays.equals(copy, 0, n, order, 0, n);
      }
      case PREFER_LAST_GOOD -> {
        int good = lastGood[client];
        if (good < 0 || (memory.ttlNs() != Time.NEVER && now >= Time.add(lastGoodAt[client], memory.ttlNs()))) {
          return false;
        }
        for (int i = 0; i < n; i++) {
          if (order[i] == good) {
            System.arraycopy(order, 0, order, 1, i);
            order[0] = good;
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
