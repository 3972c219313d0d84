package org.dialsim.stack;

/**
 * Sequential, but every attempt except the last is abandoned after attempt_delay and the next
 * address is tried: Node.js {@code net.connect} with {@code autoSelectFamily}
 * (lib/net.js {@code internalConnectMultiple}, {@code autoSelectFamilyAttemptTimeout}, 250 ms
 * by default, 500 ms in newer releases). An abandoned attempt is not resumed, so on a path whose
 * RTT exceeds the delay every address but the last is given up before its SYN-ACK can arrive
 * (nodejs/node issues 47822 and 54359).
 */
public final class AbortAdvance implements Strategy {
  private final StackConfig stack;
  private int next;

  /** An abort-and-advance run under this stack's delay. */
  public AbortAdvance(StackConfig stack) {
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
    if (next >= d.candidates() || AttemptLimits.outOfTime(d)) {
      return;
    }
    int i = next++;
    boolean last = next >= d.candidates();
    long limit = AttemptLimits.limit(stack, d, d.candidates() - i, Sequential.isLastOfFamily(d, i));
    d.start(i, last ? limit : Math.min(limit, stack.attemptDelayNs()));
  }

  @Override
  public boolean exhausted(Dial d) {
    return next >= d.candidates();
  }
}
