package org.dialsim.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.dialsim.engine.Time;
import org.junit.jupiter.api.Test;

/**
 * The SYN schedules, nominal (timers on time). The Linux rule is net/ipv4/tcp_timer.c
 * tcp_write_timeout() as in 6.18.y: at the expiry of the timer armed after SYN k (k
 * retransmissions sent) the socket gives up if k >= retries + linear_first, or if k >= 1 and the
 * time since the first SYN is at least the model T = (2^(retries+1) - 1) x initial RTO (with the
 * 120 s ceiling reached after ilog2(120 s / initial RTO) doublings). The timers: initial RTO for
 * the first linear_first + 1, then doubling, at most TCP_RTO_MAX.
 */
class SynScheduleTest {
  private static final long S = Time.S;

  /** A Linux 6.5+ schedule (1 s initial RTO, 120 s ceiling) with these retries and linear timeouts. */
  private static SynSchedule linux(int retries, int linear) {
    return linux(S, retries, linear);
  }

  private static SynSchedule linux(long initialRto, int retries, int linear) {
    return new SynSchedule(initialRto, retries, linear, Time.NEVER, SynSchedule.GiveUp.LINUX, 120 * S, SynSchedule.NO_WHEEL);
  }

  private static long[] seconds(SynSchedule s) {
    return Arrays.stream(s.synOffsets()).map(t -> t / S).toArray();
  }

  @Test
  void classicWindowsSendsAt0And3And9AndGivesUpAt21() {
    SynSchedule s = new SynSchedule(3 * S, 2, 0, Time.NEVER);
    assertArrayEquals(new long[] {0, 3 * S, 9 * S}, s.synOffsets());
    assertEquals(21 * S, s.giveUpNs());
  }

  @Test
  void textbookSixRetriesOfOneSecondGiveUpAt127() {
    SynSchedule s = new SynSchedule(S, 6, 0, Time.NEVER);
    assertArrayEquals(new long[] {0, 1, 3, 7, 15, 31, 63}, seconds(s));
    assertEquals(127 * S, s.giveUpNs());
  }

  @Test
  void countRuleWithLinearFirstKeepsTheInitialRtoBeforeDoubling() {
    // ip-sysctl.rst: "With an initial RTO of 1 and tcp_syn_linear_timeouts = 4 we would expect
    // SYN RTOs to be: 1, 1, 1, 1, 1, 2, 4, ..." so SYNs at 0..5 and 7; the count rule stops
    // after 6 retransmissions, at 7 + 4 = 11 s
    SynSchedule s = new SynSchedule(S, 6, 4, Time.NEVER);
    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 7}, seconds(s));
    assertEquals(11 * S, s.giveUpNs());
  }

  @Test
  void capEndsTheAttemptEarly() {
    // modern Windows: 1 s, 4 retries would give up at 31 s; the 21 s ceiling wins
    SynSchedule s = new SynSchedule(S, 4, 0, 21 * S);
    assertEquals(21 * S, s.giveUpNs());
    assertEquals(5, s.synOffsets().length);
  }

  @Test
  void linuxTwoRetriesWithFourLinearTimeoutsStopAtTheTimeLimit() {
    // T = (2^3 - 1) x 1 s = 7 s. Expiries at 1, 2, 3, 4, 5 s (the five 1 s timers) and 7 s (the
    // first doubled one). At 5 s only 4 retransmissions are out and 5 < 7; at 7 s 5 < 6 = 2 + 4,
    // but 7 >= 7: six SYNs, give-up at 7 s
    SynSchedule s = linux(2, 4);
    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, seconds(s));
    assertEquals(7 * S, s.giveUpNs());
  }

  @Test
  void linuxOneRetryWithFourLinearTimeouts() {
    // T = (2^2 - 1) x 1 s = 3 s: expiries at 1 s (none sent yet), 2 s (1 sent, 2 < 3) and 3 s
    // (2 sent, 3 >= 3): SYNs at 0, 1, 2 s, give-up at 3 s
    SynSchedule s = linux(1, 4);
    assertArrayEquals(new long[] {0, 1, 2}, seconds(s));
    assertEquals(3 * S, s.giveUpNs());
  }

  @Test
  void linuxThreeRetriesWithFourLinearTimeoutsStopAtTheCountNotTheTime() {
    // T = 15 s, but at the 15 s the time limit would take there is no expiry: expiries fall at
    // 1, 2, 3, 4, 5, 7, 11, 19 s. At 19 s 7 retransmissions are out = 3 + 4: give-up at 19 s,
    // 4 s (the linear timeouts) after the exponential model. A "time only" rule would say 15 s
    SynSchedule s = linux(3, 4);
    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 7, 11}, seconds(s));
    assertEquals(19 * S, s.giveUpNs());
    assertEquals(15 * S, s.linuxLimitNs());
  }

  @Test
  void linuxDefaultsGiveUpAt131AndWithoutLinearTimeoutsAt127() {
    // Linux 6.5+: ten retransmissions (6 + 4) at 1, 2, 3, 4, 5, 7, 11, 19, 35, 67 s; the 64 s
    // timer after the last expires at 131 s ("the final timeout for an active TCP connection
    // attempt will happen after 131seconds", ip-sysctl.rst). Without linear timeouts (5.4 to 6.4)
    // both limits meet at 127 s
    SynSchedule current = linux(6, 4);
    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67}, seconds(current));
    assertEquals(131 * S, current.giveUpNs());
    SynSchedule classic = linux(6, 0);
    assertArrayEquals(new long[] {0, 1, 3, 7, 15, 31, 63}, seconds(classic));
    assertEquals(127 * S, classic.giveUpNs());
  }

  @Test
  void theRtoCeilingCapsTimersAndTheModel() {
    // 7 retries, no linear timeouts: timers 1, 2, ..., 64 s, then 128 s capped at 120 s, so the
    // last SYN at 127 s and the give-up at 247 s; the model: ilog2(120 / 1) = 6 doublings, then
    // T = (2^7 - 1) x 1 s + (7 - 6) x 120 s = 247 s. With 4 linear timeouts the count (11
    // retransmissions) ends it: SYNs up to 131 s, give-up at 131 + 120 = 251 s
    SynSchedule seven = linux(7, 0);
    assertEquals(127 * S, seven.synOffsets()[7]);
    assertEquals(247 * S, seven.giveUpNs());
    assertEquals(247 * S, seven.linuxLimitNs());
    SynSchedule sevenLinear = linux(7, 4);
    assertEquals(131 * S, sevenLinear.synOffsets()[11]);
    assertEquals(251 * S, sevenLinear.giveUpNs());
  }

  @Test
  void linuxWithAThreeSecondInitialRto() {
    // timers 3, 3, 3, 3, 3, then 6 s: SYNs at 0, 3, 6, 9, 12, 15 s; T = 7 x 3 s = 21 s is met
    // at the expiry at 21 s (5 retransmissions out, fewer than 6)
    SynSchedule s = linux(3 * S, 2, 4);
    assertArrayEquals(new long[] {0, 3, 6, 9, 12, 15}, seconds(s));
    assertEquals(21 * S, s.giveUpNs());
  }
}
