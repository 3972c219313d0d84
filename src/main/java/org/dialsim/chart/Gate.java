package org.dialsim.chart;

/**
 * A gate a background task waits at between its steps: {@link #hold()} closes it, {@link
 * #release()} opens it and wakes whoever waits. Open when made; closing or opening it twice is
 * harmless, and so is either when nobody waits.
 */
final class Gate {
  private boolean held;

  /** Closes the gate: the next {@link #pass()} waits. */
  synchronized void hold() {
    held = true;
  }

  /** Opens the gate and wakes the waiting. */
  synchronized void release() {
    if (held) {
      held = false;
      notifyAll();
    }
  }

  /** Returns at once when open, else when the gate opens. */
  synchronized void pass() throws InterruptedException {
    while (held) {
      wait();
    }
  }
}
