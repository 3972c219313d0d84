package org.dialsim.stack;

import static org.dialsim.model.Family.IPV4;
import static org.dialsim.model.Family.IPV6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dialsim.engine.Time;
import org.dialsim.sim.Fixtures;
import org.dialsim.stack.FakeDial.Start;
import org.junit.jupiter.api.Test;

/** {@link FirstOnly} on a {@link FakeDial}: Java's {@code new Socket(host, port)} tries the first address only. */
class FirstOnlyTest {
  private static final long MS = Time.MS;
  private static final long S = Time.S;

  @Test
  void triesTheFirstAddressAndNothingAfterItFails() {
    FirstOnly s = new FirstOnly(Fixtures.stack(StrategyKind.FIRST_ONLY));
    FakeDial d = new FakeDial(IPV6, IPV4);
    s.begin(d);
    assertTrue(s.exhausted(d), "nothing more to start once the first has");
    d.at(21 * S);
    d.fail(s, 0);
    d.add(IPV4);
    s.more(d);
    assertEquals(List.of(new Start(0, 0, Time.NEVER)), d.acts());
  }

  @Test
  void theAttemptGetsTheApplicationsLimit() {
    // a single address is its family's last and the only one left: an even split gives it the
    // whole 5 s that remain, which is no split, so attempt_timeout (10 s) is the limit and the
    // deadline cuts it at 5 s
    StackConfig st = Fixtures.stackBuilder(StrategyKind.FIRST_ONLY).attemptTimeout(10 * S).split(TimeoutSplit.EVEN).build();
    FirstOnly s = new FirstOnly(st);
    FakeDial d = new FakeDial(IPV4).deadline(5 * S);
    s.begin(d);
    assertEquals(List.of(new Start(0, 0, 10 * S)), d.starts());
  }

  @Test
  void withNoAddressYetItWaitsForOne() {
    FirstOnly s = new FirstOnly(Fixtures.stack(StrategyKind.FIRST_ONLY));
    FakeDial d = new FakeDial();
    s.begin(d);
    assertTrue(s.exhausted(d), "nothing to start: the call fails once DNS is done");
    d.at(30 * MS);
    d.add(IPV4);
    assertFalse(s.exhausted(d));
    s.more(d);
    assertEquals(List.of(new Start(30 * MS, 0, Time.NEVER)), d.starts());
  }

  @Test
  void resetForgetsThePreviousTry() {
    FirstOnly s = new FirstOnly(Fixtures.stack(StrategyKind.FIRST_ONLY));
    s.begin(new FakeDial(IPV6));
    s.reset();
    FakeDial second = new FakeDial(IPV4);
    assertFalse(s.exhausted(second));
    s.begin(second);
    assertEquals(List.of(new Start(0, 0, Time.NEVER)), second.starts(), "a retry tries its first address again");
  }
}
