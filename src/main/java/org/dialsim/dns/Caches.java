package org.dialsim.dns;

import java.util.Arrays;

/**
 * Every client's cached answers, per slot (a record type of the target name; with HTTPS
 * records, a (name, type) pair, {@link ServiceNames#slot}), each until its TTL runs out. One
 * table for all the clients of a world: a client's expiry times and answers are one row of two
 * primitive arrays, so a lookup touches a line or two of memory, and the table is cleared, not
 * rebuilt, for each replication.
 */
public final class Caches {
  private final long[] until; // client x slots
  private final int[] data; // client x row: each slot's length, then each slot's records
  private final int slots;
  private final int row;
  private final int[] start; // where each slot's records start in a row

  /**
   * Caches for {@code clients} clients with room for {@code counts[s]} records in slot {@code s};
   * the target's A and AAAA answers are slots {@link NameServer#A} and {@link NameServer#AAAA}.
   */
  public Caches(int clients, int... counts) {
    this.slots = counts.length;
    this.start = new int[slots];
    int r = slots;
    for (int s = 0; s < slots; s++) {
      start[s] = r;
      r += counts[s];
    }
    this.row = r;
    this.until = new long[Math.multiplyExact(clients, slots)];
    this.data = new int[Math.multiplyExact(clients, row)];
    clear();
  }

  /** The bytes of its tables, which grow with the number of clients. */
  public long bytes() {
    return 8L * until.length + 4L * data.length;
  }

  /** Empties every cache: cold clients. */
  public void clear() {
    Arrays.fill(until, Long.MIN_VALUE);
  }

  /**
   * Reads {@code client}'s row, so that its cache lines are fetched beside the client's other
   * state at the start of a call rather than one after another (see {@code World.arrive}).
   */
  public long touch(int client) {
    return until[client * slots] + data[client * row];
  }

  /** True when {@code client}'s answer in {@code slot} is still fresh at {@code now}. */
  public boolean fresh(int client, int slot, long now) {
    return until[client * slots + slot] > now;
  }

  /** The table holding the answers; {@code client}'s answer in {@code slot} starts at {@link #offset}. */
  public int[] data() {
    return data;
  }

  /** Where {@code client}'s cached answer in {@code slot} starts in {@link #data()}. */
  public int offset(int client, int slot) {
    return client * row + start[slot];
  }

  /** Number of records in {@code client}'s cached answer in {@code slot}; only meaningful while {@link #fresh}. */
  public int length(int client, int slot) {
    return data[client * row + slot];
  }

  /** Keeps a copy of {@code answer[0..n)} for {@code client} in {@code slot} until {@code expiry}. */
  public void store(int client, int slot, int[] answer, int n, long expiry) {
    System.arraycopy(answer, 0, data, offset(client, slot), n);
    data[client * row + slot] = n;
    until[client * slots + slot] = expiry;
  }
}
