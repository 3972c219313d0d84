package org.dialsim.stack;

import org.dialsim.engine.Time;
import org.dialsim.model.Family;

/**
 * One sequential racer per family. The primary racer takes the family of the first candidate
 * and starts at once; the fallback racer takes the other family and starts after attempt_delay,
 * or at once when the primary racer has run out of addresses. The first connection wins.
 *
 * <p>This is Go's {@code dialParallel} (net/dial.go: primaries and fallbacks partitioned by the
 * first address's family, a fallback timer of 300 ms that is reset to 0 when the primary
 * fails), Chromium's 300 ms IPv6 fallback job and curl up to 8.14's two-family eyeballer. Each
 * racer shares the deadline among its own addresses when {@code timeout_split} asks for it, as
 * Go's {@code dialSerial} does with {@code partialDeadline(now, deadline, len(ras)-i)}.
 */
public final class FamilyRace implements Strategy {
  private final StackConfig stack;
  private Family primary;
  private int primaryNext;
  private int fallbackNext;
  private boolean fallbackStarted;
  private int primaryRunning = -1;
  private int fallbackRunning = -1;

  /** A family race under this stack's delay and limits. */
  public FamilyRace(StackConfig stack) {
    this.stack = stack;
  }

  @Override
  public void reset() {
    primary = null;
    primaryNext = 0;
    fallbackNext = 0;
    fallbackStarted = false;
    primaryRunning = -1;
    fallbackRunning = -1;
  }

  @Override
  public void begin(Dial d) {
    if (d.candidates() == 0) {
      return;
    }
    primary = d.family(0);
    advance(d, true);
    if (!fallbackStarted && hasNext(d, false, fallbackNext)) {
      if (primaryRunning < 0) {
        startFallback(d);
      } else {
        d.wakeAt(Time.add(d.now(), stack.attemptDelayNs()));
      }
    }
  }

  @Override
  public void wake(Dial d) {
    startFallback(d);
  }

  @Override
  public void failed(Dial d, int i) {
    boolean isPrimary = d.family(i) == primary;
    if (isPrimary) {
      primaryRunning = -1;
      advance(d, true);
      if (primaryRunning < 0 && !fallbackStarted) {
        // the primary racer is out of addresses: Go resets the fallback timer to 0
        startFallback(d);
      }
    } else {
      fallbackRunning = -1;
      advance(d, false);
    }
  }

  @Override
  public void more(Dial d) {
    if (primary == null) {
      begin(d);
      return;
    }
    if (primaryRunning < 0) {
      advance(d, true);
    }
    if (fallbackStarted && fallbackRunning < 0) {
      advance(d, false);
    } else if (!fallbackStarted && primaryRunning < 0) {
      startFallback(d);
    } else if (!fallbackStarted && hasNext(d, false, fallbackNext)) {
      d.wakeAt(Time.add(d.now(), stack.attemptDelayNs()));
    }
  }

  private void startFallback(Dial d) {
    d.cancelWake();
    fallbackStarted = true;
    advance(d, false);
  }

  private void advance(Dial d, boolean isPrimary) {
    if (AttemptLimits.outOfTime(d)) {
      return;
    }
    int from = isPrimary ? primaryNext : fallbackNext;
    int i = nextIndex(d, isPrimary, from);
    if (i < 0) {
      if (isPrimary) {
        primaryNext = d.candidates();
      } else {
        fallbackNext = d.candidates();
      }
      return;
    }
    int left = 0;
    for (int j = i; j < d.candidates(); j++) {
      if ((d.family(j) == primary) == isPrimary) {
        left++;
      }
    }
    if (isPrimary) {
      primaryNext = i + 1;
      primaryRunning = i;
    } else {
      fallbackNext = i + 1;
      fallbackRunning = i;
    }
    d.start(i, AttemptLimits.limit(stack, d, left, left == 1));
  }

  private int nextIndex(Dial d, boolean isPrimary, int from) {
    for (int j = from; j < d.candidates(); j++) {
      if ((d.family(j) == primary) == isPrimary) {
        return j;
      }
    }
    return -1;
  }

  private boolean hasNext(Dial d, boolean isPrimary, int from) {
    return nextIndex(d, isPrimary, from) >= 0;
  }

  @Override
  public boolean exhausted(Dial d) {
    if (primary == null) {
      return d.candidates() == 0;
    }
    boolean primaryDone = !hasNext(d, true, primaryNext);
    boolean fallbackDone = !hasNext(d, false, fallbackNext);
    return primaryDone && fallbackDone;
  }
}
