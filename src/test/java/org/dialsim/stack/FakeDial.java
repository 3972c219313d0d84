package org.dialsim.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dialsim.engine.Time;
import org.dialsim.model.Family;

/**
 * A {@link Dial} a test drives by hand: it records what the strategy asks for ({@code start},
 * {@code wakeAt}, {@code cancelWake}, each with the time it was asked), and the test sets the
 * clock, the deadline and the candidates, fires the wake-up and reports failures. It keeps the
 * world's bookkeeping a strategy relies on: an attempt runs from its start until the test
 * fails it, and a candidate is never started twice.
 */
final class FakeDial implements Dial {
  /** One request of the strategy. */
  sealed interface Act permits Start, WakeAt, CancelWake {}

  /** {@code start(i, limitNs)} asked at {@code at}. */
  record Start(long at, int i, long limitNs) implements Act {}

  /** {@code wakeAt(wakeNs)} asked at {@code at}. */
  record WakeAt(long at, long wakeNs) implements Act {}

  /** {@code cancelWake()} asked at {@code at}. */
  record CancelWake(long at) implements Act {}

  private final List<Family> families = new ArrayList<>();
  private final List<Act> acts = new ArrayList<>();
  private boolean[] running = new boolean[0];
  private boolean[] started = new boolean[0];
  private long now;
  private long deadline = Time.NEVER;
  private long wake = Time.NEVER;
  private int reported; // starts already handed out by newStarts()

  /** A call whose candidates have these families, in order. */
  FakeDial(Family... candidates) {
    add(candidates);
  }

  /** Sets the call's deadline (absolute). */
  FakeDial deadline(long at) {
    deadline = at;
    return this;
  }

  /** Moves the clock to {@code t}; it never goes back, and never past a pending wake-up. */
  FakeDial at(long t) {
    if (t < now) {
      throw new IllegalArgumentException("time goes forward: " + t + " < " + now);
    }
    if (t > wake) {
      throw new IllegalStateException("a wake-up at " + wake + " is due before " + t);
    }
    now = t;
    return this;
  }

  /** Appends candidates (a late DNS answer); the test then calls {@link Strategy#more}. */
  void add(Family... more) {
    families.addAll(Arrays.asList(more));
    running = Arrays.copyOf(running, families.size());
    started = Arrays.copyOf(started, families.size());
  }

  /** The attempt on candidate {@code i} fails now: the strategy hears of it, as the world tells it. */
  void fail(Strategy s, int i) {
    if (!running[i]) {
      throw new IllegalStateException("candidate " + i + " is not running");
    }
    running[i] = false;
    s.failed(this, i);
  }

  /** The pending wake-up comes: the clock moves to it and the strategy is woken. */
  void wake(Strategy s) {
    if (wake == Time.NEVER) {
      throw new IllegalStateException("no wake-up pending");
    }
    now = wake;
    wake = Time.NEVER;
    s.wake(this);
  }

  /** When the pending wake-up falls, {@link Time#NEVER} for none. */
  long pendingWake() {
    return wake;
  }

  /** Every request so far, in order. */
  List<Act> acts() {
    return List.copyOf(acts);
  }

  /** The starts so far, in order. */
  List<Start> starts() {
    List<Start> out = new ArrayList<>();
    for (Act a : acts) {
      if (a instanceof Start s) {
        out.add(s);
      }
    }
    return out;
  }

  /** The starts made since the last call of this method, in order, and forgets them. */
  List<Start> newStarts() {
    List<Start> all = starts();
    List<Start> out = List.copyOf(all.subList(reported, all.size()));
    reported = all.size();
    return out;
  }

  @Override
  public long now() {
    return now;
  }

  @Override
  public long deadline() {
    return deadline;
  }

  @Override
  public int candidates() {
    return families.size();
  }

  @Override
  public Family family(int i) {
    return families.get(i);
  }

  @Override
  public boolean running(int i) {
    return running[i];
  }

  @Override
  public int runningCount() {
    int n = 0;
    for (boolean r : running) {
      n += r ? 1 : 0;
    }
    return n;
  }

  @Override
  public void start(int i, long limitNs) {
    if (started[i]) {
      throw new IllegalStateException("candidate " + i + " started twice");
    }
    started[i] = true;
    running[i] = true;
    acts.add(new Start(now, i, limitNs));
  }

  @Override
  public void wakeAt(long t) {
    if (t < now) {
      throw new IllegalStateException("wake-up in the past: " + t + " < " + now);
    }
    wake = t;
    acts.add(new WakeAt(now, t));
  }

  @Override
  public void cancelWake() {
    wake = Time.NEVER;
    acts.add(new CancelWake(now));
  }
}
