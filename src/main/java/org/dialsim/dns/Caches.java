package org.dialsim.dns;

import java.util.Arrays;

/**
 * Every client's cached answers for the target name, per record type, each until its TTL runs
 * out. One table for all the clients of a world: a client's expiry times and answers are one
 * row of two primitive arrays, so a lookup touches a line or two of memory, and the table is
 * cleared, not rebuilt, for each replication.
 */
public final class Caches {
  private final long[] until; // client x 2
  private final int[] data; // client x row: length A, length AAAA, A records, AAAA records
  private final int row;
  private final int countA;

  /** Caches for {@code clients} clients of a name with {@code countA} A and {@code countAaaa} AAAA records. */
  public Caches(int clients, int countA, int countAaaa) {
    this.countA = countA;
    this.row = 2 + countA + countAaaa;
    this.until = new long[Math.multiplyExact(clients, 2)];
    this.data = new int[Math.multiplyExact(clients, row)];
    clear();
  }

  /** Empties every cache: cold clients. */
  public void clear() {
    Arrays.fill(until, Long.MIN_VALUE);
  }

  /** True when {@code client}'s answer of {@code type} is still fresh at {@code now}. */
  public boolean fresh(int client, int type, long now) {
    return until[client * 2 + type] > now;
  }

  /** The table holding the answers; {@code client}'s answer of {@code type} starts at {@link #offset}. */
  public int[] data() {
    return data;
  }

  /** Where {@code client}'s cached answer of {@code type} starts in {@link #data()}. */
  public int offset(int client, int type) {
    return client * row + 2 + (type == NameServer.A ? 0 : countA);
  }

  /** Number of records in {@code client}'s cached answer of {@code type}; only meaningful while {@link #fresh}. */
  public int length(int client, int type) {
    return data[client * row + type];
  }

  /** Keeps a copy of {@code answer[0..n)} for {@code client} until {@code expiry}. */
  public void store(int client, int type, int[] answer, int n, long expiry) {
    System.arraycopy(answer, 0, data, offset(client, type), n);
    data[client * row + type] = n;
    until[client * 2 + type] = expiry;
  }
}
