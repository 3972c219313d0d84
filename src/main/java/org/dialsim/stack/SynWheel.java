package org.dialsim.stack;

/**
 * A Linux SYN schedule as the kernel's timer wheel runs it: each attempt's SYN times and give-up
 * follow from the jiffy its first SYN went in, so they are worked out per attempt
 * ({@link #offsets}) from what is fixed per schedule (the timers in jiffies, the time limit).
 *
 * <p>The chain, as kernel/time/timer.c and net/ipv4/tcp_timer.c run it: {@code connect()} arms
 * the retransmission timer at {@code jiffies + icsk_rto} with the wheel's clock at
 * {@code jiffies}; the timer runs at its bucket's expiry {@code B} ({@link TimerWheel#fires});
 * there {@code tcp_write_timeout()} decides (on real elapsed time, in whole milliseconds of
 * {@code tcp_model_timeout()}), and {@code tcp_retransmit_timer()} sends the next SYN and re-arms
 * at {@code B + icsk_rto} while {@code base->clk} is {@code B + 1} ("While executing timers,
 * base->clk is set 1 offset ahead of jiffies"). Each bucket boundary is a multiple of the level's
 * granularity, so the rounding of one timer fixes the next: per-timer bounds or means are not
 * enough (Linux 6.18 at HZ 250 gives up on a 6-retry attempt between 133.26 and 135.30 s, not at
 * 131 s). Not modelled: softirq latency under load, a tickless CPU waking after the tick, and the
 * one-jiffy difference of the wheel clock when {@code connect()} follows a timer run.
 */
public final class SynWheel {
  private final SynSchedule syn;
  private final TimerWheel wheel;
  private final long[] rtoJiffies;
  private final long limitNs;
  private final long period;

  /** The wheel form of a schedule that has {@code timer_hz}. */
  public SynWheel(SynSchedule syn) {
    if (syn.timerHz() == SynSchedule.NO_WHEEL) {
      throw new IllegalArgumentException("the schedule has no timer_hz");
    }
    this.syn = syn;
    this.wheel = new TimerWheel(syn.timerHz());
    this.rtoJiffies = new long[syn.maxSyns()];
    long longest = 0;
    for (int k = 0; k < rtoJiffies.length; k++) {
      // icsk_rto is kept in jiffies: TCP_TIMEOUT_INIT is 1 * HZ, doubled in jiffies
      rtoJiffies[k] = wheel.jiffies(syn.rto(k));
      longest = Math.max(longest, rtoJiffies[k]);
    }
    long base = wheel.jiffies(syn.initialRtoNs());
    long max = syn.rtoMaxNs() == org.dialsim.engine.Time.NEVER
        ? org.dialsim.engine.Time.NEVER : wheel.jiffies(syn.rtoMaxNs());
    // tcp_model_timeout() works in jiffies and returns jiffies_to_msecs() of its result
    this.limitNs = wheel.millisNs(SynSchedule.modelTimeout(syn.retries(), base, max));
    this.period = Math.min(wheel.period(longest), 1L << 18);
  }

  /** The schedule. */
  public SynSchedule schedule() {
    return syn;
  }

  /** The wheel. */
  public TimerWheel wheel() {
    return wheel;
  }

  /** The length a buffer for {@link #offsets} needs: every SYN and the give-up. */
  public int bufferLength() {
    return syn.maxSyns() + 1;
  }

  /**
   * Works out the attempt whose first SYN goes at simulated time {@code t0} on a jiffies clock
   * whose tick 0 fell at {@code -originNs}: {@code out[0..n)} are the SYN offsets from {@code t0}
   * and {@code out[n]} the give-up offset (at most the schedule's cap). Allocates nothing.
   *
   * @return {@code n}, the number of SYNs
   */
  public int offsets(long t0, long originNs, long[] out) {
    long expires = wheel.jiffyAt(t0, originNs) + rtoJiffies[0];
    long clk = expires - rtoJiffies[0];
    out[0] = 0;
    int n = 1;
    for (int k = 0; ; k++) {
      long b = wheel.fires(expires, clk);
      long at = wheel.tickAt(b, originNs) - t0;
      if (syn.expires(k, at, limitNs)) {
        out[n] = Math.min(at, syn.capNs());
        return n;
      }
      out[n++] = at;
      expires = b + rtoJiffies[k + 1];
      clk = b + 1;
    }
  }

  /**
   * The give-up over every phase of the jiffies clock: the first SYN at any jiffy (its rounding
   * repeats every {@code 8^level} jiffies of the longest timer) and anywhere within it.
   *
   * @param earliestNs the earliest, with the first SYN at the last nanosecond of a tick
   * @param latestNs the latest, with the first SYN right on a tick
   * @param meanNs the mean over a uniform phase
   */
  public record Range(long earliestNs, long latestNs, long meanNs) {}

  /** The give-up range over the clock's phase (see {@link Range}). */
  public Range giveUpRange() {
    long[] out = new long[bufferLength()];
    long late = wheel.tickNs() - 1;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    double sum = 0;
    for (long j = 0; j < period; j++) {
      // the first SYN right on tick j, and at the last nanosecond of it: between the two every
      // time shrinks alike, unless an expiry crosses the time limit (then one end shows it)
      long t = wheel.tickAt(j, 0);
      long onTick = out[offsets(t, 0, out)];
      long endOfTick = out[offsets(t + late, 0, out)];
      min = Math.min(min, endOfTick);
      max = Math.max(max, onTick);
      sum += (onTick + (double) endOfTick) / 2;
    }
    return new Range(min, max, Math.round(sum / period));
  }
}
