package org.dialsim.stack;

import java.util.Arrays;
import org.dialsim.engine.Time;

/**
 * What each client of a world remembers about QUIC to the origin its calls go to, as one table:
 * whether QUIC is marked broken and until when, how many marks the backoff has counted, whether
 * QUIC has ever worked for it and the RTT of its last QUIC handshake (Chromium's
 * BrokenAlternativeServices and QuicSessionPool state, per client). With {@code quic.memory:
 * none} nothing is marked, and the rest is kept only for {@code tcp_delay: chromium}.
 */
public final class QuicRecall {
  private final QuicMemory memory;
  private final long[] brokenFrom; // by client: when the mark began (the QUIC failure it records)
  private final long[] brokenUntil; // by client; MIN_VALUE: not broken
  private final int[] marks;
  private final long[] lastRttNs; // by client; -1: QUIC never worked

  /** A cold memory for {@code clients} clients. */
  public QuicRecall(QuicMemory memory, int clients) {
    this.memory = memory;
    this.brokenFrom = new long[clients];
    this.brokenUntil = new long[clients];
    this.marks = new int[clients];
    this.lastRttNs = new long[clients];
    reset();
  }

  /** Forgets everything: cold clients. */
  public void reset() {
    Arrays.fill(brokenUntil, Long.MIN_VALUE);
    Arrays.fill(marks, 0);
    Arrays.fill(lastRttNs, -1);
  }

  /**
   * True when {@code client} does not attempt QUIC at {@code now}: a mark holds from the failure
   * it records (which may come after the call that made it: a QUIC attempt that TCP beat is
   * marked when it would have given up) until it runs out.
   */
  public boolean broken(int client, long now) {
    return now >= brokenFrom[client] && now < brokenUntil[client];
  }

  /** When {@code client}'s mark ends (meaningful while {@link #broken}). */
  public long brokenUntil(int client) {
    return brokenUntil[client];
  }

  /** Records that a QUIC attempt of {@code client} failed at {@code at} (its mark starts then). */
  public void mark(int client, long at) {
    if (memory.kind() == QuicMemory.Kind.NONE) {
      return;
    }
    long d = memory.markNs(marks[client]);
    brokenFrom[client] = at;
    brokenUntil[client] = d == Time.NEVER ? Time.NEVER : Time.add(at, d);
    marks[client]++;
  }

  /** Records a QUIC handshake of {@code client} that took one round trip of {@code rttNs}: the backoff starts over. */
  public void worked(int client, long rttNs) {
    lastRttNs[client] = rttNs;
    marks[client] = 0;
    brokenUntil[client] = Long.MIN_VALUE;
  }

  /**
   * Chromium's hold-back of TCP behind QUIC (QuicSessionPool::GetTimeDelayForWaitingJob): none
   * until QUIC has worked for the client, then 1.5 times its last QUIC RTT, capped at
   * {@link #CHROMIUM_MAX_TCP_DELAY_NS}.
   */
  public long chromiumTcpDelay(int client) {
    long rtt = lastRttNs[client];
    return rtt < 0 ? 0 : Math.min(CHROMIUM_MAX_TCP_DELAY_NS, rtt * 3 / 2);
  }

  /**
   * Chromium caps the main job's wait (HttpStreamFactory::JobController,
   * kMaxDelayTimeForMainJobSecs = 3).
   */
  public static final long CHROMIUM_MAX_TCP_DELAY_NS = 3 * Time.S;

  /** The bytes of its tables, which grow with the number of clients. */
  public long bytes() {
    return 8L * brokenFrom.length + 8L * brokenUntil.length + 4L * marks.length + 8L * lastRttNs.length;
  }
}
