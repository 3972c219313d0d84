package org.dialsim.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dialsim.engine.Time;
import org.junit.jupiter.api.Test;

/**
 * Linux's SYN timers on the kernel's timer wheel (kernel/time/timer.c calc_wheel_index(),
 * calc_index()): a timer armed {@code delta} jiffies ahead goes on the first level n with delta <
 * 63 x 8^n and fires at the next multiple of 8^n jiffies strictly above its expiry; a timer
 * re-armed in its callback at bucket B expires at B + rto with the wheel clock at B + 1.
 */
class SynWheelTest {
  private static final long MS = Time.MS;
  private static final long S = Time.S;

  private static SynWheel wheel(int retries, int linear, int hz) {
    return new SynWheel(new SynSchedule(S, retries, linear, Time.NEVER, SynSchedule.GiveUp.LINUX, 120 * S, hz));
  }

  /** The SYN offsets and then the give-up, in ms, for a first SYN at {@code t0} on a clock whose tick 0 is at 0. */
  private static long[] chain(SynWheel w, long t0) {
    long[] out = new long[w.bufferLength()];
    int n = w.offsets(t0, 0, out);
    return Arrays.stream(Arrays.copyOf(out, n + 1)).map(t -> t / MS).toArray();
  }

  @Test
  void levelsAndRoundingFollowTheKernelsArithmetic() {
    TimerWheel w = new TimerWheel(250);
    // level 0 below 63 jiffies (granularity 1), level 1 from 63 (8), level 2 from 504 (64)
    assertEquals(0, w.level(62));
    assertEquals(1, w.level(63));
    assertEquals(1, w.level(503));
    assertEquals(2, w.level(504));
    // a 250-jiffy timer armed at clock 0 (level 1): (250 >> 3) + 1 = 32 buckets of 8 = 256;
    // a level-0 timer still fires one jiffy late ("Round up with level granularity")
    assertEquals(256, w.fires(250, 0));
    assertEquals(11, w.fires(10, 0));
    // an expiry on a bucket boundary goes to the next one: 256 + 250 = 506 -> 512
    assertEquals(512, w.fires(506, 257));
    // beyond the wheel's capacity (LVL_START(9) = 63 x 8^8) a timer runs at clk + WHEEL_TIMEOUT_MAX
    long cutoff = 63L << 24;
    long max = cutoff - (1L << 24);
    assertEquals(max + (1L << 24), w.fires(cutoff + 5, 0)); // (max >> 24) + 1 buckets of 2^24
    // HZ 100 has one level fewer (LVL_DEPTH 8)
    assertEquals(7, new TimerWheel(100).level(Long.MAX_VALUE / 2));
    assertEquals(8, w.level(Long.MAX_VALUE / 2));
  }

  @Test
  void jiffiesAndTicksConvertBothWays() {
    TimerWheel w = new TimerWheel(300);
    // msecs_to_jiffies rounds up: 1 ms at HZ 300 (3.33 ms a tick) is one jiffy, 1 s is 300
    assertEquals(1, w.jiffies(MS));
    assertEquals(300, w.jiffies(S));
    // jiffies_to_msecs rounds up too: one jiffy is 4 ms, 300 are 1000 ms
    assertEquals(4 * MS, w.millisNs(1));
    assertEquals(S, w.millisNs(300));
    // tick 1 comes at the first nanosecond at or after 1/300 s, and the clock reads 1 there
    assertEquals(3_333_334, w.tickAt(1, 0));
    assertEquals(1, w.jiffyAt(w.tickAt(1, 0), 0));
    assertEquals(0, w.jiffyAt(w.tickAt(1, 0) - 1, 0));
  }

  @Test
  void oneRetryAtPhaseZeroByHand() {
    // HZ 250, first SYN right on tick 0. Timer 1: expires 250, clock 0, level 1: fires at 256
    // (1.024 s). Re-armed: expires 256 + 250 = 506, clock 257: fires at 512 (2.048 s). Then 762,
    // clock 513: 768 (3.072 s); two retransmissions are out and 3.072 s >= T = 3 s: give-up
    assertArrayEquals(new long[] {0, 1024, 2048, 3072}, chain(wheel(1, 4, 250), 0));
    // without linear timeouts the second timer is 2 s: 256 + 500 = 756 -> 760 (3.040 s), and
    // one retransmission there with 3.040 >= 3 s gives up
    assertArrayEquals(new long[] {0, 1024, 3040}, chain(wheel(1, 0, 250), 0));
  }

