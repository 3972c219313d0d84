package org.dialsim.stack;

/**
 * Runs the connection attempts of one call: which candidate to try when. An instance holds one
 * call's progress; the simulation keeps one per call slot and {@link #reset}s it for each try, so
 * no strategy object is built per call. The simulation ends the call when an attempt connects,
 * when the deadline passes, or when no attempt runs, no wake-up is pending and the strategy has
 * nothing left to start.
 */
public sealed interface Strategy
    permits FirstOnly, Sequential, Staggered, FamilyRace, QuicRace {
  /** Forgets the previous try's progress, before {@link #begin}. */
  void reset();

  /** The candidates are known (or the first of them are): start. */
  void begin(Dial d);

  /** The attempt on candidate {@code i} failed (refused, unreachable, timed out or abandoned). */
  void failed(Dial d, int i);

  /** A wake-up requested with {@link Dial#wakeAt} has come. */
  default void wake(Dial d) {}

  /** More candidates arrived (a late DNS answer): continue if idle. */
  default void more(Dial d) {}

  /** True when the strategy will start nothing more with the candidates it has. */
  boolean exhausted(Dial d);

  /** A fresh strategy of the configured kind, for one call slot. */
  static Strategy of(StackConfig stack) {
    Strategy s = backupOf(stack);
    // quic.order parallel: QUIC races beside the configured strategy, which takes the TCP endpoints
    return stack.usesHttps() && stack.quic().enabled() && stack.quic().order() == Quic.QuicOrder.PARALLEL
        ? new QuicRace(stack, s) : s;
  }

  /**
   * A fresh strategy for a backup connect job ({@code backup_job}): the configured kind without
   * a QUIC racer, as Chromium's backup job is the TCP socket pool's and QUIC has none.
   */
  static Strategy backupOf(StackConfig stack) {
    return switch (stack.strategy()) {
      case FIRST_ONLY -> new FirstOnly(stack);
      case SEQUENTIAL -> new Sequential(stack, false);
      case STAGGERED -> new Staggered(stack);
      case FAMILY_RACE -> new FamilyRace(stack);
      case ABORT_ADVANCE -> new Sequential(stack, true);
    };
  }
}
