package org.dialsim.stack;

/** Tries only the first address, as {@code new Socket(host, port)} does in Java. */
public final class FirstOnly implements Strategy {
  private final StackConfig stack;
  private boolean started;

  /** A first-only run under this stack's limits. */
  public FirstOnly(StackConfig stack) {
    this.stack = stack;
  }

  @Override
  public void reset() {
    started = false;
  }

  @Override
  public void begin(Dial d) {
    if (!started && d.candidates() > 0 && !AttemptLimits.outOfTime(d)) {
      started = true;
      d.start(0, AttemptLimits.limit(stack, d, 1, true));
    }
  }

  @Override
  public void failed(Dial d, int i) {
    // nothing more to try: the call fails
  }

  @Override
  public void more(Dial d) {
    begin(d);
  }

  @Override
  public boolean exhausted(Dial d) {
    // with no usable address there is nothing to start: the call fails (once DNS is done)
    return started || d.candidates() == 0;
  }
}