  @Test
  void theFirstTimerFeelsWhereInItsTickTheFirstSynWent() {
    // first SYN 1 ms into tick 0: the 256-jiffy bucket still runs at 1.024 s, 1.023 s after it;
    // every later timer starts at a bucket boundary, so the rest keeps the chain's steps
    assertArrayEquals(new long[] {0, 1023, 2047, 3071}, chain(wheel(1, 4, 250), MS));
    // first SYN on tick 1: expires 251 -> 256 again, 1.020 s later
    assertArrayEquals(new long[] {0, 1020, 2044, 3068}, chain(wheel(1, 4, 250), 4 * MS));
  }

  @Test
  void theModelReproducesEveryTraceMeasuredOnLinux618() {
    // Measured on Linux 6.18.44 (CONFIG_HZ 250) in network namespaces with a blackholed address,
    // kernel packet timestamps in ms from the first SYN (notes/issue-13.md section 1.5): the SYN
    // times, then ETIMEDOUT. For each there is a phase of the jiffies clock at which every time
    // of the model lies within 2.5 ms (the timestamps' own 1 ms, and the 0.25 ms phase grid here)
    long[][] measured = {
      {1, 4, 0, 1004, 2028, 3052},
      {1, 0, 0, 1003, 3019},
      {2, 4, 0, 1020, 2044, 3068, 4092, 5116, 7132},
      {2, 4, 0, 1011, 2035, 3059, 4083, 5107, 7123},
      {2, 4, 0, 1027, 2048, 3071, 4095, 5123, 7137},
      {2, 4, 0, 1023, 2047, 3072, 4095, 5119, 7135},
      {2, 0, 0, 1020, 3036, 7072},
      {2, 0, 0, 1008, 3024, 7280},
      {2, 0, 0, 1015, 3031, 7063},
      {3, 4, 0, 1018, 2042, 3066, 4090, 5114, 7130, 11354, 19546},
      {6, 4, 0, 1007, 2031, 3055, 4079, 5103, 7119, 11343, 19535, 35663, 68943, 134479},
      {6, 4, 0, 1019, 2043, 3067, 4091, 5115, 7131, 11355, 19547, 35675, 68959, 134495},
      {6, 0, 0, 1019, 3035, 7259, 15451, 31579, 64859, 130398},
      {6, 0, 0, 1004, 3020, 7243, 15436, 31564, 64844, 130384},
    };
    for (long[] m : measured) {
      SynWheel w = wheel((int) m[0], (int) m[1], 250);
      long[] out = new long[w.bufferLength()];
      double best = Double.MAX_VALUE;
      // the rounding repeats every 8^3 = 512 jiffies (the 64 s timer's level granularity)
      for (long j = 0; j < 512; j++) {
        for (int quarter = 0; quarter < 16; quarter++) {
          int n = w.offsets(4 * MS * j + quarter * MS / 4, 0, out);
          if (n + 3 != m.length) {
            continue;
          }
          double err = 0;
          for (int i = 0; i <= n; i++) {
            err = Math.max(err, Math.abs(out[i] / 1e6 - m[2 + i]));
          }
          best = Math.min(best, err);
        }
      }
      assertTrue(best <= 2.5, "retries " + m[0] + ", linear " + m[1] + ": " + best + " ms at best");
    }
  }

  @Test
  void giveUpRangesOverEveryPhase() {
    // the earliest, latest and mean give-up over every phase of the clock, as an independent
    // enumeration found them (notes/issue-13.md section 2.4, 2^15 jiffies and the phase within a
    // tick); each measured ETIMEDOUT above lies inside its range
    assertRange(wheel(6, 4, 250), 133_256, 135_304, 134_280);
    assertRange(wheel(6, 0, 250), 129_160, 131_208, 130_184);
    assertRange(wheel(2, 4, 250), 7_112, 7_144, 7_128);
    assertRange(wheel(2, 0, 250), 7_048, 7_304, 7_176);
    assertRange(wheel(1, 4, 250), 3_048, 3_080, 3_064);
    assertRange(wheel(3, 4, 250), 19_336, 19_592, 19_464);
    assertRange(wheel(6, 4, 1000), 132_392, 136_488, 134_440);
    assertRange(wheel(6, 0, 1000), 128_296, 132_392, 130_344);
  }

  private static void assertRange(SynWheel w, long earliestMs, long latestMs, long meanMs) {
    SynWheel.Range r = w.giveUpRange();
    assertEquals(earliestMs, Math.round(r.earliestNs() / 1e6), "earliest");
    assertEquals(latestMs, Math.round(r.latestNs() / 1e6), "latest");
    assertEquals(meanMs, Math.round(r.meanNs() / 1e6), "mean");
  }
}
