package org.dialsim.stack;

import org.dialsim.engine.Time;
import org.dialsim.model.Limits;

/**
 * When the OS sends SYNs for one connection attempt and when it gives up.
 *
 * <p>The first SYN goes at 0; each retransmission timeout doubles (RFC 6298 section 5.5
 * back-off), except that the first {@code linearFirst} retransmissions keep the initial RTO
 * (Linux {@code tcp_syn_linear_timeouts}), and no RTO exceeds {@code rtoMaxNs} (Linux
 * {@code TCP_RTO_MAX}). The stack decides at each expiry of the retransmission timer whether to
 * retransmit or give up, by one of two rules ({@link GiveUp}):
 *
 * <ul>
 *   <li>{@code count}: give up once {@code retries} retransmissions have been sent. So classic
 *       Windows (3 s, 2 retries) sends at 0, 3 and 9 s and gives up at 21 s; 1 s and 6 retries
 *       give 0, 1, 3, 7, 15, 31, 63 s and 127 s.
 *   <li>{@code linux}: the kernel's rule for a SYN_SENT socket, which also has a time limit and
 *       lets {@code linear_first} add SYNs beyond {@code retries} ({@link #expires}).
 * </ul>
 *
 * <p>{@code cap} is a ceiling on the whole attempt (modern Windows: 21 s). {@code timerHz}, when
 * set, makes the Linux retransmission timer fire as the kernel's timer wheel fires it
 * ({@link TimerWheel}); the nominal times here are then the wheel's lower bound. Note that
 * "2 retries" means 3 SYNs (with {@code count}).
 *
 * @param initialRtoNs the first retransmission timeout
 * @param retries retransmitted SYNs ({@code count}), or {@code tcp_syn_retries} ({@code linux})
 * @param linearFirst retransmissions that keep the initial RTO before doubling starts
 * @param capNs ceiling on the attempt, or {@link Time#NEVER}
 * @param giveUp the give-up rule
 * @param rtoMaxNs the largest RTO, or {@link Time#NEVER} for none
 * @param timerHz the kernel's {@code CONFIG_HZ} for the timer wheel, or {@link #NO_WHEEL}
 */
