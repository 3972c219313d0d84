package org.dialsim.stack;

import org.dialsim.engine.Time;

/**
 * Linux's timer wheel: when a {@code timer_list} armed to expire at jiffy {@code expires} really
 * runs, and how jiffies relate to time at a given {@code CONFIG_HZ}.
 *
 * <p>TCP's retransmission timer is a {@code timer_list} (tcp_init_xmit_timers() ->
 * inet_csk_init_xmit_timers(), re-armed with sk_reset_timer() -> mod_timer()), not an hrtimer, so
 * it fires on the non-cascading wheel of kernel/time/timer.c (torvalds/linux, Linux 4.8 and
 * later; read at 0010b838db9f and the 6.18.y tree). {@code calc_wheel_index()} puts a timer on
 * the first level {@code n} with {@code expires - clk < LVL_START(n + 1)}, where
 * {@code LVL_START(n) = 63 << 3(n - 1)} jiffies, and {@code calc_index()} rounds its expiry up to
 * the next multiple of that level's granularity {@code 8^n} strictly above it ("The timer wheel
 * has to guarantee that a timer does not fire early ... Round up with level granularity"). So a
 * 1 s timer at HZ 250 (250 jiffies, level 1) fires 1 to 8 jiffies late and a 64 s timer (16000
 * jiffies, level 3) up to 512 jiffies (2.048 s) late.
 */
public final class TimerWheel {
  /** The {@code CONFIG_HZ} choices of kernel/Kconfig.hz (default {@code HZ_250}). */
  static final int[] HZ_CHOICES = {100, 250, 300, 1000};
  /** {@code LVL_CLK_SHIFT}: each level is 8 times coarser than the one below. */
  private static final int LVL_CLK_SHIFT = 3;
  /** {@code LVL_SIZE - 1}: the last bucket of a level ({@code LVL_BITS} 6, 64 buckets). */
  private static final long LVL_LAST = 63;

  private final int hz;
  private final int depth;
  private final long cutoff;
  private final long timeoutMax;

  /** The wheel of a kernel built with {@code CONFIG_HZ = hz}. */
  public TimerWheel(int hz) {
    if (!isHz(hz)) {
      throw new IllegalArgumentException("CONFIG_HZ is one of 100, 250, 300, 1000");
    }
    this.hz = hz;
    // "#if HZ > 100 # define LVL_DEPTH 9 # else # define LVL_DEPTH 8"
    this.depth = hz > 100 ? 9 : 8;
    // WHEEL_TIMEOUT_CUTOFF = LVL_START(LVL_DEPTH); WHEEL_TIMEOUT_MAX = CUTOFF - LVL_GRAN(LVL_DEPTH - 1)
    this.cutoff = levelStart(depth);
    this.timeoutMax = cutoff - (1L << (LVL_CLK_SHIFT * (depth - 1)));
  }

  /** The {@code CONFIG_HZ} values Linux offers. */
  public static java.util.List<Integer> hzChoices() {
    return java.util.Arrays.stream(HZ_CHOICES).boxed().toList();
  }

  /** True for a {@code CONFIG_HZ} value Linux offers. */
  public static boolean isHz(int hz) {
    for (int h : HZ_CHOICES) {
      if (h == hz) {
        return true;
      }
    }
    return false;
  }

  /** The ticks per second. */
  public int hz() {
    return hz;
  }

  /** {@code LVL_START(n)}: the smallest delta that goes on level {@code n}. */
  private static long levelStart(int n) {
    return LVL_LAST << ((n - 1) * LVL_CLK_SHIFT);
  }

  /** The wheel level a timer {@code delta} jiffies ahead goes on ({@code calc_wheel_index()}). */
  int level(long delta) {
    for (int lvl = 0; lvl < depth - 1; lvl++) {
      if (delta < levelStart(lvl + 1)) {
        return lvl;
      }
    }
    return depth - 1;
  }

  /**
   * The jiffy at which a timer armed to expire at {@code expires}, while the wheel's clock read
   * {@code clk}, runs: its bucket's expiry ({@code calc_wheel_index()}, {@code calc_index()}),
   * {@code ((expires >> 3 lvl) + 1) << 3 lvl}; beyond the wheel's capacity it runs at
   * {@code clk + WHEEL_TIMEOUT_MAX} ("Force expire obscene large timeouts").
   */
  public long fires(long expires, long clk) {
    long delta = expires - clk;
    int lvl = level(delta);
    if (lvl == depth - 1 && delta >= cutoff) {
      expires = clk + timeoutMax;
    }
    int shift = lvl * LVL_CLK_SHIFT;
    return ((expires >> shift) + 1) << shift;
  }

  /** A duration in jiffies, rounded up as {@code msecs_to_jiffies()} does. */
  public long jiffies(long ns) {
    if (ns == Time.NEVER) {
      return Long.MAX_VALUE / 4;
    }
    return Math.min(Long.MAX_VALUE / 4, (ns / Time.S) * hz + ceilDiv((ns % Time.S) * hz, Time.S));
  }

  /** Jiffies as nanoseconds, in whole milliseconds rounded up as {@code jiffies_to_msecs()} does. */
  public long millisNs(long jiffies) {
    long ms = Time.add(SynSchedule.times(jiffies / hz, 1000), ceilDiv((jiffies % hz) * 1000, hz));
    return SynSchedule.times(ms, Time.MS);
  }

  /** The jiffies counter at simulated time {@code t} on a clock whose tick 0 fell at {@code -originNs}. */
  public long jiffyAt(long t, long originNs) {
    long x = t + originNs;
    return (x / Time.S) * hz + ((x % Time.S) * hz) / Time.S;
  }

  /** When tick {@code k} of that clock comes: the first nanosecond at or after it. */
  public long tickAt(long k, long originNs) {
    return (k / hz) * Time.S + ceilDiv((k % hz) * Time.S, hz) - originNs;
  }

  /** One tick, rounded up to the nanosecond. */
  public long tickNs() {
    return ceilDiv(Time.S, hz);
  }

  /**
   * The jiffies over which the bucket rounding of timers up to {@code maxJiffies} repeats: a
   * level-{@code n} timer's bucket depends on its expiry modulo {@code 8^n}.
   */
  public long period(long maxJiffies) {
    return 1L << (LVL_CLK_SHIFT * level(maxJiffies));
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
