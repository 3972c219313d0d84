package org.dialsim.stack;

import org.dialsim.engine.Time;

/**
 * RFC 8305 section 5: start an attempt, and every attempt_delay start the next one while the
 * earlier ones keep running; when the most recently started attempt fails, start the next at
 * once (CPython's {@code staggered_race} signals the following attempt the same way). At most
 * {@code max_concurrent} run at a time; when the cap holds the next one back, it starts as soon
 * as any attempt fails.
 */
public final class Staggered implements Strategy {
  private final StackConfig stack;
  private int next;
  private int lastStarted = -1;
  private long lastStartAt;
  private boolean due;
  private boolean timerSet;

  /** A staggered run under this stack's delay and cap. */
  public Staggered(StackConfig stack) {
    this.stack = stack;
  }

  @Override
  public void reset() {
    next = 0;
    lastStarted = -1;
    lastStartAt = 0;
    due = false;
    timerSet = false;
  }

  @Override
  public void begin(Dial d) {
    startNext(d);
  }

  @Override
  public void failed(Dial d, int i) {
    if (i == lastStarted || due) {
      startNext(d);
    }
  }

  @Override
  public void wake(Dial d) {
    timerSet = false;
    startNext(d);
  }

  @Override
  public void more(Dial d) {
    if (d.runningCount() == 0 || due) {
      startNext(d);
    } else if (!timerSet && next < d.candidates()) {
      // the list had run out, so no timer was set: the newcomer starts one attempt delay
      // after the last start, or now if that has passed
      timerSet = true;
      d.wakeAt(Math.max(d.now(), Time.add(lastStartAt, stack.attemptDelayNs())));
    }
  }

  private void startNext(Dial d) {
    d.cancelWake();
    timerSet = false;
    if (next >= d.candidates() || AttemptLimits.outOfTime(d)) {
      due = false;
      return;
    }
    if (d.runningCount() >= stack.maxConcurrent()) {
      due = true;
      return;
    }
    due = false;
    int i = next++;
    lastStarted = i;
    lastStartAt = d.now();
    d.start(i, AttemptLimits.limit(stack, d, d.candidates() - i, Sequential.isLastOfFamily(d, i)));
    if (next < d.candidates()) {
      timerSet = true;
      d.wakeAt(Time.add(d.now(), stack.attemptDelayNs()));
    }
  }

  @Override
  public boolean exhausted(Dial d) {
    return next >= d.candidates();
  }
}
