package org.dialsim.sim;

import org.dialsim.dns.Caches;
import org.dialsim.dns.NameServer;
import org.dialsim.dns.Resolution;
import org.dialsim.dns.ServiceResolution;
import org.dialsim.engine.CalendarQueue;
import org.dialsim.engine.EventHandler;
import org.dialsim.engine.EventList;
import org.dialsim.engine.EventQueue;
import org.dialsim.engine.Simulator;
import org.dialsim.engine.Time;
import org.dialsim.model.Family;
import org.dialsim.stack.Endpoint;
import org.dialsim.stack.Memory;
import org.dialsim.stack.Order;
import org.dialsim.stack.Ordering;
import org.dialsim.stack.QuicRace;
import org.dialsim.stack.QuicRecall;
import org.dialsim.stack.Recall;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.Strategy;

/**
 * One replication of one configuration: every client's calls, their DNS queries and their
 * connection attempts, as events on a {@link Simulator}.
 *
 * <p>A replication runs in one of two shapes. Where no client's calls can touch another's
 * ({@link Plan#clientsIndependent}: no round-robin server, no random host failures), clients run
 * one after another, each from time 0 in a small heap of its own few events, so its streams, DNS
 * cache and memory stay in the processor's cache for all its calls; bench-1 ran about twice as
 * fast as with every client in one list, with the same events and calls. Otherwise, and for a
 * search or a trace that needs the calls in the order they end across clients, every client is
 * in one event list: it holds, at any moment, one arrival per client (a client's next call is
 * queued when its previous one starts), the DNS answers in flight, and for each call in flight
 * the earliest of its own timers ({@link Call}). Calls and queries are pooled; what each client
 * keeps (its streams, its DNS cache, its memory of addresses) is one row of a table per concern
 * ({@link ClientStreams}, {@link Caches}, {@link Recall}), built once and reset for every
 * replication the world runs. So memory is O(clients + calls in flight) and a replication in
 * steady state allocates nothing. A DNS answer with no latency is handled at once, as part of
 * the query.
 *
 * <p>An attempt is worked out SYN by SYN when it starts ({@link AttemptPath}) and ends with one
 * timer; the deadline or a sibling's success cancels it.
 *
 * <p>A world is reused for many replications by one thread; it is not thread-safe.
 */
public final class World implements EventHandler {
  static final int CALL_START = 0;
  static final int DNS_ANSWER = 1;
  static final int RESOLUTION_DELAY = 2;
  static final int ATTEMPT_END = 3;
  static final int WAKE = 4;
  static final int DEADLINE = 5;
  static final int RETRY = 6;
  /**
   * Ties at one instant: DNS answers first, then attempt ends (a SYN-ACK arriving exactly at the
   * deadline connects), then deadlines, then timers, then new calls.
   */
  private static final int[] PRIORITY = {6, 0, 3, 1, 4, 2, 5};

  final Plan plan;
  final StackConfig stack;
  final Simulator sim;
  private final int[] nextCall; // by client: the call it makes next, from 0
  final ClientStreams streams;
  final Caches caches;
  final Recall recall;
  final HostTimeline[] timelines;
  private final RandomStream roundRobin;
  final NameServer server;
  final Queries queries;
  private final int capacity;
  /** Candidates one call holds: {@link #capacity}, twice that with a backup connect job. */
  private final int callCapacity;
  private Call[] calls = new Call[16];
  private int callSlots;
  private int[] freeCalls = new int[16];
  private int freeCallCount;
  final Agenda agenda;
  private final TryLookup tryLookup;
  final Attempts attempts;
  // a stack that queries HTTPS records (Happy Eyeballs v3): all null for every other stack
  final ServiceLookup lookup;
  final ServiceConnect services;
  final QuicRecall quicRecall;

  private int run;
  /**
   * The sum of what the touches read, kept only so the compiler keeps the reads. A client's
   * streams and DNS cache lie in tables of tens of megabytes; read where the call first needs
   * each of them, every line is a cache miss after the last. Touched together when the call
   * arrives (and when one of its timers fires), the lines are fetched side by side. bench-1 ran
   * about 12 % faster (in-loop, 5 alternated comparisons).
   */
  private long touched;
  private int replication;
  private CallSink sink;
  private long traceSerial = -1;
  private TraceRecorder recorder;
  private boolean oneLane; // built on one given event list: every kind goes there, in either shape
  private final EventList arrivalLane; // every client's next arrival, with every client in one list
  private boolean stopping;

