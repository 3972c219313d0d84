package org.dialsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gate the chart warm-up waits at while a long run's first replications run. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GateTest {
  @Test
  void anOpenGateLetsThrough() throws InterruptedException {
    Gate gate = new Gate();
    gate.pass(); // open when made
    gate.hold();
    gate.release();
    gate.release(); // twice is harmless
    gate.pass();
  }

  @Test
  void aHeldGateStopsTheTaskUntilReleased() throws InterruptedException {
    Gate gate = new Gate();
    gate.hold();
    gate.hold(); // twice is harmless
    AtomicBoolean passed = new AtomicBoolean();
    Thread task = new Thread(() -> {
      try {
        gate.pass();
        passed.set(true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    task.start();
    while (task.getState() != Thread.State.WAITING) {
      assertTrue(task.isAlive(), "the task went through a held gate");
      Thread.onSpinWait();
    }
    assertFalse(passed.get());
    gate.release();
    task.join();
    assertTrue(passed.get());
  }

  @Test
  void aTaskInterruptedAtAHeldGateStops() throws InterruptedException {
    Gate gate = new Gate();
    gate.hold();
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread task = new Thread(() -> {
      try {
        gate.pass();
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
    });
    task.start();
    while (task.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    task.interrupt();
    task.join();
    assertEquals(true, interrupted.get());
  }
}
