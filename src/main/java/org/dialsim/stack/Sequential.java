package org.dialsim.stack;

/** One attempt at a time, in order; the next starts when the previous one has failed. */
public final class Sequential implements Strategy {
  private final StackConfig stack;
  private int next;

  /** A sequential run under this stack's limits. */
  public Sequential(StackConfig stack) {
    this.stack = stack;
  }

  @Override
  public void begin(Dial d) {
    startNext(d);
  }

  @Override
  public void failed(Dial d, int i) {
    startNext(d);
  }

  @Override
  public void more(Dial d) {
    if (d.runningCount() == 0) {
      startNext(d);
    }
  }

  private void startNext(Dial d) {
    if (next < d.candidates() && !AttemptLimits.outOfTime(d)) {
      int i = next++;
      int left = d.candidates() - i;
      d.start(i, AttemptLimits.limit(stack, d, left, isLastOfFamily(d, i)));
    }
  }

  static boolean isLastOfFamily(Dial d, int i) {
    for (int j = i + 1; j < d.candidates(); j++) {
      if (d.family(j) == d.family(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean exhausted(Dial d) {
    return next >= d.candidates();
  }
}