  /**
   * The lane of each event kind with every client in one event list: each client's next arrival
   * in a lane of its own (one pending event per client, touched once per call), everything else
   * in a small lane that stays in cache.
   */
  private static final int[] ALL_CLIENTS = {1, 0, 0, 0, 0, 0, 0};
  /** The lane of each event kind with one client at a time: its handful of events in a heap. */
  private static final int[] ONE_CLIENT = {2, 2, 2, 2, 2, 2, 2};

  /** A world for one plan, with streams rooted at the scenario seed. */
  public World(Plan plan, long seed) {
    this(plan, seed, new EventList[] {new CalendarQueue(1024),
        new CalendarQueue(Math.max(64, plan.topology.workload().clients())), new EventQueue(64)}, ALL_CLIENTS);
  }

  /** A world on a given event list (the benchmarks compare event lists on this model). */
  public World(Plan plan, long seed, EventList events) {
    this(plan, seed, new EventList[] {events}, new int[PRIORITY.length]);
    oneLane = true;
  }

  private World(Plan plan, long seed, EventList[] lanes, int[] route) {
    this.plan = plan;
    this.stack = plan.stack;
    this.sim = new Simulator(PRIORITY, route, lanes);
    this.arrivalLane = lanes.length > 1 ? lanes[1] : null;
    Streams root = new Streams(seed);
    this.capacity = plan.candidateCapacity();
    this.callCapacity = stack.hasBackupJob() ? 2 * capacity : capacity;
    int clients = plan.topology.workload().clients();
    this.nextCall = new int[clients];
    this.streams = new ClientStreams(plan, root);
    this.caches = plan.service == null ? new Caches(clients, plan.recordsA.length, plan.recordsAaaa.length)
        : new Caches(clients, plan.service.slotCounts());
    this.recall = new Recall(stack.memory(), clients, plan.addresses.length);
    this.timelines = new HostTimeline[plan.hosts.length];
    for (int h = 0; h < timelines.length; h++) {
      timelines[h] = new HostTimeline(plan.hosts[h], new RandomStream(root, Streams.Purpose.FAILURE, h, 0));
    }
    this.roundRobin = new RandomStream(root, Streams.Purpose.ROUND_ROBIN, 0, 0);
    this.server = new NameServer(plan.recordsA, plan.recordsAaaa, plan.recordSlotsFamily,
        plan.topology.dns().answerOrder(), 0, 0);
    Ordering ordering = new Ordering(stack, plan.addresses, plan.topology.workload().sourceAddresses(), capacity);
    this.queries = new Queries(plan.service == null ? Math.max(plan.recordsA.length, plan.recordsAaaa.length)
        : plan.service.maxRecords());
    this.agenda = new Agenda(sim);
    if (plan.service != null) {
      this.lookup = new ServiceLookup(this, plan, sim, caches, queries, streams, server);
      this.quicRecall = new QuicRecall(stack.quic().memory(), clients);
      this.services = new ServiceConnect(this, ordering, capacity);
    } else {
      this.lookup = null;
      this.quicRecall = null;
      this.services = null;
    }
    this.tryLookup = new TryLookup(this, ordering, capacity);
    this.attempts = new Attempts(this);
  }

  /**
   * The bytes of the tables that grow with the number of clients (streams, DNS caches, memory,
   * next calls, the arrival lane): what one more world of this plan costs, for a runner that
   * must not hold more worlds at once than the heap has room for.
   */
  public long tableBytes() {
    long b = streams.bytes() + caches.bytes() + recall.bytes() + 4L * nextCall.length;
    if (quicRecall != null) {
      b += quicRecall.bytes();
    }
    if (arrivalLane instanceof CalendarQueue calendar) {
      b += calendar.bytes();
    }
    return b;
  }

  /** Events processed by the last {@link #run}. */
  public long eventsProcessed() {
    return sim.processed();
  }

  /**
   * Ends the replication under way after the current event: called from a {@link CallSink} that
   * has seen what it wanted ({@link CallSearch}). Calls still in flight are not reported.
   */
  public void stop() {
    stopping = true;
    sim.stop();
  }

