package org.dialsim.sim;

import org.dialsim.dns.Caches;
import org.dialsim.dns.NameServer;
import org.dialsim.dns.Resolution;
import org.dialsim.dns.ServiceResolution;
import org.dialsim.engine.EventHandler;
import org.dialsim.engine.EventList;
import org.dialsim.engine.EventQueue;
import org.dialsim.engine.Simulator;
import org.dialsim.engine.Time;
import org.dialsim.model.AaaaBehaviour;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Dns;
import org.dialsim.model.Family;
import org.dialsim.stack.Endpoint;
import org.dialsim.stack.Endpoints;
import org.dialsim.stack.Memory;
import org.dialsim.stack.Order;
import org.dialsim.stack.Ordering;
import org.dialsim.stack.Quic;
import org.dialsim.stack.QuicMemory;
import org.dialsim.stack.QuicRace;
import org.dialsim.stack.QuicRecall;
import org.dialsim.stack.Recall;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.Strategy;
import org.dialsim.stack.Tls;

/**
 * One replication of one configuration: every client's calls, their DNS queries and their
 * connection attempts, as events on a {@link Simulator}.
 *
 * <p>The event list holds, at any moment, one arrival per client (a client's next call is
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
  /** The event kind of each of a call's timer slots ({@link Call#DEADLINE} ...; attempts last). */
  private static final int[] KIND_OF_TIMER = {DEADLINE, WAKE, RESOLUTION_DELAY, RETRY, WAKE, ATTEMPT_END};

  private static final int TYPE_A = NameServer.A;
  private static final int TYPE_AAAA = NameServer.AAAA;

  private final Plan plan;
  private final StackConfig stack;
  private final Simulator sim;
  private final int[] nextCall; // by client: the call it makes next, from 0
  private final ClientStreams streams;
  private final Caches caches;
  private final Recall recall;
  private final HostTimeline[] timelines;
  private final RandomStream roundRobin;
  private final NameServer server;
  private final Ordering ordering;
  private final AttemptPath path = new AttemptPath();
  private final Queries queries;
  private final int capacity;
  /** Candidates one call holds: {@link #capacity}, twice that with a backup connect job. */
  private final int callCapacity;
  private Call[] calls = new Call[16];
  private int callSlots;
  private int[] freeCalls = new int[16];
  private int freeCallCount;
  private final int[] merged;
  private final int[] reordered;
  private final int[] inline = new int[2];
  // a stack that queries HTTPS records (Happy Eyeballs v3): all null for every other stack
  private final ServiceLookup lookup;
  private final Endpoints endpoints;
  private final QuicPath quicPath;
  private final QuicRecall quicRecall;
  private final int[] endpointAddress;
  private final int[] endpointMeta;

  private int run;
  private int replication;
  private CallSink sink;
  private long traceSerial = -1;
  private TraceRecorder recorder;

  /**
   * The lane of each event kind: each client's next arrival in a lane of its own (one pending
   * event per client, touched once per call), everything else in a small lane that stays in cache.
   */
  private static final int[] LANE = {1, 0, 0, 0, 0, 0, 0};

  /** A world for one plan, with streams rooted at the scenario seed. */
  public World(Plan plan, long seed) {
    this(plan, seed, new Simulator(PRIORITY, LANE, new EventList[] {new EventQueue(1024),
        new EventQueue(Math.max(64, plan.topology.workload().clients()))}));
  }

  /** A world on a given event list (the benchmarks compare event lists on this model). */
  public World(Plan plan, long seed, EventList events) {
    this(plan, seed, new Simulator(PRIORITY, events));
  }

  private World(Plan plan, long seed, Simulator sim) {
    this.plan = plan;
    this.stack = plan.stack;
    this.sim = sim;
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
    this.ordering = new Ordering(stack, plan.addresses, plan.topology.workload().sourceAddresses(), capacity);
    this.queries = new Queries(plan.service == null ? Math.max(plan.recordsA.length, plan.recordsAaaa.length)
        : plan.service.maxRecords());
    this.merged = new int[capacity];
    this.reordered = new int[capacity];
    if (plan.service != null) {
      this.lookup = new ServiceLookup(this, plan, sim, caches, queries, streams, server);
      this.endpoints = new Endpoints(plan.service, stack, ordering, plan.families);
      this.quicPath = new QuicPath();
      this.quicRecall = new QuicRecall(stack.quic().memory(), clients);
      this.endpointAddress = new int[capacity];
      this.endpointMeta = new int[capacity];
    } else {
      this.lookup = null;
      this.endpoints = null;
      this.quicPath = null;
      this.quicRecall = null;
      this.endpointAddress = null;
      this.endpointMeta = null;
    }
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
    sim.stop();
  }

  /** Runs replication {@code r}, handing every finished call to {@code callSink}. */
  public void run(int r, CallSink callSink) {
    run(r, callSink, -1);
  }

  /**
   * Runs replication {@code r} until one call has ended and returns the whole story of it. The
   * sink sees the calls that end until then.
   *
   * @return the trace of call {@code callIndex} of client {@code client}, or null when that call
   *     never started (its start lies beyond the end of time)
   */
  public CallTrace trace(int r, int client, int callIndex, CallSink callSink) {
    run(r, callSink, (long) client * plan.topology.workload().callsPerClient() + callIndex);
    return recorder == null ? null : recorder.trace();
  }

  private void run(int r, CallSink callSink, long tracedSerial) {
    run++;
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
    for (int c = 0; c < nextCall.length; c++) {
      long t = streams.firstCallAt(c);
      if (t != Time.NEVER) {
        sim.at(t, CALL_START, c, 0);
      }
    }
    sim.run(this);
  }

  @Override
  public void handle(int kind, int a, long b) {
    switch (kind) {
      case CALL_START -> arrive(a);
      case DNS_ANSWER -> {
        Call call = lookup != null ? lookup.answered(a) : answerArrived(a);
        if (call != null && call.live) {
          settle(call);
        }
      }
      default -> {
        Call call = calls[a];
        call.queued = Simulator.NO_EVENT;
        int k = (int) b;
        call.clearTimer(k);
        switch (kind) {
          case ATTEMPT_END -> attemptEnded(call, k - Call.ATTEMPT);
          case DEADLINE -> deadlinePassed(call);
          case WAKE -> {
            if (k == Call.BACKUP) {
              backupTimer(call);
            } else {
              woken(call);
            }
          }
          case RESOLUTION_DELAY -> resolutionDelayOver(call);
          case RETRY -> beginTry(call);
          default -> throw new IllegalStateException("unknown event kind " + kind);
        }
        if (call.live) {
          settle(call);
        }
      }
    }
  }

  /** Now, for the calls' {@link org.dialsim.stack.Dial} view. */
  long now() {
    return sim.now();
  }

  /** The family of address number {@code a}. */
  Family family(int a) {
    return plan.families[a];
  }

  // ---- timers: a call's own agenda, its earliest timer queued ---------------------------------

  /** Sets a call's timer {@code k} at {@code at}, taking its place in the order now. */
  void setTimer(Call call, int k, long at) {
    call.setTimer(k, at, sim.order(KIND_OF_TIMER[Math.min(k, Call.ATTEMPT)]));
  }

  /** Queues the call's earliest timer (or nothing), replacing what was queued if it changed. */
  private void settle(Call call) {
    int best = -1;
    long bestAt = 0;
    long bestOrder = 0;
    int timers = Call.ATTEMPT + call.n;
    for (int k = 0; k < timers; k++) {
      long t = call.timerAt(k);
      if (t == Call.UNSET) {
        continue;
      }
      long o = call.timerOrder(k);
      if (best < 0 || t < bestAt || (t == bestAt && o < bestOrder)) {
        best = k;
        bestAt = t;
        bestOrder = o;
      }
    }
    if (call.queued != Simulator.NO_EVENT) {
      if (best == call.queuedTimer && bestAt == call.queuedAt && bestOrder == call.queuedOrder) {
        return;
      }
      sim.cancel(call.queued);
      call.queued = Simulator.NO_EVENT;
    }
    if (best >= 0) {
      call.queued = sim.at(bestAt, bestOrder, KIND_OF_TIMER[Math.min(best, Call.ATTEMPT)], call.slot, best);
      call.queuedTimer = best;
      call.queuedAt = bestAt;
      call.queuedOrder = bestOrder;
    }
  }

  // ---- calls and DNS --------------------------------------------------------------------------

  private void arrive(int client) {
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
      settle(call);
    }
  }

  private void beginTry(Call call) {
    call.tries++;
    call.resetTry();
    long now = sim.now();
    if (stack.deadlineNs() != Time.NEVER) {
      call.deadlineAt = Time.add(now, stack.deadlineNs());
      setTimer(call, Call.DEADLINE, call.deadlineAt);
    }
    if (stack.hasBackupJob()) {
      // Chromium starts the backup job timer with the request, so name resolution counts
      setTimer(call, Call.BACKUP, Time.add(now, stack.backupJobNs()));
    }
    call.tracer.tryStarted(call.tries, now, call.deadlineAt);
    int client = call.client;
    Resolution res = call.resolution;
    if (plan.hostsFile) {
      // a static hosts file: answered at once, in the order written, never refreshed
      res.begin(true, true);
      res.answer(TYPE_A, plan.recordsA, plan.queryA ? plan.recordsA.length : 0);
      res.answer(TYPE_AAAA, plan.recordsAaaa, plan.queryAaaa ? plan.recordsAaaa.length : 0);
      call.tracer.dns(-1, Tracer.Source.HOSTS_FILE, now, now, plan.hostsFileRecords, plan.hostsFileRecords.length);
      startConnecting(call);
      return;
    }
    if (lookup != null) {
      boolean quicUsable = stack.quic().enabled() && !quicRecall.broken(client, now);
      if (stack.quic().enabled() && !quicUsable) {
        call.tracer.quicBroken(quicRecall.brokenUntil(client));
      }
      lookup.begin(call, quicUsable);
      return;
    }
    Dns dns = plan.topology.dns();
    boolean needA = plan.queryA;
    boolean needAaaa = plan.queryAaaa;
    boolean queryAny = (needA && !caches.fresh(client, TYPE_A, now)) || (needAaaa && !caches.fresh(client, TYPE_AAAA, now));
    double zA = 0;
    double zAaaa = 0;
    if (queryAny && plan.dnsLatencyDrawn) {
      // two draws per query round, whatever is asked, to keep the client's stream aligned
      zA = streams.dnsDeviate(client);
      zAaaa = streams.dnsDeviate(client);
    }
    res.begin(needA, needAaaa);
    int inlineCount = 0;
    for (int type = TYPE_A; type <= TYPE_AAAA; type++) {
      if (!(type == TYPE_A ? needA : needAaaa)) {
        continue;
      }
      if (caches.fresh(client, type, now)) {
        res.answer(type, caches.data(), caches.offset(client, type), caches.length(client, type));
        call.tracer.dns(type, Tracer.Source.CACHE, now, now, res.answers(type), res.length(type));
        continue;
      }
      int q = queries.open(type, 0, call, now);
      // the server answers (and rotates, or draws) whatever then happens to the answer
      queries.length[q] = server.answer(type, server.answerOrder() == AnswerOrder.RANDOM ? streams.dnsOrder(client) : null,
          queries.answer[q]);
      long latency;
      if (type == TYPE_AAAA && dns.aaaa() == AaaaBehaviour.TIMEOUT) {
        latency = dns.resolverTimeoutNs();
        queries.timedOut[q] = true; // no answer: the resolver gives up
      } else if (type == TYPE_AAAA && dns.aaaa() == AaaaBehaviour.EMPTY) {
        latency = Delays.sample(dns.latencyAaaa(), zAaaa);
        queries.length[q] = 0;
      } else {
        latency = Delays.sample(type == TYPE_A ? dns.latencyA() : dns.latencyAaaa(), type == TYPE_A ? zA : zAaaa);
      }
      if (latency == 0) {
        inline[inlineCount++] = q;
      } else {
        sim.at(Time.add(now, latency), DNS_ANSWER, q, 0);
      }
    }
    // answers from the cache count like answers that just came in
    resolutionProgress(call, -1);
    // an answer with no latency would be the very next event (DNS answers go first at an
    // instant); it is handled here instead, in the order the queries went out
    for (int i = 0; i < inlineCount; i++) {
      answerArrived(inline[i]);
    }
  }

  /**
   * A DNS answer came in: it fills the client's cache, and the call that asked takes it if it
   * still waits for it. Returns that call, or null when the answer came too late for it.
   */
  private Call answerArrived(int q) {
    int type = queries.type[q];
    boolean timedOut = queries.timedOut[q];
    if (!timedOut) {
      caches.store(queries.client[q], type, queries.answer[q], queries.length[q], Time.add(sim.now(), plan.target.ttlNs()));
    }
    Call call = calls[queries.callSlot[q]];
    // an answer to a call or try that has ended (or to an earlier try) still fills the cache,
    // but the call no longer waits for it
    boolean waiting = call.live && call.serial == queries.callSerial[q] && !call.done && !call.tryOver
        && queries.tryNumber[q] == call.tries;
    if (waiting) {
      Resolution res = call.resolution;
      if (timedOut) {
        res.noAnswer(type);
      } else {
        res.answer(type, queries.answer[q], queries.length[q]);
      }
      call.tracer.dns(type, timedOut ? Tracer.Source.TIMEOUT : Tracer.Source.SERVER, queries.sentAt[q], sim.now(),
          res.answers(type), res.length(type));
    }
    queries.give(q);
    if (!waiting) {
      return null;
    }
    if (call.connecting) {
      lateAnswer(call);
    } else {
      resolutionProgress(call, type);
    }
    return call;
  }

  /**
   * Decides, after answers came (from the network or the cache), whether the call starts
   * connecting now, waits, or starts the Resolution Delay.
   *
   * @param type the type that just arrived from the network, or -1 for the start of a try
   */
  private void resolutionProgress(Call call, int type) {
    switch (call.resolution.next(type)) {
      case CONNECT -> startConnecting(call);
      case START_DELAY -> setTimer(call, Call.RESOLUTION_DELAY, Time.add(sim.now(), call.resolution.delayNs()));
      case WAIT -> { }
    }
  }

  private void resolutionDelayOver(Call call) {
    if (call.service != null) {
      serviceProgress(call);
      return;
    }
    call.resolution.delayOver();
    if (!call.connecting) {
      startConnecting(call);
    }
  }

  // ---- ordering and attempts ------------------------------------------------------------------

  private void startConnecting(Call call) {
    call.connecting = true;
    call.clearTimer(Call.RESOLUTION_DELAY);
    call.resolution.delayOver();
    int received = mergeAnswers(call);
    java.util.List<String> notes = call.tracer.orderNotes();
    int n = ordering.order(merged, received, reordered, recall, call.client, sim.now(), shuffleStream(call.client), notes);
    call.n = 0;
    call.jobN = 0;
    for (int i = 0; i < n; i++) {
      call.addCandidate(reordered[i]);
    }
    call.tracer.order(call.candidateList(), call.n, notes);
    call.strategy.reset();
    call.strategy.begin(call.first);
    checkIdle(call);
  }

  /** A DNS answer that came after attempts began: its new addresses join the end of the list. */
  private void lateAnswer(Call call) {
    int received = mergeAnswers(call);
    int n = ordering.order(merged, received, reordered, recall, call.client, sim.now(), shuffleStream(call.client), null);
    int added = 0;
    for (int i = 0; i < n; i++) {
      if (call.indexOf(reordered[i]) < 0) {
        call.addCandidate(reordered[i]);
        added++;
      }
    }
    if (added > 0) {
      call.tracer.lateAddresses(call.candidateList(), call.n - added, call.n);
      call.strategy.more(call.first);
    }
    checkIdle(call);
  }

  /**
   * A stack that queries HTTPS records, after answers or at its timer: start connecting, keep
   * waiting (with the resolution's timer set), or abandon the try (SVCB-reliant).
   */
  void serviceProgress(Call call) {
    ServiceResolution res = call.service;
    switch (res.next(sim.now())) {
      case CONNECT -> {
        call.tracer.ready(res, sim.now());
        startServiceConnecting(call);
      }
      case FAIL -> failTry(call, CallTrace.End.NO_SERVICE);
      case WAIT -> {
        if (res.timerAt() != Time.NEVER) {
          setTimer(call, Call.RESOLUTION_DELAY, res.timerAt());
        }
      }
    }
  }

  /** The endpoint list of a stack that queries HTTPS records is built, and the strategy begins. */
  private void startServiceConnecting(Call call) {
    call.connecting = true;
    call.clearTimer(Call.RESOLUTION_DELAY);
    java.util.List<String> notes = call.tracer.orderNotes();
    int n = endpoints.build(call.service, recall, call.client, sim.now(), shuffleStream(call.client), endpointAddress,
        endpointMeta, notes);
    call.n = 0;
    for (int i = 0; i < n; i++) {
      call.addCandidate(endpointAddress[i], endpointMeta[i]);
    }
    call.tracer.endpoints(call.candidateList(), call.endpointList(), call.endpointOffset(), call.n, notes);
    call.strategy.reset();
    call.strategy.begin(call.first);
    checkIdle(call);
  }

  /**
   * An answer came after connecting began: the draft section 7 re-sorts the complete list. The
   * attempts made stay as they are, in their places; the endpoints not started yet are replaced
   * by the new list's others (an address a hint gave and an answer replaced drops out); the
   * attempt timer is not moved ("a DNS update alone does not justify rescheduling").
   */
  void serviceLate(Call call) {
    if (call.backupStarted) {
      return; // each ConnectJob connects to the addresses it was given (TransportConnectJob resolves once)
    }
    int n = endpoints.build(call.service, recall, call.client, sim.now(), shuffleStream(call.client), endpointAddress,
        endpointMeta, null);
    int kept = 0;
    for (int i = 0; i < call.n; i++) {
      if (call.state(i) != Call.IDLE) {
        kept = i + 1;
      }
    }
    int k = kept;
    boolean changed = false;
    for (int j = 0; j < n; j++) {
      int a = endpointAddress[j];
      int e = endpointMeta[j];
      if (listed(call, kept, a, e)) {
        continue;
      }
      changed |= k >= call.n || call.cand(k) != a || call.endpoint(k) != e;
      call.setCandidate(k++, a, e);
    }
    changed |= k != call.n;
    call.truncate(k);
    if (changed) {
      call.tracer.lateEndpoints(call.candidateList(), call.endpointList(), call.endpointOffset(), kept, call.n, sim.now());
      if (k > kept) {
        call.strategy.more(call.first);
      }
    }
    checkIdle(call);
  }

  /** True when the same attempt as ({@code a}, {@code e}) is among the first {@code k} candidates. */
  private static boolean listed(Call call, int k, int a, int e) {
    for (int i = 0; i < k; i++) {
      if (call.cand(i) == a && Endpoint.same(call.endpoint(i), e)) {
        return true;
      }
    }
    return false;
  }

  /** {@code quic.order: parallel}: how long this call holds TCP back behind QUIC ({@code tcp_delay}). */
  long tcpHoldBack(Call call) {
    long d = stack.quic().tcpDelayNs();
    return d == Quic.CHROMIUM_TCP_DELAY ? quicRecall.chromiumTcpDelay(call.client) : d;
  }

  /**
   * {@code quic.order: parallel}: the TCP part is held back behind QUIC, or asks for its first
   * connection now. A backup connect job's timer starts with that request (Chromium's socket pool
   * arms it in RequestSocketInternal), not with the call.
   */
  void tcpJob(Call call, boolean started) {
    if (!stack.hasBackupJob() || call.backupStarted) {
      return;
    }
    if (started) {
      setTimer(call, Call.BACKUP, Time.add(sim.now(), stack.backupJobNs()));
    } else {
      call.clearTimer(Call.BACKUP);
    }
  }

  /** The call in pool slot {@code slot}. */
  Call callInSlot(int slot) {
    return calls[slot];
  }

  /** The try's answers in the family layout they were written in, into {@link #merged}. */
  private int mergeAnswers(Call call) {
    Resolution res = call.resolution;
    return server.merge(res.answers(TYPE_A), res.length(TYPE_A), res.answers(TYPE_AAAA), res.length(TYPE_AAAA), merged);
  }

  private org.apache.commons.rng.UniformRandomProvider shuffleStream(int client) {
    return stack.order() == Order.SHUFFLE ? streams.shuffle(client) : null;
  }

  /** Starts the attempt on candidate {@code i} of {@code call} (the strategy's {@code Dial.start}). */
  void startAttempt(Call call, int i, long limitNs) {
    if (call.state(i) != Call.IDLE) {
      throw new IllegalStateException("candidate " + i + " started twice");
    }
    int a = call.cand(i);
    int host = plan.hostOf[a];
    if (Endpoint.quic(call.endpoint(i))) {
      startQuic(call, i, a, host, limitNs);
      return;
    }
    org.apache.commons.rng.UniformRandomProvider stream = streams.path(call.client, a);
    path.work(plan.behaviour[a], plan.loss[a], plan.rtt[a], streams.pathDeviates(), host >= 0 ? timelines[host] : null,
        host >= 0 && plan.listens(host, a), stack.syn(), plan.synOffsets, plan.synGiveUp, plan.synWheel,
        plan.synWheel == null ? 0 : streams.clockOrigin(call.client), stack.rst(), stream, sim.now(), limitNs);
    long end = path.end;
    if (path.outcome == Outcome.CONNECTED && stack.tls() != Tls.NONE) {
      // TLS over TCP (the draft section 6.1): its round trips take the SYN-ACK's RTT; TLS
      // flights are not lost (a simplification: no draws, so the streams stay as they are)
      long rtt = end - path.synTimes[path.syns - 1];
      call.setExchangeRtt(i, rtt);
      end = Time.add(end, stack.tls().roundTrips() * rtt);
    }
    call.started(i, sim.now(), path.outcome);
    call.running++;
    if (call.ofBackupJob(i)) {
      call.backupRunning++;
    }
    call.attempts++;
    call.tracer.attemptWorked(i, path.synTimes, path.syns, path.timesOutAt);
    setTimer(call, Call.ATTEMPT + i, end);
  }

  /** Starts a QUIC attempt on candidate {@code i}: its Initials over the UDP path to address {@code a}. */
  private void startQuic(Call call, int i, int a, int host, long limitNs) {
    org.apache.commons.rng.UniformRandomProvider stream = streams.quicPath(call.client, a);
    quicPath.work(plan.udpBehaviour[a], plan.udpLoss[a], plan.udpRtt[a], streams.pathDeviates(),
        host >= 0 ? timelines[host] : null, host >= 0 && plan.answersQuic(host, a), stack.quic(), stream, sim.now(),
        limitNs);
    call.started(i, sim.now(), quicPath.outcome);
    if (quicPath.outcome == Outcome.CONNECTED) {
      call.setExchangeRtt(i, quicPath.end - quicPath.sendTimes[quicPath.sends - 1]);
    }
    call.running++;
    call.attempts++;
    call.tracer.attemptWorked(i, quicPath.sendTimes, quicPath.sends, quicPath.timesOutAt);
    setTimer(call, Call.ATTEMPT + i, quicPath.end);
  }

  private void woken(Call call) {
    call.strategy.wake(call.first);
    checkIdle(call);
  }

  /**
   * The backup connect job's timer: it starts the job, or wakes the job's strategy. Chromium
   * (net/socket/transport_client_socket_pool.cc, Group::OnBackupJobTimerFired()) restarts the
   * timer while the first job still resolves the name, and otherwise starts a second ConnectJob
   * with the request's parameters: the same addresses in the same order, its own sub-jobs and
   * fallback timer. (Its own 4-minute timeout falls after the first job's, which ends the try
   * first, so the try's deadline serves both.)
   */
  private void backupTimer(Call call) {
    if (call.backupStarted) {
      call.backupStrategy.wake(call.backup);
    } else if (!call.connecting || (call.service == null && !call.resolution.complete())) {
      setTimer(call, Call.BACKUP, Time.add(sim.now(), stack.backupJobNs()));
    } else if (!tcpEstablished(call)) {
      call.startBackupJob();
      call.tracer.backupJobStarted(call, sim.now());
      call.backupStrategy.reset();
      call.backupStrategy.begin(call.backup);
    }
    checkIdle(call);
  }

  /**
   * True when a TCP attempt of the first job has its SYN-ACK and waits for TLS: Chromium starts no
   * backup job then (Group::OnBackupJobTimerFired() returns when the first job
   * HasEstablishedConnection(), which SSLConnectJob answers true once its TCP socket exists).
   */
  private boolean tcpEstablished(Call call) {
    if (stack.tls() == Tls.NONE) {
      return false;
    }
    long now = sim.now();
    for (int i = 0; i < call.jobN; i++) {
      if (call.state(i) == Call.RUNNING && !Endpoint.quic(call.endpoint(i))
          && call.plannedOutcome(i) == Outcome.CONNECTED
          && now >= call.timerAt(Call.ATTEMPT + i) - stack.tls().roundTrips() * call.exchangeRtt(i)) {
        return true;
      }
    }
    return false;
  }

  private void attemptEnded(Call call, int i) {
    Outcome outcome = call.plannedOutcome(i);
    endAttempt(call, i, outcome);
    int a = call.cand(i);
    boolean quic = Endpoint.quic(call.endpoint(i));
    if (outcome == Outcome.CONNECTED) {
      recall.connected(call.client, a, sim.now());
      if (quic) {
        quicRecall.worked(call.client, call.exchangeRtt(i));
      } else if (quicRecall != null) {
        lostRace(call);
      }
      call.connectedAddress = a;
      finish(call, true, null);
      return;
    }
    if (quic) {
      // a QUIC failure says nothing about TCP to that address: the address memory keeps to TCP
      if (stack.quic().memory().when() == QuicMemory.When.FAILED) {
        quicRecall.mark(call.client, sim.now());
      } else if (call.quicFailedAt == Time.NEVER) {
        call.quicFailedAt = sim.now();
      }
      call.strategy.failed(call.first, i);
      checkIdle(call);
      return;
    }
    recall.failed(call.client, a, sim.now(), switch (outcome) {
      case REFUSED -> Memory.Learn.REFUSED;
      case UNREACHABLE -> Memory.Learn.UNREACHABLE;
      default -> Memory.Learn.TIMEOUT; // the only other planned end: a timer ran out
    });
    if (call.ofBackupJob(i)) {
      call.backupStrategy.failed(call.backup, i - call.jobN);
    } else {
      call.strategy.failed(call.first, i);
    }
    checkIdle(call);
  }

  /**
   * TCP connected: with {@code quic.memory when: lost-race}, QUIC is marked broken if a QUIC
   * attempt of the try failed or would have (Chromium lets the losing QUIC job run to its end
   * and reports it broken then, HttpStreamFactory::JobController::MaybeReportBrokenAlternativeService);
   * the mark starts when it failed.
   */
  private void lostRace(Call call) {
    if (stack.quic().memory().kind() == QuicMemory.Kind.NONE || stack.quic().memory().when() != QuicMemory.When.LOST_RACE) {
      return;
    }
    long at = call.quicFailedAt;
    for (int i = 0; i < call.n; i++) {
      if (call.state(i) == Call.RUNNING && Endpoint.quic(call.endpoint(i))
          && call.plannedOutcome(i) != Outcome.CONNECTED) {
        at = Math.min(at, call.timerAt(Call.ATTEMPT + i));
      }
    }
    if (at != Time.NEVER) {
      quicRecall.mark(call.client, at);
      call.tracer.quicMarked(at, quicRecall.brokenUntil(call.client));
    }
  }

  /** Marks attempt {@code i} over at now with {@code outcome}. */
  private void endAttempt(Call call, int i, Outcome outcome) {
    call.ended(i);
    call.running--;
    if (call.ofBackupJob(i)) {
      call.backupRunning--;
    }
    if (outcome != Outcome.CONNECTED) {
      call.wastedNs += sim.now() - call.attemptStart(i);
    }
    call.tracer.attemptEnded(call.tries, i, call.cand(i), call.attemptStart(i), sim.now(), outcome);
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
  private void checkIdle(Call call) {
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

  private void failTry(Call call, CallTrace.End why) {
    stopTry(call, Outcome.CANCELLED);
    call.tracer.tryEnded(call.tries, why, sim.now(), call);
    if (call.tries <= stack.callRetries().max()) {
      // until the retry begins, events of this try (late DNS answers) must not act on the call
      call.tryOver = true;
      setTimer(call, Call.RETRY, Time.add(sim.now(), stack.callRetries().backoffNs()));
      return;
    }
    finish(call, false, why);
  }

  /** Cancels everything the current try has pending; running attempts end as {@code outcome}. */
  private void stopTry(Call call, Outcome outcome) {
    for (int i = 0; i < call.n; i++) {
      if (call.state(i) == Call.RUNNING) {
        call.clearTimer(Call.ATTEMPT + i);
        endAttempt(call, i, outcome);
      }
    }
    call.clearTimer(Call.WAKE);
    call.clearTimer(Call.BACKUP);
    call.clearTimer(Call.DEADLINE);
    call.clearTimer(Call.RESOLUTION_DELAY);
    call.resolution.delayOver();
  }

  private void finish(Call call, boolean connected, CallTrace.End why) {
    if (connected) {
      stopTry(call, Outcome.CANCELLED);
    }
    call.done = true;
    long establish = sim.now() - call.startedAt;
    if (connected) {
      call.tracer.tryEnded(call.tries, CallTrace.End.CONNECTED, sim.now(), call);
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
    settle(call);
    call.live = false;
    call.tracer = Tracer.NONE;
    freeCalls[freeCallCount++] = call.slot;
  }
}
