package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import org.dialsim.engine.Time;
import org.dialsim.model.Topology;
import org.dialsim.stack.Memory;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.junit.jupiter.api.Test;

/**
 * {@code memory.learn}: which failed attempts avoid-failed remembers, seen in a call retry (the
 * scenarios/ci/retry-policy.yaml case). A stale record and a down fe1 come first; fe2 works.
 */
class MemoryLearnTest {
  private static final long MS = Time.MS;

  private static Topology pool() {
    return Fixtures.world().stale("192.0.2.99").host("192.0.2.1", false).host("192.0.2.2", true).build();
  }

  private static StackConfig ucmaLike(Memory memory) {
    return Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).deadline(30 * Time.S).retries(1, Time.S).memory(memory).build();
  }

  @Test
  void anAttemptCutByTheDeadlineIsNotLearnedByDefault() {
    // try 1: DNS answers at 5 ms; .99 times out at 21.005 s (learned), .1 runs until the 30 s
    // deadline cuts it (not learned). Try 2 at 31 s (answer cached): .99 goes last, .1 first
    // again, times out at 52 s, then .2 connects one 20 ms RTT later: 52.020 s
    CallTrace t = Fixtures.trace(pool(), ucmaLike(new Memory(Memory.Kind.AVOID_FAILED, 10 * Time.M)), 0, 0);
    assertEquals("192.0.2.99=timeout 192.0.2.1=cancelled 192.0.2.1=timeout 192.0.2.2=connected", Fixtures.outcomes(t));
    assertEquals(52_020 * MS, t.endNs());
  }

  @Test
  void learningCutAttemptsSendsTheRetryToTheAddressNotYetTried() {
    // as above, but the cut .1 is learned too: try 2 at 31 s puts both dead addresses last and
    // connects to .2 at once: 31.020 s
    Memory learnsCuts = new Memory(Memory.Kind.AVOID_FAILED, 10 * Time.M, EnumSet.of(Memory.Learn.TIMEOUT,
        Memory.Learn.REFUSED, Memory.Learn.UNREACHABLE, Memory.Learn.CUT));
    CallTrace t = Fixtures.trace(pool(), ucmaLike(learnsCuts), 0, 0);
    assertEquals("192.0.2.99=timeout 192.0.2.1=cancelled 192.0.2.2=connected", Fixtures.outcomes(t));
    assertEquals(31_020 * MS, t.endNs());
  }

  @Test
  void aMemoryThatLearnsNothingKeepsTheStacksOrder() {
    // learn: [] remembers no failure: try 2 repeats try 1 (.99 times out at 52 s, the deadline
    // cuts .1 at 61 s) and the call fails
    CallTrace t = Fixtures.trace(pool(), ucmaLike(new Memory(Memory.Kind.AVOID_FAILED, 10 * Time.M,
        EnumSet.noneOf(Memory.Learn.class))), 0, 0);
    assertEquals("192.0.2.99=timeout 192.0.2.1=cancelled 192.0.2.99=timeout 192.0.2.1=cancelled", Fixtures.outcomes(t));
  }
}