  /**
   * Runs replication {@code r}, handing every finished call to {@code callSink}: each client's
   * calls in the order they end, the clients in no order a sink may rely on. Where no client's
   * calls can touch another's ({@link Plan#clientsIndependent}), the clients run one after
   * another, each from time 0 with its own few events: the same events and the same calls as
   * with every client in one event list, and a client's streams, cache and memory stay in the
   * processor's cache for all of its calls instead of being fetched again for each one.
   */
  public void run(int r, CallSink callSink) {
    if (!plan.clientsIndependent) {
      runTogether(r, callSink, -1);
      return;
    }
    run(r, callSink, 0, nextCall.length);
  }

  /**
   * Runs clients {@code from} to {@code to - 1} of replication {@code r}, one after another, as
   * {@link #run(int, CallSink)} runs them all: so the parts of a replication can run on several
   * threads, and their calls together are exactly the replication's. Only where the clients are
   * independent ({@link Plan#clientsIndependent}).
   */
  public void run(int r, CallSink callSink, int from, int to) {
    if (!plan.clientsIndependent) {
      throw new IllegalStateException("the clients of this plan share a server or a host's failures: run them together");
    }
    if (from < 0 || to > nextCall.length || from > to) {
      throw new IllegalArgumentException("clients " + from + " to " + to + " of " + nextCall.length);
    }
    runAlone(r, callSink, -1, from, to);
  }

  /**
   * Runs clients {@code from} to {@code to - 1} of replication {@code r} one after another, each
   * from time 0 with no other client's events, tracing call {@code tracedSerial} (or none, -1).
   */
  private void runAlone(int r, CallSink callSink, long tracedSerial, int from, int to) {
    start(r, callSink, tracedSerial);
    if (!oneLane) {
      sim.route(ONE_CLIENT);
    }
    for (int c = from; c < to && !stopping; c++) {
      long t = streams.firstCallAt(c);
      if (t != Time.NEVER) {
        sim.restart();
        sim.at(t, CALL_START, c, 0);
        sim.run(this);
      }
    }
  }

  /**
   * Runs replication {@code r} with every client in one event list, handing every finished call
   * to {@code callSink} in the order the calls end (ties in event order): for a sink that looks
   * for the first call of some kind across clients ({@link CallSearch}).
   */
  public void runInOrder(int r, CallSink callSink) {
    runTogether(r, callSink, -1);
  }

  /**
   * Runs replication {@code r} until one call has ended and returns the whole story of it. The
   * sink sees the calls that end until then: that client's only where the clients are
   * independent ({@link Plan#clientsIndependent}), for then the client runs alone and its story
   * is the same, and {@code dialsim explain} of the last client costs one client's calls, not a
   * replication's.
   *
   * @return the trace of call {@code callIndex} of client {@code client}, or null when that call
   *     never started (its start lies beyond the end of time)
   */
  public CallTrace trace(int r, int client, int callIndex, CallSink callSink) {
    long serial = (long) client * plan.topology.workload().callsPerClient() + callIndex;
    if (plan.clientsIndependent) {
      runAlone(r, callSink, serial, client, client + 1);
    } else {
      runTogether(r, callSink, serial);
    }
    return recorder == null ? null : recorder.trace();
  }

  /** Replication {@code r} with every client in one event list; traces call {@code tracedSerial}, or none at -1. */
  private void runTogether(int r, CallSink callSink, long tracedSerial) {
    start(r, callSink, tracedSerial);
    if (!oneLane) {
      sim.route(ALL_CLIENTS);
    }
    for (int c = 0; c < nextCall.length; c++) {
      long t = streams.firstCallAt(c);
      if (t != Time.NEVER) {
        sim.at(t, CALL_START, c, 0);
      }
    }
    sim.run(this);
  }

  /** Sets every table up for replication {@code r}, with no event pending. */
  private void start(int r, CallSink callSink, long tracedSerial) {
    run++;
    stopping = false;
    replication = r;
    sink = callSink;
    traceSerial = tracedSerial;
    recorder = null;
    sim.reset();
    queries.reset();
    freeCallCount = 0;
    for (int s = callSlots - 1; s >= 0; s--) {
      // a call still in flight when the last run ran out of events is simply dropped
      Call c = calls[s];
      c.live = false;
      c.queued = Simulator.NO_EVENT;
      c.clearTimers();
      freeCalls[freeCallCount++] = s;
    }
    for (HostTimeline t : timelines) {
      t.reset(r, run);
    }
    RandomStream rr = roundRobin.in(r, run);
    server.reset(rr.nextInt(1 << 20), rr.nextInt(1 << 20));
    streams.start(r, run);
    caches.clear();
    recall.reset();
    if (lookup != null) {
      lookup.reset(rr); // the other names' counters, drawn after the target's
      quicRecall.reset();
    }
    java.util.Arrays.fill(nextCall, 0);
  }

