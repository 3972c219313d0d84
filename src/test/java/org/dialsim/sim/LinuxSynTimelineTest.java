package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dialsim.engine.Time;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Delay;
import org.dialsim.model.Family;
import org.dialsim.model.Match;
import org.dialsim.model.PathRule;
import org.dialsim.model.Topology;
import org.dialsim.scenario.Profiles;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stack.SynSchedule;
import org.dialsim.stack.SynWheel;
import org.junit.jupiter.api.Test;

/**
 * Linux's SYN_SENT give-up rule and its timer wheel in whole calls. One blackholed IPv4 address,
 * DNS answering in 5 ms, so the attempt starts at 5 ms and every time below is 5 ms plus the
 * kernel's: net/ipv4/tcp_timer.c tcp_write_timeout() gives up at a timer expiry once
 * retransmissions >= tcp_syn_retries + tcp_syn_linear_timeouts, or (after one retransmission)
 * once the time since the first SYN reaches (2^(retries+1) - 1) x 1 s; the timers are 1 s for the
 * first linear + 1, then doubling.
 */
class LinuxSynTimelineTest {
  private static final long MS = Time.MS;
  private static final long S = Time.S;

  private static Topology blackholed() {
    return Fixtures.world().host("192.0.2.1", true)
        .path(new PathRule(new Match.ToFamily(Family.IPV4), Behaviour.BLACKHOLE, 0, null)).build();
  }

  /** A sequential stack with Linux's rule: 1 s initial RTO, these retries and linear timeouts, timers on time. */
  private static StackConfig linux(int retries, int linear) {
    return Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).syn(new SynSchedule(S, retries, linear, Time.NEVER,
        SynSchedule.GiveUp.LINUX, 120 * S, SynSchedule.NO_WHEEL)).build();
  }

  private static CallTrace.Attempt only(StackConfig stack) {
    CallTrace t = Fixtures.trace(blackholed(), stack, 0, 0);
    assertEquals(1, t.attempts().size());
    return t.attempts().get(0);
  }

  @Test
  void retriesTwoWithFourLinearTimeoutsSendsSixSynsAndGivesUpAtSevenSeconds() {
    // timers of 1 s after SYNs 0..4, so SYNs at 0, 1, 2, 3, 4, 5 s; the next timer is 2 s and
    // expires at 7 s, where 5 retransmissions < 6 allowed but 7 s >= (2^3 - 1) x 1 s
    CallTrace.Attempt a = only(linux(2, 4));
    assertArrayEquals(new long[] {5 * MS, 1005 * MS, 2005 * MS, 3005 * MS, 4005 * MS, 5005 * MS}, a.synsNs());
    assertEquals(7005 * MS, a.endNs());
    assertEquals(Outcome.TIMEOUT, a.outcome());
  }

  @Test
  void retriesOneSendsThreeSynsAndGivesUpAtThreeSeconds() {
    // 1 s timers; at 2 s one retransmission is out and 2 < 3 s; at 3 s 3 >= (2^2 - 1) x 1 s
    CallTrace.Attempt a = only(linux(1, 4));
    assertArrayEquals(new long[] {5 * MS, 1005 * MS, 2005 * MS}, a.synsNs());
    assertEquals(3005 * MS, a.endNs());
  }

  @Test
  void retriesThreeGivesUpAtNineteenSecondsOnTheCount() {
    // the time limit would be 15 s, but no timer expires then: the expiries are at 1, 2, 3, 4,
    // 5, 7, 11 and 19 s, and at 19 s the 7 retransmissions reach 3 + 4. A rule on time alone
    // would end the attempt at 15 s
    CallTrace.Attempt a = only(linux(3, 4));
    assertEquals(8, a.synsNs().length);
    assertEquals(11_005 * MS, a.synsNs()[7]);
    assertEquals(19_005 * MS, a.endNs());
  }

  @Test
  void theTimerWheelPutsEveryGiveUpInItsRangeAndClientsApart() {
    // syn linux (6 retries, 4 linear, HZ 250): on paper 131 s; on the wheel each client's
    // jiffies clock has its own phase, so give-ups spread over the range of every phase
    // (SynWheelTest: 133.256 to 135.304 s) and differ from client to client
    Topology t = Fixtures.world().host("192.0.2.1", true).workload(12, 1)
        .path(new PathRule(new Match.ToFamily(Family.IPV4), Behaviour.BLACKHOLE, 0, null)).build();
    StackConfig stack = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).syn(Profiles.synPreset("linux")).build();
    SynWheel.Range range = new SynWheel(stack.syn()).giveUpRange();
    Set<Long> seen = new HashSet<>();
    for (int client = 0; client < 12; client++) {
      CallTrace.Attempt a = Fixtures.trace(t, stack, client, 0).attempts().get(0);
      long giveUp = a.endNs() - a.startNs();
      assertTrue(giveUp >= range.earliestNs() && giveUp <= range.latestNs(), "client " + client + ": " + giveUp);
      assertEquals(11, a.synsNs().length);
      seen.add(giveUp);
    }
    assertTrue(seen.size() > 6, "phases differ between clients: " + seen);
  }

  @Test
  void theClockPhaseMovesNoOtherDraw() {
    // every SYN is answered at once here (lognormal RTT, no loss), so the timer wheel changes no
    // time; the clocks' own stream must leave the RTT, DNS and arrival draws as they were
    Topology t = Fixtures.world().host("192.0.2.1", true).host("2001:db8::1", true).workload(9, 4)
        .rtt(new Delay.LogNormal(20 * MS, 90 * MS)).build();
    StackConfig wheel = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).syn(Profiles.synPreset("linux")).build();
    StackConfig onTime = Fixtures.onTime(wheel);
    assertNotEquals(onTime.syn(), wheel.syn());
    for (int r = 0; r < 5; r++) {
      assertEquals(establishTimes(t, onTime, r), establishTimes(t, wheel, r), "replication " + r);
    }
  }

  private static List<Long> establishTimes(Topology t, StackConfig stack, int replication) {
    List<Long> out = new ArrayList<>();
    new World(new Plan(t, stack), 5).run(replication, (c, i, ok, e, a, w) -> out.add(ok ? e : -1));
    return out;
  }
}
