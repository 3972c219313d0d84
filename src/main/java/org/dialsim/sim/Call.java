package org.dialsim.sim;

import org.dialsim.dns.Resolution;
import org.dialsim.dns.ServiceResolution;
import org.dialsim.engine.Simulator;
import org.dialsim.engine.Time;
import org.dialsim.model.Family;
import org.dialsim.stack.Dial;
import org.dialsim.stack.Endpoint;
import org.dialsim.stack.Strategy;

/**
 * One call in flight: its tries, its DNS resolution, its candidates and their attempts, and the
 * timers it has set. Calls are pooled: a slot is taken when a call starts and given back when it
 * ends, so a replication holds only the calls in flight, whatever its length.
 *
 * <p>A call shows its strategy a {@link Dial} ({@link #first}, and {@link #backup} for a
 * backup connect job). Its timers (deadline, wake-up, Resolution
 * Delay, retry backoff, one end per running attempt) live here, each with the time and the place
 * in the simulator's order it was given when set; the world queues only the earliest. A cancelled
 * timer is simply forgotten, so a call that connects before its deadline never touches the event
 * list for it.
 */
final class Call {
  static final byte IDLE = 0;
  static final byte RUNNING = 1;
  static final byte ENDED = 2;

  /** Timer slots; attempt {@code i} ends at slot {@code ATTEMPT + i}. */
  static final int DEADLINE = 0;
  static final int WAKE = 1;
  static final int RESOLUTION_DELAY = 2;
  static final int RETRY = 3;
  /** The backup connect job's timer: its start, then its strategy's wake-ups. */
  static final int BACKUP = 4;
  static final int ATTEMPT = 5;
  /** A timer slot that is not set. */
  static final long UNSET = Long.MIN_VALUE;

  final int slot;
  private final World world;
  final Resolution resolution;
  /** The resolution of a stack that queries HTTPS records, or null (then {@link #resolution} runs). */
  final ServiceResolution service;
  final Strategy strategy;
  /** The first connect job's view of the candidates. */
  final Dial first = new Job(false);
  /** The backup connect job's own strategy and view of the candidates, or null without one. */
  final Strategy backupStrategy;
  final Dial backup;

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
  /** When the try's first QUIC attempt failed, or {@link Time#NEVER} (for {@code quic.memory}). */
  long quicFailedAt = Time.NEVER;
  /** The backup connect job runs: candidates {@code [jobN, n)} are its copies of {@code [0, jobN)}. */
  boolean backupStarted;
  /** Attempts of the backup job running now. */
  int backupRunning;

  /** Candidates known so far (a late DNS answer may add more), the backup job's copies included. */
  int n;
  /** The first job's candidates, {@code [0, jobN)}: all of them until a backup job starts. */
  int jobN;
  // A call's state is a few objects, not a dozen: when a call's timer fires 21 s after the last
  // one, all of it is cold, and each object is another cache miss. By position in the order:
  // ints holds each candidate's address number, then each attempt's state, then its planned
  // outcome, then what it is besides its address (an Endpoint: transport, port, ALPN, record);
  // words holds each timer's time and place in the order, then each attempt's start.
  private final int capacity;
  private final int[] ints;
  private final long[] words;
  private final int timers;
  /** The event that stands for the earliest timer, and which timer it is. */
  long queued = Simulator.NO_EVENT;
  int queuedTimer = -1;
  long queuedAt;
  long queuedOrder;

  Call(int slot, World world, Resolution resolution, ServiceResolution service, Strategy strategy,
      Strategy backupStrategy, int capacity) {
    this.slot = slot;
    this.world = world;
    this.resolution = resolution;
    this.service = service;
    this.strategy = strategy;
    this.backupStrategy = backupStrategy;
    this.backup = backupStrategy == null ? null : new Job(true);
    this.capacity = capacity;
    this.timers = ATTEMPT + capacity;
    ints = new int[4 * capacity];
    words = new long[2 * timers + 2 * capacity];
    clearTimers();
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
    backupStarted = false;
    backupRunning = 0;
    n = 0;
    quicFailedAt = Time.NEVER;
    jobN = 0;
  }

  /** Appends one candidate (to the first job: no candidate comes once a backup job runs). */
  void addCandidate(int address) {
    addCandidate(address, Endpoint.PLAIN_TCP);
  }

  /** Appends one candidate with what it is besides its address (a packed {@link Endpoint}). */
  void addCandidate(int address, int endpoint) {
    ints[n] = address;
    ints[capacity + n] = IDLE;
    ints[3 * capacity + n] = endpoint;
    n++;
    jobN = n;
  }

  /**
   * Starts the backup job: a copy of every TCP candidate of the first job, in the same order (a
   * QUIC endpoint has no backup: Chromium's backup job belongs to the TCP socket pool).
   */
  void startBackupJob() {
    for (int i = 0; i < jobN; i++) {
      if (Endpoint.quic(ints[3 * capacity + i])) {
        continue;
      }
      ints[n] = ints[i];
      ints[capacity + n] = IDLE;
      ints[3 * capacity + n] = ints[3 * capacity + i];
      n++;
    }
    backupStarted = true;
  }

  /** True when candidate {@code i} belongs to the backup job. */
  boolean ofBackupJob(int i) {
    return i >= jobN;
  }

