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
 * fails), Chromium's 300 ms IPv6 fallback job and curl up to 8.15's two-family eyeballer. Each
 * racer shares the deadline among its own addresses when {@code timeout_split} asks for it, as
 * Go's {@code dialSerial} does with {@code partialDeadline(now, deadline, len(ras)-i)}.
 *
 * <p>With {@code advance: next-wakeup} (curl 7.88.0 to 8.3.x, lib/connect.c at curl-7_88_1) a
 * racer whose attempt failed does not start its next address at once: is_connected() calls
 * baller_start_next(), which only creates the address's connection filter (with its share of the
 * time, taken and timed from then), and the filter's {@code connect()} is issued by the next
 * pass. Passes come with every wake-up of the transfer: the happy-eyeballs timer
 * ({@code attempt_delay} after the start, armed once by start_connect() even with one family), the
 * end of any attempt, a waiting address's own split timer, and the application's wake-up
 * ({@code wakeup_every}: the curl tool's {@code curl_multi_poll(multi, NULL, 0, 1000, NULL)} in
 * lib/easy.c). Starting the other family ({@code goto evaluate}) runs another pass at once, so a
 * waiting address starts then too; and a primary racer with no address left starts the fallback
 * at once ({@code baller->primary->is_done}). Commit 01d8473b25 ("connect: expire the timeout
 * when trying next", first in curl 8.4.0) made every pass that creates a filter run the next
 * pass at once: {@code advance: immediate}.
 */
public final class FamilyRace implements Strategy {
  private final StackConfig stack;
  private final boolean nextWakeup;
  private Family primary;
  private int primaryNext;
  private int fallbackNext;
  private boolean fallbackStarted;
  private int primaryRunning = -1;
  private int fallbackRunning = -1;
  // advance: next-wakeup. A waiting address is the racer's next one (primaryNext or fallbackNext),
  // with the time its limit runs out, measured from when it was taken.
  private long beganAt;
  private long lastWakeAt;
  private boolean primaryWaits;
  private boolean fallbackWaits;
  private long primaryLimitAt;
  private long fallbackLimitAt;
  // each racer's per-address timer (baller_initiate(): Curl_expire(data, baller->timeoutms,
  // baller->timeout_id) when another address of the family follows); a later address of the
  // racer replaces it only if it sets one itself, so it can outlive the address that set it
  private long primaryTimerAt;
  private long fallbackTimerAt;

  /** A family race under this stack's delay and limits. */
  public FamilyRace(StackConfig stack) {
    this.stack = stack;
    this.nextWakeup = stack.advance() == Advance.NEXT_WAKEUP;
  }

  @Override
  public void reset() {
    primary = null;
    primaryNext = 0;
    fallbackNext = 0;
    fallbackStarted = false;
    primaryRunning = -1;
    fallbackRunning = -1;
    primaryWaits = false;
    fallbackWaits = false;
    primaryTimerAt = Time.NEVER;
    fallbackTimerAt = Time.NEVER;
  }

  @Override
  public void begin(Dial d) {
    if (d.candidates() == 0) {
      return;
    }
    primary = d.family(0);
    beganAt = d.now();
    lastWakeAt = beganAt;
    advance(d, true);
    if (!fallbackStarted && hasNext(d, false, fallbackNext)) {
      if (primaryRunning < 0) {
        startFallback(d);
      } else if (!nextWakeup) {
        d.wakeAt(Time.add(d.now(), stack.attemptDelayNs()));
      }
    }
    if (nextWakeup) {
      scheduleWake(d);
    }
  }

  @Override
  public void wake(Dial d) {
    if (!nextWakeup) {
      startFallback(d);
      return;
    }
    lastWakeAt = d.now();
    startWaiting(d);
    if (!fallbackStarted && hasNext(d, false, fallbackNext) && d.now() - beganAt >= stack.attemptDelayNs()) {
      startFallback(d);
    }
    scheduleWake(d);
  }

  @Override
  public void failed(Dial d, int i) {
    boolean isPrimary = d.family(i) == primary;
    if (nextWakeup) {
      // the failure is a wake-up: what waited starts, and the failed racer's next address waits
      lastWakeAt = d.now();
      startWaiting(d);
    }
    if (isPrimary) {
      primaryRunning = -1;
      if (nextWakeup && hasNext(d, true, primaryNext)) {
        take(d, true);
      } else {
        advance(d, true);
      }
      if (primaryRunning < 0 && !primaryWaits && !fallbackStarted) {
        // the primary racer is out of addresses: Go resets the fallback timer to 0
        startFallback(d);
      }
    } else {
      fallbackRunning = -1;
      if (nextWakeup && hasNext(d, false, fallbackNext)) {
        take(d, false);
      } else {
        advance(d, false);
      }
    }
    if (nextWakeup) {
      scheduleWake(d);
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
    } else if (!fallbackStarted && hasNext(d, false, fallbackNext) && !nextWakeup) {
      d.wakeAt(Time.add(d.now(), stack.attemptDelayNs()));
    }
    if (nextWakeup) {
      scheduleWake(d);
    }
  }

  private void startFallback(Dial d) {
    if (!nextWakeup) {
      d.cancelWake();
    }
    fallbackStarted = true;
    advance(d, false);
    if (nextWakeup) {
      // "goto evaluate": the pass that starts the other family connects what waits as well
      startWaiting(d);
    }
  }

  /** Starts the racer's next address now (a waiting one keeps the limit it was given). */
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
    long limit;
    boolean waited = isPrimary ? primaryWaits : fallbackWaits;
    if (waited) {
      long at = isPrimary ? primaryLimitAt : fallbackLimitAt;
      limit = at == Time.NEVER ? Time.NEVER : Math.max(0, at - d.now());
    } else {
      limit = limitFor(d, isPrimary, i);
      if (nextWakeup) {
        setTimer(d, isPrimary, i, limit);
      }
    }
    if (isPrimary) {
      primaryNext = i + 1;
      primaryRunning = i;
      primaryWaits = false;
    } else {
      fallbackNext = i + 1;
      fallbackRunning = i;
      fallbackWaits = false;
    }
    d.start(i, limit);
  }

  /** Takes the racer's next address to start at the next wake-up, its limit counted from now. */
  private void take(Dial d, boolean isPrimary) {
    int i = nextIndex(d, isPrimary, isPrimary ? primaryNext : fallbackNext);
    long limit = limitFor(d, isPrimary, i);
    long at = limit == Time.NEVER ? Time.NEVER : Time.add(d.now(), limit);
    setTimer(d, isPrimary, i, limit);
    if (isPrimary) {
      primaryNext = i;
      primaryWaits = true;
      primaryLimitAt = at;
    } else {
      fallbackNext = i;
      fallbackWaits = true;
      fallbackLimitAt = at;
    }
  }

  /** The racer's per-address timer, set when the address taken now has a successor of its family. */
  private void setTimer(Dial d, boolean isPrimary, int i, long limit) {
    if (limit == Time.NEVER || nextIndex(d, isPrimary, i + 1) < 0) {
      return;
    }
    if (isPrimary) {
      primaryTimerAt = Time.add(d.now(), limit);
    } else {
      fallbackTimerAt = Time.add(d.now(), limit);
    }
  }

  /** Starts every address that waits for a wake-up. */
  private void startWaiting(Dial d) {
    if (primaryWaits) {
      advance(d, true);
    }
    if (fallbackWaits) {
      advance(d, false);
    }
  }

  /**
   * Asks for the next wake-up that matters: the happy-eyeballs timer while something waits for
   * it, and while an address waits, the application's own wake-up and each racer's per-address
   * timer. The end of a running attempt is a wake-up by itself ({@link #failed}).
   */
  private void scheduleWake(Dial d) {
    boolean waits = primaryWaits || fallbackWaits;
    long t = Time.NEVER;
    long heTimer = Time.add(beganAt, stack.attemptDelayNs());
    if ((waits || (!fallbackStarted && hasNext(d, false, fallbackNext))) && heTimer > d.now()) {
      t = heTimer;
    }
    if (waits) {
      t = Math.min(t, Time.add(lastWakeAt, stack.wakeupEveryNs()));
      t = Math.min(t, primaryTimerAt > d.now() ? primaryTimerAt : Time.NEVER);
      t = Math.min(t, fallbackTimerAt > d.now() ? fallbackTimerAt : Time.NEVER);
    }
    if (t == Time.NEVER) {
      d.cancelWake();
    } else {
      d.wakeAt(t);
    }
  }

  /** The application's limit for an attempt on candidate {@code i} taken now. */
  private long limitFor(Dial d, boolean isPrimary, int i) {
    int left = 0;
    for (int j = i; j < d.candidates(); j++) {
      if ((d.family(j) == primary) == isPrimary) {
        left++;
      }
    }
    return AttemptLimits.limit(stack, d, left, left == 1);
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
