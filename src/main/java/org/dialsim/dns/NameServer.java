package org.dialsim.dns;

import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.dialsim.model.AnswerOrder;

/**
 * The authoritative answers for one name in one replication: its A and AAAA records (address
 * numbers) in the order the server gives them. A round-robin server keeps one counter per
 * record type, shared by every client that asks, and rotates by one per query; it starts at a
 * replication's own random offset, so replications see every rotation.
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
    this.rotation[A] = startA;
    this.rotation[AAAA] = startAaaa;
  }

  /** The records of one type as written (a static hosts file gives exactly these). */
  public int[] written(int type) {
    return records[type].clone();
  }

  /**
   * The answer to one query of {@code type}, in the server's order.
   *
   * @param random the asking client's stream, drawn from only for {@code answer_order: random}
   */
  public int[] answer(int type, Supplier<UniformRandomProvider> random) {
    int[] written = records[type];
    int n = written.length;
    int[] out = written.clone();
    if (n > 1 && order == AnswerOrder.ROUND_ROBIN) {
      int shift = (int) (rotation[type]++ % n);
      for (int i = 0; i < n; i++) {
        out[i] = written[(i + shift) % n];
      }
    } else if (n > 1 && order == AnswerOrder.RANDOM) {
      UniformRandomProvider rng = random.get();
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = out[i];
        out[i] = out[j];
        out[j] = t;
      }
    }
    return out;
  }

  /**
   * Places A and AAAA answers into the family layout the records were written in, so a name
   * written IPv6, IPv6, IPv4 comes back that way ("as received" for {@code order: dns}); each
   * family keeps its own answer order within its slots.
   */
  public int[] merge(int[] a, int[] aaaa) {
    int[] out = new int[a.length + aaaa.length];
    int ia = 0;
    int i6 = 0;
    int k = 0;
    for (int type : slotTypes) {
      if (type == A && ia < a.length) {
        out[k++] = a[ia++];
      } else if (type == AAAA && i6 < aaaa.length) {
        out[k++] = aaaa[i6++];
      }
    }
    while (ia < a.length) {
      out[k++] = a[ia++];
    }
    while (i6 < aaaa.length) {
      out[k++] = aaaa[i6++];
    }
    return out;
  }
}