  /** Drops the candidates from {@code k} on; none of them may have started (nor a backup job). */
  void truncate(int k) {
    n = k;
    jobN = k;
  }

  /** Candidate {@code i}'s packed {@link Endpoint}. */
  int endpoint(int i) {
    return ints[3 * capacity + i];
  }

  /** The candidates' packed endpoints: the {@link #n} numbers of the returned array from {@link #endpointOffset()}. */
  int[] endpointList() {
    return ints;
  }

  /** Where the packed endpoints start in {@link #endpointList()}. */
  int endpointOffset() {
    return 3 * capacity;
  }

  /** Position of an address among the candidates, or -1. */
  int indexOf(int address) {
    for (int i = 0; i < n; i++) {
      if (ints[i] == address) {
        return i;
      }
    }
    return -1;
  }

  /** The address number of candidate {@code i}. */
  int cand(int i) {
    return ints[i];
  }

  /** The candidates' address numbers: the first {@link #n} numbers of the returned array. */
  int[] candidateList() {
    return ints;
  }

  /** The attempt state of candidate {@code i}: {@link #IDLE}, {@link #RUNNING} or {@link #ENDED}. */
  int state(int i) {
    return ints[capacity + i];
  }

  /** Marks the attempt on candidate {@code i} started at {@code now}, to end as {@code outcome}. */
  void started(int i, long now, Outcome outcome) {
    ints[capacity + i] = RUNNING;
    ints[2 * capacity + i] = outcome.ordinal();
    words[2 * timers + i] = now;
  }

  /** Marks the attempt on candidate {@code i} over. */
  void ended(int i) {
    ints[capacity + i] = ENDED;
  }

  /** Records the round trip of the exchange that will connect candidate {@code i}. */
  void setExchangeRtt(int i, long rtt) {
    words[2 * timers + capacity + i] = rtt;
  }

  /** The round trip of the exchange that connects candidate {@code i} (set when it was worked out to connect). */
  long exchangeRtt(int i) {
    return words[2 * timers + capacity + i];
  }

  /** Replaces not-started candidate {@code i} (or appends it at {@link #n}) of the first job, before any backup job. */
  void setCandidate(int i, int address, int endpoint) {
    ints[i] = address;
    ints[capacity + i] = IDLE;
    ints[3 * capacity + i] = endpoint;
    if (i == n) {
      n++;
      jobN = n;
    }
  }

  /** When the attempt on candidate {@code i} started. */
  long attemptStart(int i) {
    return words[2 * timers + i];
  }

  /** How the attempt on candidate {@code i} was worked out to end. */
  Outcome plannedOutcome(int i) {
    return Outcome.ALL.get(ints[2 * capacity + i]);
  }

  /** When timer {@code k} falls, or {@link #UNSET}. */
  long timerAt(int k) {
    return words[2 * k];
  }

  /** Timer {@code k}'s place in the simulator's order. */
  long timerOrder(int k) {
    return words[2 * k + 1];
  }

  /** Sets timer {@code k} at {@code at} with order key {@code order}. */
  void setTimer(int k, long at, long order) {
    words[2 * k] = at;
    words[2 * k + 1] = order;
  }

  /** Unsets timer {@code k}. */
  void clearTimer(int k) {
    words[2 * k] = UNSET;
  }

  /** Unsets every timer. */
  void clearTimers() {
    for (int k = 0; k < timers; k++) {
      words[2 * k] = UNSET;
    }
  }

  /** True when timer {@code k} is set. */
  boolean timerSet(int k) {
    return words[2 * k] != UNSET;
  }

  /**
   * One connect job's view of the call, the {@link Dial} its strategy sees: the first job's
   * candidates are {@code [0, jobN)} with the {@link #WAKE} timer, the backup job's are its copies
   * {@code [jobN, n)}, numbered from 0, with the {@link #BACKUP} timer.
   */
  private final class Job implements Dial {
    private final boolean isBackup;

    Job(boolean isBackup) {
      this.isBackup = isBackup;
    }

    private int first() {
      return isBackup ? jobN : 0;
    }

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
      return isBackup ? n - jobN : jobN;
    }

    @Override
    public Family family(int i) {
      return world.family(ints[first() + i]);
    }

    @Override
    public boolean running(int i) {
      return ints[capacity + first() + i] == RUNNING;
    }

    @Override
    public int runningCount() {
      return isBackup ? backupRunning : running - backupRunning;
    }

    @Override
    public void start(int i, long limitNs) {
      world.attempts.startAttempt(Call.this, first() + i, limitNs);
    }

    @Override
    public void wakeAt(long t) {
      world.agenda.setTimer(Call.this, isBackup ? BACKUP : WAKE, t);
    }

    @Override
    public void cancelWake() {
      clearTimer(isBackup ? BACKUP : WAKE);
    }

    @Override
    public boolean quic(int i) {
      return Endpoint.quic(ints[3 * capacity + first() + i]);
    }

    @Override
    public long tcpHoldBackNs() {
      return world.attempts.tcpHoldBack(Call.this);
    }

    @Override
    public void tcpJob(boolean started) {
      if (!isBackup) {
        world.attempts.tcpJob(Call.this, started);
      }
    }
  }
}