  @Override
  public void handle(int kind, int a, long b) {
    switch (kind) {
      case CALL_START -> arrive(a);
      case DNS_ANSWER -> {
        Call call = lookup != null ? lookup.answered(a) : tryLookup.answerArrived(a);
        if (call != null && call.live) {
          agenda.settle(call);
        }
      }
      default -> {
        Call call = calls[a];
        touched += streams.touch(call.client); // see touched
        call.queued = Simulator.NO_EVENT;
        int k = (int) b;
        call.clearTimer(k);
        switch (kind) {
          case ATTEMPT_END -> attempts.attemptEnded(call, k - Call.ATTEMPT);
          case DEADLINE -> deadlinePassed(call);
          case WAKE -> {
            if (k == Call.BACKUP) {
              attempts.backupTimer(call);
            } else {
              attempts.woken(call);
            }
          }
          case RESOLUTION_DELAY -> tryLookup.resolutionDelayOver(call);
          case RETRY -> beginTry(call);
          default -> throw new IllegalStateException("unknown event kind " + kind);
        }
        if (call.live) {
          agenda.settle(call);
        }
      }
    }
  }

  /**
   * The simulated time of the event under way: for the calls' {@link org.dialsim.stack.Dial}
   * view, and for a {@link CallSink}, when the call it is handed ended.
   */
  public long now() {
    return sim.now();
  }

  /** The family of address number {@code a}. */
  Family family(int a) {
    return plan.families[a];
  }

  // ---- calls and DNS --------------------------------------------------------------------------

  private void arrive(int client) {
    touched += streams.touch(client) + caches.touch(client); // see touched
    int k = nextCall[client]++;
    int perClient = plan.topology.workload().callsPerClient();
    long serial = (long) client * perClient + k;
    Call call = takeCall();
    Tracer tracer = Tracer.NONE;
    if (serial == traceSerial) {
      recorder = new TraceRecorder(plan, timelines, new CallTrace(client, k, replication, sim.now()), callCapacity);
      tracer = recorder;
    }
    call.start(client, k, serial, sim.now(), tracer);
    if (k + 1 < perClient) {
      long next = Time.add(sim.now(), streams.gapToNextCall(client));
      if (next != Time.NEVER) {
        sim.at(next, CALL_START, client, 0);
      }
    }
    beginTry(call);
    if (call.live) {
      agenda.settle(call);
    }
  }

  private void beginTry(Call call) {
    call.tries++;
    call.resetTry();
    long now = sim.now();
    if (stack.deadlineNs() != Time.NEVER) {
      call.deadlineAt = Time.add(now, stack.deadlineNs());
      agenda.setTimer(call, Call.DEADLINE, call.deadlineAt);
    }
    if (stack.hasBackupJob()) {
      // Chromium starts the backup job timer with the request, so name resolution counts
      agenda.setTimer(call, Call.BACKUP, Time.add(now, stack.backupJobNs()));
    }
    call.tracer.tryStarted(call.tries, now, call.deadlineAt);
    tryLookup.begin(call, now);
  }

  /** The call in pool slot {@code slot}. */
  Call callInSlot(int slot) {
    return calls[slot];
  }

  /** The client's shuffle stream when the stack shuffles its addresses, else null. */
  org.apache.commons.rng.UniformRandomProvider shuffleStream(int client) {
    return stack.order() == Order.SHUFFLE ? streams.shuffle(client) : null;
  }

  private void deadlinePassed(Call call) {
    if (!call.done) {
      for (int i = 0; i < call.n; i++) {
        if (call.state(i) == Call.RUNNING && !Endpoint.quic(call.endpoint(i))) {
          recall.failed(call.client, call.cand(i), sim.now(), Memory.Learn.CUT);
        }
      }
      failTry(call, CallTrace.End.DEADLINE);
    }
  }