public record SynSchedule(long initialRtoNs, int retries, int linearFirst, long capNs, GiveUp giveUp, long rtoMaxNs,
    int timerHz) {
  /** {@code timerHz} when no timer wheel is modelled: timers fire exactly on time. */
  public static final int NO_WHEEL = 0;

  /** How the stack decides, at a retransmission timer's expiry, to give up. */
  public enum GiveUp {
    /** After {@code retries} retransmissions (RFC 6298 section 5.5 back-off, Windows). */
    COUNT,
    /**
     * Linux {@code tcp_write_timeout()} for SYN_SENT: after {@code retries + linear_first}
     * retransmissions, or once the time since the first SYN reaches the exponential model of
     * {@code retries} ({@code retransmits_timed_out()}, {@code tcp_model_timeout()}).
     */
    LINUX
  }

  /** Checks the values. */
  public SynSchedule {
    if (initialRtoNs <= 0) {
      throw new IllegalArgumentException("initial_rto must be positive");
    }
    if (retries < 0 || retries > Limits.MAX_SYN_RETRIES) {
      throw new IllegalArgumentException("retries must be in 0.." + Limits.MAX_SYN_RETRIES);
    }
    if (linearFirst < 0 || linearFirst > Limits.MAX_SYN_RETRIES) {
      throw new IllegalArgumentException("linear_first must be in 0.." + Limits.MAX_SYN_RETRIES);
    }
    if (rtoMaxNs <= 0 || initialRtoNs > rtoMaxNs) {
      throw new IllegalArgumentException("rto_max must not be below initial_rto");
    }
    if (giveUp == GiveUp.LINUX && retries < 1) {
      throw new IllegalArgumentException("the Linux rule needs retries of at least 1");
    }
    if (timerHz != NO_WHEEL && (giveUp != GiveUp.LINUX || !TimerWheel.isHz(timerHz))) {
      throw new IllegalArgumentException("timer_hz needs give_up linux and a CONFIG_HZ value");
    }
  }

  /** A textbook schedule: the {@code count} rule, no RTO ceiling, no timer wheel. */
  public SynSchedule(long initialRtoNs, int retries, int linearFirst, long capNs) {
    this(initialRtoNs, retries, linearFirst, capNs, GiveUp.COUNT, Time.NEVER, NO_WHEEL);
  }

  /** The most SYNs one attempt can send: the first and every retransmission the rule allows. */
  public int maxSyns() {
    return 1 + retries + (giveUp == GiveUp.LINUX ? linearFirst : 0);
  }

  /** Offsets from the attempt start of each SYN the schedule sends before it gives up. */
  public long[] synOffsets() {
    long[] at = new long[maxSyns()];
    int n = 0;
    long t = 0;
    for (int k = 0; ; k++) {
      at[n++] = t;
      t = Time.add(t, rto(k));
      if (expires(n - 1, t)) {
        return java.util.Arrays.copyOf(at, n);
      }
    }
  }

  /**
   * The RTO that follows SYN number {@code k} (0 = the first SYN): the initial RTO for the first
   * {@code linearFirst + 1} timers (Linux {@code tcp_retransmit_timer()} doubles only once
   * {@code total_rto > tcp_syn_linear_timeouts}), then doubling, at most {@code rtoMaxNs}
   * ({@code min(icsk_rto << 1, tcp_rto_max(sk))}).
   */
  public long rto(int k) {
    if (k <= linearFirst) {
      return initialRtoNs;
    }
    int doublings = k - linearFirst;
    long doubled = doublings >= 40 ? Time.NEVER : Math.min(Time.NEVER / 2, initialRtoNs << doublings);
    return Math.min(doubled, rtoMaxNs);
  }

  /**
   * True when the stack gives up at a timer expiry {@code elapsedNs} after the first SYN, with
   * {@code retransmitted} SYNs sent after the first.
   *
   * <p>Linux ({@code tcp_write_timeout()}, torvalds/linux since commit ccce324dabfe, first in
   * 6.5, as in 6.18.y): {@code max_retransmits = tcp_syn_retries + tcp_syn_linear_timeouts};
   * {@code expired = icsk_retransmits >= max_retransmits}; if not, {@code retransmits_timed_out()}
   * (false before the first retransmission) compares the time since {@code retrans_stamp} with
   * {@link #linuxLimitNs()}. The time limit dates from commit a66b10c05ee2 (Linux 5.4; base fixed
   * by 3256a2d6ab1f); without linear timeouts the two limits coincide, so 5.4 to 6.4 give up
   * exactly where the count does.
   */
  public boolean expires(int retransmitted, long elapsedNs) {
    return expires(retransmitted, elapsedNs, linuxLimitNs());
  }

  /** {@link #expires(int, long)} against a given Linux time limit (a timer wheel's, in whole ms). */
  public boolean expires(int retransmitted, long elapsedNs, long limitNs) {
    if (giveUp == GiveUp.COUNT) {
      return retransmitted >= retries;
    }
    return retransmitted >= retries + linearFirst || (retransmitted >= 1 && elapsedNs >= limitNs);
  }

  /**
   * The Linux time limit: {@code tcp_model_timeout(sk, tcp_syn_retries, tcp_timeout_init(sk))},
   * the time {@code retries} exponentially backed-off retransmissions from the initial RTO would
   * take, {@code (2^(retries+1) - 1) x initial_rto}, with the RTO ceiling reached after
   * {@code ilog2(rto_max / initial_rto)} doublings ({@code linear_backoff_thresh}) and each later
   * timeout {@code rto_max}. Linear timeouts do not enter it: 127 s for 6 retries and 1 s.
   */
  public long linuxLimitNs() {
    return modelTimeout(retries, initialRtoNs, rtoMaxNs);
  }

  /** {@code tcp_model_timeout()} in any unit: {@code base} and {@code max} in that unit. */
  static long modelTimeout(int boundary, long base, long max) {
    int thresh = max == Time.NEVER ? Integer.MAX_VALUE : 63 - Long.numberOfLeadingZeros(max / base);
    if (boundary <= thresh) {
      return times((2L << boundary) - 1, base);
    }
    return Time.add(times((2L << thresh) - 1, base), times(boundary - thresh, max));
  }

  /** {@code a x b}, saturating at {@link Time#NEVER}; both non-negative. */
  static long times(long a, long b) {
    return b != 0 && a > Time.NEVER / b ? Time.NEVER : a * b;
  }

  /** When the stack gives up on an unanswered attempt, measured from its start (nominal times). */
  public long giveUpNs() {
    long t = 0;
    for (int k = 0; ; k++) {
      t = Time.add(t, rto(k));
      if (expires(k, t)) {
        return Math.min(t, capNs);
      }
    }
  }
}
