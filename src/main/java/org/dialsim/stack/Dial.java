package org.dialsim.stack;

import org.dialsim.model.Family;

/**
 * What a {@link Strategy} may see and do while it runs one call's connection attempts. The
 * simulation implements it; strategies never see events or the network.
 */
public interface Dial {
  /** Current simulated time in nanoseconds. */
  long now();

  /** When the call's deadline falls ({@link org.dialsim.engine.Time#NEVER} without one). */
  long deadline();

  /** Number of ordered candidate addresses known so far (a late DNS answer may add more). */
  int candidates();

  /** Family of candidate {@code i}. */
  Family family(int i);

  /** True while the attempt on candidate {@code i} runs. */
  boolean running(int i);

  /** Number of attempts running now. */
  int runningCount();

  /**
   * Starts an attempt on candidate {@code i}; it ends by itself when the SYN schedule runs out,
   * or after {@code limitNs} (the application's limit for this attempt, NEVER for none).
   */
  void start(int i, long limitNs);

  /** Asks for {@link Strategy#wake} at time {@code t}; replaces an earlier request. */
  void wakeAt(long t);

  /** Cancels a pending wake-up. */
  void cancelWake();

  /** True when candidate {@code i} is a QUIC endpoint (only stacks that query HTTPS have any). */
  default boolean quic(int i) {
    return false;
  }

  /** {@code quic.order: parallel}: how long this call holds TCP back behind QUIC. */
  default long tcpHoldBackNs() {
    return 0;
  }

  /**
   * {@code quic.order: parallel}: the TCP part is held back behind QUIC ({@code started} false)
   * or makes its first connection request now (true); a backup connect job's timer counts from
   * that request.
   */
  default void tcpJob(boolean started) {}
}