  /**
   * Ends the try when a job has failed: nothing of it runs, nothing is pending and its strategy
   * has nothing left. With a backup connect job the first job to end decides, as Chromium's
   * OnConnectJobComplete() hands the request whichever ConnectJob completes first, error or not.
   */
  void checkIdle(Call call) {
    if (call.done || !call.connecting) {
      return;
    }
    boolean firstFailed = call.running == call.backupRunning && !call.timerSet(Call.WAKE)
        && call.strategy.exhausted(call.first)
        && resolved(call); // else a late answer may still bring addresses
    boolean backupFailed = call.backupStarted && call.backupRunning == 0 && !call.timerSet(Call.BACKUP)
        && call.backupStrategy.exhausted(call.backup)
        // beside a QUIC racer a failed TCP job leaves the request to QUIC (JobController waits for it)
        && !(call.strategy instanceof QuicRace race && !race.quicDone(call.first));
    if (firstFailed || backupFailed) {
      failTry(call, call.n == 0 ? CallTrace.End.NO_ADDRESSES : CallTrace.End.ALL_FAILED);
    }
  }

  /** True when no answer of the try is still to come (a late one may bring addresses). */
  private static boolean resolved(Call call) {
    return call.service != null ? call.service.complete() : call.resolution.complete();
  }

  void failTry(Call call, CallTrace.End why) {
    stopTry(call, Outcome.CANCELLED);
    call.tracer.tryEnded(call.tries, why, sim.now(), call);
    if (call.tries <= stack.callRetries().max()) {
      // until the retry begins, events of this try (late DNS answers) must not act on the call
      call.tryOver = true;
      agenda.setTimer(call, Call.RETRY, Time.add(sim.now(), stack.callRetries().backoffNs()));
      return;
    }
    finish(call, false, why);
  }

  /** Cancels everything the current try has pending; running attempts end as {@code outcome}. */
  private void stopTry(Call call, Outcome outcome) {
    for (int i = 0; i < call.n; i++) {
      if (call.state(i) == Call.RUNNING) {
        call.clearTimer(Call.ATTEMPT + i);
        attempts.endAttempt(call, i, outcome);
      }
    }
    call.clearTimer(Call.WAKE);
    call.clearTimer(Call.BACKUP);
    call.clearTimer(Call.DEADLINE);
    call.clearTimer(Call.RESOLUTION_DELAY);
    call.resolution.delayOver();
  }

  void finish(Call call, boolean connected, CallTrace.End why) {
    if (connected) {
      stopTry(call, Outcome.CANCELLED);
    }
    call.done = true;
    long establish = sim.now() - call.startedAt;
    if (connected) {
      call.tracer.tryEnded(call.tries, CallTrace.End.CONNECTED, sim.now(), call);
    }
    if (call.tracer != Tracer.NONE) {
      for (int q = 0; q < queries.used(); q++) {
        if (queries.pending[q] && queries.callSerial[q] == call.serial) {
          call.tracer.unanswered(queries.tryNumber[q], queries.name[q], queries.type[q], queries.sentAt[q], sim.now());
        }
      }
    }
    call.tracer.finished(connected, call.connectedAddress, sim.now());
    sink.call(call.client, call.index, connected, establish, call.attempts, call.wastedNs);
    if (call.tracer != Tracer.NONE) {
      sim.stop(); // the traced call's story is complete: nothing later can change it
    }
    releaseCall(call);
  }

  // ---- the call pool --------------------------------------------------------------------------

  private Call takeCall() {
    if (freeCallCount == 0) {
      if (callSlots == calls.length) {
        calls = java.util.Arrays.copyOf(calls, calls.length * 2);
        freeCalls = java.util.Arrays.copyOf(freeCalls, calls.length);
      }
      ServiceResolution service = plan.service == null ? null
          : new ServiceResolution(plan.service, stack.https(), stack.resolutionDelayNs(), plan.queryA, plan.queryAaaa);
      calls[callSlots] = new Call(callSlots, this, new Resolution(stack.resolutionDelayNs(), plan.recordsA.length,
          plan.recordsAaaa.length), service, Strategy.of(stack), stack.hasBackupJob() ? Strategy.backupOf(stack) : null,
          callCapacity);
      freeCalls[freeCallCount++] = callSlots++;
    }
    return calls[freeCalls[--freeCallCount]];
  }

  private void releaseCall(Call call) {
    call.clearTimers();
    agenda.settle(call);
    call.live = false;
    call.tracer = Tracer.NONE;
    freeCalls[freeCallCount++] = call.slot;
  }
}