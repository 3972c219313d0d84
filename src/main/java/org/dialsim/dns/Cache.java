package org.dialsim.dns;

/**
 * One client's cached answers for one name, per record type, each until its TTL runs out. It
 * keeps its own copy of each answer, so it can be reused across replications and fed from
 * pooled query buffers without allocating.
 */
public final class Cache {
  private final long[] until = {Long.MIN_VALUE, Long.MIN_VALUE};
  private final int[][] answers;
  private final int[] lengths = new int[2];

  /** A cache with room for {@code countA} A and {@code countAaaa} AAAA records. */
  public Cache(int countA, int countAaaa) {
    answers = new int[][] {new int[countA], new int[countAaaa]};
  }

  /** Empties the cache: a cold client. */
  public void clear() {
    until[0] = Long.MIN_VALUE;
    until[1] = Long.MIN_VALUE;
    lengths[0] = 0;
    lengths[1] = 0;
  }

  /** True when an answer of {@code type} is still fresh at {@code now}. */
  public boolean fresh(int type, long now) {
    return until[type] > now;
  }

  /** The cached answer of {@code type}, {@link #length} numbers long; only meaningful while {@link #fresh}. */
  public int[] answer(int type) {
    return answers[type];
  }

  /** Number of records in the cached answer of {@code type}. */
  public int length(int type) {
    return lengths[type];
  }

  /** Keeps a copy of {@code answer[0..n)} until {@code expiry}. */
  public void store(int type, int[] answer, int n, long expiry) {
    System.arraycopy(answer, 0, answers[type], 0, n);
    lengths[type] = n;
    until[type] = expiry;
  }
}
