package org.dialsim.stack;

import org.dialsim.engine.Time;

/**
 * One attempt at a time, in order; the next starts when the previous one has failed.
 *
 * <p>The same strategy serves {@code abort-advance}: every attempt but the last is abandoned
 * after attempt_delay and the next address is tried. That is Node.js {@code net.connect} with
 * {@code autoSelectFamily} (lib/net.js {@code internalConnectMultiple},
 * {@code autoSelectFamilyAttemptTimeout}, 250 ms by default, 500 ms in newer releases). An
 * abandoned attempt is not resumed, so on a path whose RTT exceeds the delay every address but
 * the last is given up before its SYN-ACK can arrive (nodejs/node issues 47822 and 54359).
 */
public final class Sequential implements Strategy {
  private final StackConfig stack;
  private final long abortAfterNs;
  private int next;

  /**
   * A sequential run under this stack's limits.
   *
   * @param stack the stack
   * @param abortAdvance true to abandon every attempt but the last after attempt_delay
   */
  public Sequential(StackConfig stack, boolean abortAdvance) {
    this.stack = stack;
    this.abortAfterNs = abortAdvance ? stack.attemptDelayNs() : Time.NEVER;
  }

  @Override
  public void reset() {
    next = 0;
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
    if (next >= d.candidates() || AttemptLimits.outOfTime(d)) {
      return;
    }
    int i = next++;
    boolean last = next >= d.candidates();
    long limit = AttemptLimits.limit(stack, d, d.candidates() - i, isLastOfFamily(d, i));
    d.start(i, last ? limit : Math.min(limit, abortAfterNs));
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
