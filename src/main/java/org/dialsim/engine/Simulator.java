package org.dialsim.engine;

/**
 * Runs events in (time, kind priority, sequence) order on an exact nanosecond clock.
 *
 * <p>One instance per replication and thread: it holds no static state. Event kinds are small
 * integers chosen by the model, each with a fixed priority for ties at the same instant. The
 * simulator numbers every scheduling act in one sequence; a model that keeps timers of its own
 * (and queues only the earliest of them) takes each timer's place in that sequence with
 * {@link #order(int)} when it sets the timer, so the run is event for event the one it would be
 * if every timer were queued.
 *
 * <p>Events can be kept in several lanes, each its own event list, by kind; the next event is
 * the earliest head of any lane by (time, order key), so the order is exactly that of one list.
 * A model puts a large, cold population (one pending arrival per client) in a lane of its own,
 * and the few events it touches most (the timers of the calls in flight) stay in a small list
 * that fits in cache.
 */
public final class Simulator {
  /** A handle value that never names an event. */
  public static final long NO_EVENT = -1L;

  private static final int LANE_SHIFT = 62;
  private static final long HANDLE_MASK = (1L << LANE_SHIFT) - 1;

  private final EventList[] lanes;
  // the lanes some kind goes to: the only ones the next event can be in (a route is set with none pending)
  private final EventList[] routed;
  private int routedCount;
  private final int[] laneOfKind;
  private final int[] priorityOfKind;
  private long now;
  private long processed;
  private long sequence;
  private boolean stopped;

  /**
   * Creates a simulator.
   *
   * @param priorityOfKind priority (0..127, lower first) for each event kind used
   * @param capacity initial queue capacity
   */
  public Simulator(int[] priorityOfKind, int capacity) {
    this(priorityOfKind, new CalendarQueue(capacity));
  }

  /** Creates a simulator on a given event list (benchmarks compare lists this way). */
  public Simulator(int[] priorityOfKind, EventList queue) {
    this(priorityOfKind, new int[priorityOfKind.length], new EventList[] {queue});
  }

  /**
   * Creates a simulator whose events of kind {@code k} go to {@code lanes[laneOfKind[k]]}.
   *
   * @param priorityOfKind priority (0..127, lower first) for each event kind used
   * @param laneOfKind the lane of each event kind
   * @param lanes the event lists, at most 3
   */
  public Simulator(int[] priorityOfKind, int[] laneOfKind, EventList[] lanes) {
    this.priorityOfKind = priorityOfKind.clone();
    for (int p : this.priorityOfKind) {
      EventList.orderKey(p, 0); // checks the range once, not per event
    }
    if (lanes.length == 0 || lanes.length > 3) {
      throw new IllegalArgumentException("1 to 3 lanes");
    }
    this.lanes = lanes.clone();
    this.routed = new EventList[lanes.length];
    this.laneOfKind = new int[priorityOfKind.length];
    route(laneOfKind);
  }

  /**
   * From now on, events of kind {@code k} go to lane {@code laneOfKind[k]}: a model that runs in
   * two shapes (every client at once, or one client at a time with a handful of pending events)
   * keeps a lane for each and routes by the shape of the run. Call it with no event pending.
   */
  public void route(int[] laneOfKind) {
    if (laneOfKind.length != priorityOfKind.length) {
      throw new IllegalArgumentException("one lane per kind: " + laneOfKind.length + " lanes for "
          + priorityOfKind.length + " kinds");
    }
    if (pending() != 0) {
      throw new IllegalStateException("routes change only with no event pending, and " + pending() + " are");
    }
    for (int lane : laneOfKind) {
      if (lane < 0 || lane >= lanes.length) {
        throw new IllegalArgumentException("lane " + lane + " of " + lanes.length);
      }
    }
    System.arraycopy(laneOfKind, 0, this.laneOfKind, 0, laneOfKind.length);
    int used = 0;
    for (int lane : laneOfKind) {
      used |= 1 << lane;
    }
    routedCount = 0;
    for (int l = 0; l < lanes.length; l++) {
      if ((used & (1 << l)) != 0) {
        routed[routedCount++] = lanes[l];
      }
    }
  }

  /** The current simulated time in nanoseconds. */
  public long now() {
    return now;
  }

  /** Events run since the last {@link #reset()}. */
  public long processed() {
    return processed;
  }

  /** Pending events. */
  public int pending() {
    int n = 0;
    for (EventList l : lanes) {
      n += l.size();
    }
    return n;
  }

  /**
   * The order key of an event of {@code kind} scheduled now: its priority and the next place in
   * the scheduling sequence. Keys from later calls order after earlier ones of the same priority.
   */
  public long order(int kind) {
    return ((long) priorityOfKind[kind] << EventList.SEQUENCE_BITS) | sequence++;
  }

  /** Schedules an event at an absolute time, which must not lie in the past. */
  public long at(long time, int kind, int a, long b) {
    return at(time, order(kind), kind, a, b);
  }

  /** Schedules an event with an order key taken earlier from {@link #order(int)}. */
  public long at(long time, long order, int kind, int a, long b) {
    if (time < now) {
      throw new IllegalArgumentException("event in the past: " + time + " < " + now);
    }
    int lane = laneOfKind[kind];
    return lanes[lane].push(time, order, kind, a, b) | ((long) lane << LANE_SHIFT);
  }

  /** Schedules an event {@code delay} nanoseconds from now (saturating at {@link Time#NEVER}). */
  public long after(long delay, int kind, int a, long b) {
    return at(Time.add(now, delay), kind, a, b);
  }

  /** Cancels a pending event; a stale or used handle is ignored. */
  public boolean cancel(long handle) {
    return handle != NO_EVENT && lanes[(int) (handle >>> LANE_SHIFT)].cancel(handle & HANDLE_MASK);
  }

  /** Runs events until none is left, {@link #stop()} is called, or time would pass {@code until}. */
  public void run(EventHandler handler, long until) {
    stopped = false;
    while (!stopped) {
      EventList queue = next();
      if (queue == null || queue.peekTime() > until) {
        break;
      }
      int slot = queue.poll();
      now = queue.time(slot);
      processed++;
      handler.handle(queue.kind(slot), queue.argA(slot), queue.argB(slot));
    }
  }

  /** The lane whose head comes first, or null when nothing is pending. */
  private EventList next() {
    EventList best = null;
    long bestTime = 0;
    long bestOrder = 0;
    for (int i = 0; i < routedCount; i++) {
      EventList l = routed[i];
      if (l.isEmpty()) {
        continue;
      }
      long t = l.peekTime();
      if (best == null || t < bestTime || (t == bestTime && l.peekOrder() < bestOrder)) {
        best = l;
        bestTime = t;
        bestOrder = l.peekOrder();
      }
    }
    return best;
  }

  /** Runs events until none is left or {@link #stop()} is called. */
  public void run(EventHandler handler) {
    run(handler, Long.MAX_VALUE);
  }

  /** Makes {@link #run} return after the current event. */
  public void stop() {
    stopped = true;
  }

  /** Clears all events, the clock and the sequence, keeping the arrays. */
  public void reset() {
    restart();
    processed = 0;
  }

  /**
   * Clears every pending event and sets the clock back to 0, but keeps counting events: for a
   * run made of independent pieces, each starting at time 0 (one client after another), whose
   * {@link #processed()} is the sum of theirs.
   */
  public void restart() {
    for (EventList l : lanes) {
      l.clear();
    }
    now = 0;
    sequence = 0;
    stopped = false;
  }
}
