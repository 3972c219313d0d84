package org.dialsim.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dialsim.engine.Time;
import org.junit.jupiter.api.Test;

class SynScheduleTest {
  @Test
  void classicWindowsSendsAt0And3And9AndGivesUpAt21() {
    SynSchedule s = new SynSchedule(3 * Time.S, 2, 0, Time.NEVER);
    assertArrayEquals(new long[] {0, 3 * Time.S, 9 * Time.S}, s.synOffsets());
    assertEquals(21 * Time.S, s.giveUpNs());
  }

  @Test
  void linuxSixRetriesOfOneSecondGiveUpAt127() {
    SynSchedule s = new SynSchedule(Time.S, 6, 0, Time.NEVER);
    assertArrayEquals(new long[] {0, 1, 3, 7, 15, 31, 63}, java.util.Arrays.stream(s.synOffsets()).map(t -> t / Time.S).toArray());
    assertEquals(127 * Time.S, s.giveUpNs());
  }

  @Test
  void linearFirstKeepsTheInitialRtoBeforeDoubling() {
    // Documentation/networking/ip-sysctl.rst: "With an initial RTO of 1 and tcp_syn_linear_timeouts = 4
    // we would expect SYN RTOs to be: 1, 1, 1, 1, 1, 2, 4, ..." so SYNs at 0..5 and 7, give-up at 11
    SynSchedule s = new SynSchedule(Time.S, 6, 4, Time.NEVER);
    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 7}, java.util.Arrays.stream(s.synOffsets()).map(t -> t / Time.S).toArray());
    assertEquals(11 * Time.S, s.giveUpNs());
  }

  @Test
  void capEndsTheAttemptEarly() {
    // modern Windows: 1 s, 4 retries would give up at 31 s; the 21 s ceiling wins
    SynSchedule s = new SynSchedule(Time.S, 4, 0, 21 * Time.S);
    assertEquals(21 * Time.S, s.giveUpNs());
    assertEquals(5, s.synOffsets().length);
  }
}
