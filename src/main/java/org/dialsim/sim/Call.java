package org.dialsim.sim;

import java.util.Arrays;
import org.dialsim.dns.Resolution;
import org.dialsim.engine.Simulator;
import org.dialsim.engine.Time;
import org.dialsim.model.Family;
import org.dialsim.stack.Dial;
import org.dialsim.stack.Strategy;

/**
 * One call in flight: its tries, its DNS resolution, its candidates and their attempts, and the
 * timers it has set. Calls are pooled: a slot is taken when a call starts and given back when it
 * ends, so a replication holds only the calls in flight, whatever its length.
 *
 * <p>A call is the {@link Dial} its strategy sees. Its timers (deadline, wake-up, Resolution
 * Delay, retry backoff, one end per running attempt) live here, each with the time and the place
 * in the simulator's order it was given when set; the world queues only the earliest. A cancelled
 * timer is simply forgotten, so a call that connects before its deadline never touches the event
 * list for it.
 */
final class Call implements Dial {
  static final byte IDLE = 0;
  static final byte RUNNING = 1;
  static final byte ENDED = 2;

  /** Timer slots; attempt {@code i} ends at slot {@code ATTEMPT + i}. */
  static final int DEADLINE = 0;
  static final int WAKE = 1;
  static final int RESOLUTION_DELAY = 2;
  static final int RETRY = 3;
  static final int ATTEMPT = 4;
  /** A timer slot that is not set. */
  static final long UNSET = Long.MIN_VALUE;

  final int slot;
  private final World world;
  final Resolution resolution;
  final Strategy strategy;

  // the call
  boolean live;
  int client;
  int index;
  /** The call's identity in its replication: client x calls per client + index. */
  long serial;
  long startedAt;
  int tries;
  boolean done;
  int attempts;
  long wastedNs;
  int connectedAddress = -1;
  Tracer tracer = Tracer.NONE;

  // the current try
  long deadlineAt = Time.NEVER;
  boolean connecting;
  /** The try has ended and a retry waits for its backoff. */
  boolean tryOver;
  int running;

  // candidates and their attempts, by position in the order
  final int[] cand;
  int n;
  final byte[] state;
  final long[] attemptStart;
  final Outcome[] plannedOutcome;

  // timers, by slot
  final long[] timerAt;
  final long[] timerOrder;
  /** The event that stands for the earliest timer, and which timer it is. */
  long queued = Simulator.NO_EVENT;
  int queuedTimer = -1;
  long queuedAt;
  long queuedOrder;

  Call(int slot, World world, Resolution resolution, Strategy strategy, int capacity) {
    this.slot = slot;
    this.world = world;
    this.resolution = resolution;
    this.strategy = strategy;
    cand = new int[capacity];
    state = new byte[capacity];
    attemptStart = new long[capacity];
    plannedOutcome = new Outcome[capacity];
    timerAt = new long[ATTEMPT + capacity];
    timerOrder = new long[ATTEMPT + capacity];
    Arrays.fill(timerAt, UNSET);
  }

  /** Makes this slot call {@code index} of {@code client}, starting at {@code now}. */
  void start(int clientId, int callIndex, long callSerial, long now, Tracer t) {
    live = true;
    client = clientId;
    index = callIndex;
    serial = callSerial;
    startedAt = now;
    tries = 0;
    done = false;
    attempts = 0;
    wastedNs = 0;
    connectedAddress = -1;
    tracer = t;
  }

  /** Clears the per-try state for a new try; every timer is unset by then. */
  void resetTry() {
    deadlineAt = Time.NEVER;
    connecting = false;
    tryOver = false;
    running = 0;
    n = 0;
  }

  /** Appends one candidate. */
  void addCandidate(int address) {
    cand[n] = address;
    state[n] = IDLE;
    n++;
  }

  /** Position of an address among the candidates, or -1. */
  int indexOf(int address) {
    for (int i = 0; i < n; i++) {
      if (cand[i] == address) {
        return i;
      }
    }
    return -1;
  }

  /** True when timer {@code k} is set. */
  boolean timerSet(int k) {
    return timerAt[k] != UNSET;
  }

  // ---- what the strategy sees -----------------------------------------------------------------

  @Override
  public long now() {
    return world.now();
  }

  @Override
  public long deadline() {
    return deadlineAt;
  }

  @Override
  public int candidates() {
    return n;
  }

  @Override
  public Family family(int i) {
    return world.family(cand[i]);
  }

  @Override
  public boolean running(int i) {
    return state[i] == RUNNING;
  }

  @Override
  public int runningCount() {
    return running;
  }

  @Override
  public void start(int i, long limitNs) {
    world.startAttempt(this, i, limitNs);
  }

  @Override
  public void wakeAt(long t) {
    world.setTimer(this, WAKE, t);
  }

  @Override
  public void cancelWake() {
    timerAt[WAKE] = UNSET;
  }
}
