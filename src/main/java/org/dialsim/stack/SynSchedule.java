package org.dialsim.stack;

import org.dialsim.engine.Time;
import org.dialsim.model.Limits;

/**
 * When the OS sends SYNs for one connection attempt and when it gives up.
 *
 * <p>The first SYN goes at 0; each retransmission timeout doubles (RFC 6298 section 5.5
 * back-off), except that the first {@code linearFirst} retransmissions keep the initial RTO
 * (Linux {@code tcp_syn_linear_timeouts}). After {@code retries} retransmissions the stack waits
 * one more RTO and reports a timeout. So classic Windows (3 s, 2 retries) sends at 0, 3 and 9 s
 * and gives up at 21 s; Linux (1 s, 6 retries) sends at 0, 1, 3, 7, 15, 31, 63 s and gives up at
 * 127 s. {@code cap} is a ceiling on the whole attempt (modern Windows: 21 s). Note that
 * "2 retries" means 3 SYNs.
 *
 * @param initialRtoNs the first retransmission timeout
 * @param retries number of retransmitted SYNs (SYNs sent = retries + 1)
 * @param linearFirst retransmissions that keep the initial RTO before doubling starts
 * @param capNs ceiling on the attempt, or {@link Time#NEVER}
 */
public record SynSchedule(long initialRtoNs, int retries, int linearFirst, long capNs) {
  /** Checks the values. */
  public SynSchedule {
    if (initialRtoNs <= 0) {
      throw new IllegalArgumentException("initial_rto must be positive");
    }
    if (retries < 0 || retries > Limits.MAX_SYN_RETRIES) {
      throw new IllegalArgumentException("retries must be in 0.." + Limits.MAX_SYN_RETRIES);
    }
    if (linearFirst < 0) {
      throw new IllegalArgumentException("linear_first must not be negative");
    }
  }

  /** Offsets from the attempt start of each SYN, {@code retries + 1} of them. */
  public long[] synOffsets() {
    long[] at = new long[retries + 1];
    long t = 0;
    for (int k = 0; k <= retries; k++) {
      at[k] = t;
      t = Time.add(t, rto(k));
    }
    return at;
  }

  /** The RTO that follows SYN number {@code k} (0 = the first SYN). */
  public long rto(int k) {
    if (k < linearFirst) {
      return initialRtoNs;
    }
    int doublings = k - linearFirst;
    return doublings >= 40 ? Time.NEVER : Math.min(Time.NEVER / 2, initialRtoNs << doublings) ;
  }

  /** When the stack gives up on an unanswered attempt, measured from its start. */
  public long giveUpNs() {
    long t = 0;
    for (int k = 0; k <= retries; k++) {
      t = Time.add(t, rto(k));
    }
    return Math.min(t, capNs);
  }
}
