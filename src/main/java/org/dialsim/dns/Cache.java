package org.dialsim.dns;

/** One client's cached answers for one name, per record type, each until its TTL runs out. */
public final class Cache {
  private final long[] until = {Long.MIN_VALUE, Long.MIN_VALUE};
  private final int[][] answers = {new int[0], new int[0]};

  /** True when an answer of {@code type} is still fresh at {@code now}. */
  public boolean fresh(int type, long now) {
    return until[type] > now;
  }

  /** The cached answer of {@code type}; only meaningful while {@link #fresh}. */
  public int[] answer(int type) {
    return answers[type];
  }

  /** Keeps {@code answer} until {@code expiry}. */
  public void store(int type, int[] answer, long expiry) {
    answers[type] = answer;
    until[type] = expiry;
  }
}
