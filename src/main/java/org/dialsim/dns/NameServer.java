package org.dialsim.dns;

import org.apache.commons.rng.UniformRandomProvider;
import org.dialsim.model.AnswerOrder;

/**
 * The authoritative answers for one name in one replication: its A and AAAA records (address
 * numbers) in the order the server gives them. A round-robin server keeps one counter per
 * record type, shared by every client that asks, and rotates by one per query; it starts at a
 * replication's own random offset, so replications see every rotation.
 *
 * <p>Answers are written into the caller's arrays, so a server reused across replications
 * ({@link #reset}) allocates nothing per query.
 */
public final class NameServer {
  /** Record type A. */
  public static final int A = 0;
  /** Record type AAAA. */
  public static final int AAAA = 1;

  private final int[][] records;
  private final int[] slotTypes;
  private final AnswerOrder order;
  private final long[] rotation = new long[2];

  /**
   * A server for one name.
   *
   * @param recordsA the A records as written
   * @param recordsAaaa the AAAA records as written
   * @param slotTypes the type of each record in written order (A or AAAA): the family layout
   * @param order how answers are ordered
   * @param startA the round-robin counter's start for A
   * @param startAaaa the same for AAAA
   */
  public NameServer(int[] recordsA, int[] recordsAaaa, int[] slotTypes, AnswerOrder order, long startA, long startAaaa) {
    this.records = new int[][] {recordsA.clone(), recordsAaaa.clone()};
    this.slotTypes = slotTypes.clone();
    this.order = order;
    reset(startA, startAaaa);
  }

  /** Starts a new replication with these round-robin counters. */
  public void reset(long startA, long startAaaa) {
    rotation[A] = startA;
    rotation[AAAA] = startAaaa;
  }

  /** How the server orders its answers. */
  public AnswerOrder answerOrder() {
    return order;
  }

  /** Number of records of one type. */
  public int count(int type) {
    return records[type].length;
  }

  /** The records of one type as written (a static hosts file gives exactly these). */
  public int[] written(int type) {
    return records[type].clone();
  }

  /**
   * Writes the answer to one query of {@code type}, in the server's order, into {@code out}.
   *
   * @param random the asking client's stream, drawn from only for {@code answer_order: random}
   * @param out room for {@link #count} numbers
   * @return how many numbers were written
   */
  public int answer(int type, UniformRandomProvider random, int[] out) {
    int[] written = records[type];
    int n = written.length;
    if (n > 1 && order == AnswerOrder.ROUND_ROBIN) {
      int shift = (int) (rotation[type]++ % n);
      for (int i = 0; i < n; i++) {
        out[i] = written[(i + shift) % n];
      }
      return n;
    }
    System.arraycopy(written, 0, out, 0, n);
    if (n > 1 && order == AnswerOrder.RANDOM) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = out[i];
        out[i] = out[j];
        out[j] = t;
      }
    }
    return n;
  }

  /** As {@link #answer(int, UniformRandomProvider, int[])}, into a new array. */
  public int[] answer(int type, UniformRandomProvider random) {
    int[] out = new int[records[type].length];
    answer(type, random, out);
    return out;
  }

  /**
   * Places A and AAAA answers into the family layout the records were written in, so a name
   * written IPv6, IPv6, IPv4 comes back that way ("as received" for {@code order: dns}); each
   * family keeps its own answer order within its slots.
   *
   * @return how many numbers {@code out} holds: {@code na + n6}
   */
  public int merge(int[] a, int na, int[] aaaa, int n6, int[] out) {
    return merge(slotTypes, a, na, aaaa, n6, out);
  }

  /**
   * As {@link #merge(int[], int, int[], int, int[])} for a name whose records were written in
   * the layout {@code slotTypes} (A or AAAA per record).
   */
  public static int merge(int[] slotTypes, int[] a, int na, int[] aaaa, int n6, int[] out) {
    int ia = 0;
    int i6 = 0;
    int k = 0;
    for (int type : slotTypes) {
      if (type == A && ia < na) {
        out[k++] = a[ia++];
      } else if (type == AAAA && i6 < n6) {
        out[k++] = aaaa[i6++];
      }
    }
    while (ia < na) {
      out[k++] = a[ia++];
    }
    while (i6 < n6) {
      out[k++] = aaaa[i6++];
    }
    return k;
  }

  /** As {@link #merge(int[], int, int[], int, int[])}, into a new array. */
  public int[] merge(int[] a, int[] aaaa) {
    int[] out = new int[a.length + aaaa.length];
    merge(a, a.length, aaaa, aaaa.length, out);
    return out;
  }
}
