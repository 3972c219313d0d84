package org.dialsim.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.dialsim.engine.EventHandler;
import org.dialsim.engine.EventList;
import org.dialsim.engine.EventQueue;
import org.dialsim.engine.Simulator;
import org.dialsim.dns.Cache;
import org.dialsim.dns.NameServer;
import org.dialsim.engine.Time;
import org.dialsim.model.AaaaBehaviour;
import org.dialsim.model.Address;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Dns;
import org.dialsim.model.Family;
import org.dialsim.model.Workload;
import org.dialsim.stack.Dial;
import org.dialsim.stack.Ordering;
import org.dialsim.stack.Recall;
import org.dialsim.stack.RstAction;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.Strategy;

/**
 * One replication of one configuration: every client's calls, their DNS queries and their
 * connection attempts, as events on a {@link Simulator}.
 *
 * <p>An attempt is worked out SYN by SYN when it starts (path rule, host state at each SYN's
 * send time, RTT and loss draws from the (client, address) stream) and ends with one event; the
 * deadline or a sibling's success cancels that event. Drawing a fixed number of values per SYN,
 * whatever happens to it, keeps the streams aligned across configurations.
 *
 * <p>A world is reused for many replications by one thread; it is not thread-safe.
 */
public final class World implements EventHandler, Dial {
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

  private static final int TYPE_A = NameServer.A;
  private static final int TYPE_AAAA = NameServer.AAAA;

  private final Plan plan;
  private final StackConfig stack;
  private final Streams streams;
  private final Simulator sim;
  private CallSink sink;
  private int traceCall = -1;
  private CallTrace trace;

  private int replication;
  private HostTimeline[] timelines;
  private Client[] clients;
  private Call[] calls;
  private NameServer server;
  private Call current;
  /** DNS queries of this replication; an answer event names its query by index. */
  private final List<Query> queries = new ArrayList<>();
  /** Scratch: the SYN times of the attempt being worked out. */
  private final long[] synTimes = new long[64];

  /** A world for one plan, with streams rooted at the scenario seed. */
  public World(Plan plan, long seed) {
    this(plan, seed, new EventQueue(Math.max(64, plan.topology.workload().clients() * 4)));
  }

  /** A world on a given event list (the benchmarks compare event lists on this model). */
  public World(Plan plan, long seed, EventList events) {
    this.plan = plan;
    this.stack = plan.stack;
    this.streams = new Streams(seed);
    this.sim = new Simulator(PRIORITY, events);
  }

  /** Events processed by the last {@link #run}. */
  public long eventsProcessed() {
    return sim.processed();
  }

  /** Runs replication {@code r}, handing every finished call to {@code sink}. */
  public void run(int r, CallSink callSink) {
    run(r, callSink, -1, -1);
  }

  /**
   * Runs replication {@code r} and records the whole story of one call.
   *
   * @return the trace of call {@code callIndex} of client {@code client}
   */
  public CallTrace trace(int r, int client, int callIndex, CallSink callSink) {
    run(r, callSink, client, callIndex);
    return trace;
  }

  private void run(int r, CallSink callSink, int traceClient, int traceIndex) {
    this.replication = r;
    this.sink = callSink;
    sim.reset();
    Workload w = plan.topology.workload();
    traceCall = traceClient < 0 ? -1 : traceClient * w.callsPerClient() + traceIndex;
    trace = null;
    timelines = new HostTimeline[plan.hosts.length];
    for (int h = 0; h < timelines.length; h++) {
      timelines[h] = new HostTimeline(plan.hosts[h], streams.stream(r, Streams.Purpose.FAILURE, h, 0));
    }
    UniformRandomProvider rr = streams.stream(r, Streams.Purpose.ROUND_ROBIN, 0, 0);
    server = new NameServer(plan.recordsA, plan.recordsAaaa, plan.recordSlotsFamily, plan.topology.dns().answerOrder(),
        rr.nextInt(1 << 20), rr.nextInt(1 << 20));
    queries.clear();
    clients = new Client[w.clients()];
    calls = new Call[w.clients() * w.callsPerClient()];
    for (int c = 0; c < clients.length; c++) {
      Client client = new Client(c);
      clients[c] = client;
      UniformRandomProvider arrivals = streams.stream(r, Streams.Purpose.ARRIVALS, c, 0);
      long t = w.startSpreadNs() > 0 ? (long) (arrivals.nextDouble() * w.startSpreadNs()) : 0;
      ZigguratSampler.Exponential gaps = w.exponential() ? ZigguratSampler.Exponential.of(arrivals, w.intervalNs()) : null;
      for (int k = 0; k < w.callsPerClient(); k++) {
        if (k > 0) {
          t = Time.add(t, gaps != null ? Math.round(gaps.sample()) : w.intervalNs());
        }
        int id = c * w.callsPerClient() + k;
        calls[id] = new Call(id, c, k);
        if (t != Time.NEVER) {
          sim.at(t, CALL_START, id, 0);
        }
      }
    }
    sim.run(this);
  }

  @Override
  public void handle(int kind, int a, long b) {
    Call call = calls[a];
    switch (kind) {
      case CALL_START -> startCall(call);
      case DNS_ANSWER -> dnsAnswer(call, queries.get((int) b));
      case RESOLUTION_DELAY -> resolutionDelayOver(call, (int) b);
      case ATTEMPT_END -> attemptEnded(call, (int) b);
      case WAKE -> woken(call, (int) b);
      case DEADLINE -> deadlinePassed(call);
      case RETRY -> beginTry(call);
      default -> throw new IllegalStateException("unknown event kind " + kind);
    }
  }

  // ---- calls and DNS --------------------------------------------------------------------------

  private void startCall(Call call) {
    call.startedAt = sim.now();
    if (call.id == traceCall) {
      trace = new CallTrace(call.client, call.index, replication, sim.now());
    }
    beginTry(call);
  }

  private void beginTry(Call call) {
    call.tries++;
    call.resetTry(sim.now());
    if (stack.deadlineNs() != Time.NEVER) {
      call.deadlineAt = Time.add(sim.now(), stack.deadlineNs());
      call.deadlineEvent = sim.at(call.deadlineAt, DEADLINE, call.id, 0);
    }
    if (tracing(call)) {
      trace.tryStarted(call.tries, sim.now(), call.deadlineAt);
    }
    Client client = clients[call.client];
    if (plan.hostsFile) {
      // a static hosts file: answered at once, in the order written, never refreshed
      call.answers[TYPE_A] = plan.queryA ? plan.recordsA : new int[0];
      call.answers[TYPE_AAAA] = plan.queryAaaa ? plan.recordsAaaa : new int[0];
      call.answered[TYPE_A] = true;
      call.answered[TYPE_AAAA] = true;
      if (tracing(call)) {
        trace.dns("hosts-file", sim.now(), sim.now(), addressesOf(plan.recordsA, plan.recordsAaaa), "static hosts file entry");
      }
      startConnecting(call);
      return;
    }
    Dns dns = plan.topology.dns();
    boolean needA = plan.queryA;
    boolean needAaaa = plan.queryAaaa;
    boolean queryAny = (needA && !client.cache.fresh(TYPE_A, sim.now())) || (needAaaa && !client.cache.fresh(TYPE_AAAA, sim.now()));
    double zA = 0;
    double zAaaa = 0;
    if (queryAny) {
      // two draws per query round, whatever is asked, to keep the client's stream aligned
      zA = client.dnsGauss().sample();
      zAaaa = client.dnsGauss().sample();
    }
    for (int type = TYPE_A; type <= TYPE_AAAA; type++) {
      boolean need = type == TYPE_A ? needA : needAaaa;
      call.answered[type] = !need;
      call.answers[type] = new int[0];
      if (!need) {
        continue;
      }
      if (client.cache.fresh(type, sim.now())) {
        call.answers[type] = client.cache.answer(type);
        call.answered[type] = true;
        if (tracing(call)) {
          trace.dns(typeName(type), sim.now(), sim.now(), addressesOf(client.cache.answer(type)), "from the client's cache");
        }
        continue;
      }
      long latency;
      int[] answer = server.answer(type, client::dnsOrder);
      if (type == TYPE_AAAA && dns.aaaa() == AaaaBehaviour.TIMEOUT) {
        latency = dns.resolverTimeoutNs();
        answer = null; // no answer: the resolver gives up
      } else if (type == TYPE_AAAA && dns.aaaa() == AaaaBehaviour.EMPTY) {
        latency = Delays.sample(dns.latencyAaaa(), zAaaa);
        answer = new int[0];
      } else {
        latency = Delays.sample(type == TYPE_A ? dns.latencyA() : dns.latencyAaaa(), type == TYPE_A ? zA : zAaaa);
      }
      queries.add(new Query(type, call.tries, answer, sim.now()));
      sim.at(Time.add(sim.now(), latency), DNS_ANSWER, call.id, queries.size() - 1);
    }
    // answers from the cache count like answers that just came in
    resolutionProgress(call, -1);
  }

  private void dnsAnswer(Call call, Query q) {
    Client client = clients[call.client];
    int type = q.type();
    int[] answer = q.answer();
    Dns dns = plan.topology.dns();
    boolean timedOut = answer == null;
    if (!timedOut) {
      client.cache.store(type, answer, Time.add(sim.now(), plan.target.ttlNs()));
    }
    // an answer to a try that has ended (or to an earlier try) still fills the cache, but the
    // call no longer waits for it
    if (call.done || call.tryOver || q.tryNumber() != call.tries) {
      return;
    }
    call.answered[type] = true;
    call.answers[type] = timedOut ? new int[0] : answer;
    if (tracing(call)) {
      String note = timedOut ? "no answer: the resolver gave up after " + Time.format(dns.resolverTimeoutNs())
          : answer.length == 0 ? "empty answer (NODATA)" : "";
      trace.dns(typeName(type), q.sentAt(), sim.now(), addressesOf(call.answers[type]), note);
    }
    if (call.connecting) {
      lateAnswer(call);
      return;
    }
    resolutionProgress(call, type);
  }

  /**
   * Decides, after answers came (from the network or the cache), whether the call starts
   * connecting now, waits, or starts the Resolution Delay.
   *
   * @param type the type that just arrived from the network, or -1 for the start of a try
   */
  private void resolutionProgress(Call call, int type) {
    boolean both = call.answered[TYPE_A] && call.answered[TYPE_AAAA];
    if (stack.resolutionDelayNs() == Time.NEVER) {
      // getaddrinfo-style: wait for both answers
      if (both) {
        startConnecting(call);
      }
      return;
    }
    // RFC 8305 section 3: go on a usable AAAA answer at once; on an A answer, wait the
    // Resolution Delay for AAAA (once per try, whether A came from the network or the cache)
    boolean aaaaUsable = call.answered[TYPE_AAAA] && call.answers[TYPE_AAAA].length > 0;
    if (aaaaUsable || both) {
      startConnecting(call);
    } else if (call.answered[TYPE_A] && (type == TYPE_A || type == -1)
        && call.resolutionDelayEvent == Simulator.NO_EVENT) {
      call.resolutionDelayEvent = sim.after(stack.resolutionDelayNs(), RESOLUTION_DELAY, call.id, call.tries);
    }
  }

  private void resolutionDelayOver(Call call, int tryNumber) {
    call.resolutionDelayEvent = Simulator.NO_EVENT;
    if (!call.done && !call.tryOver && tryNumber == call.tries && !call.connecting) {
      startConnecting(call);
    }
  }

  // ---- ordering and attempts ------------------------------------------------------------------

  private void startConnecting(Call call) {
    call.connecting = true;
    sim.cancel(call.resolutionDelayEvent);
    call.resolutionDelayEvent = Simulator.NO_EVENT;
    int[] received = server.merge(call.answers[TYPE_A], call.answers[TYPE_AAAA]);
    Client client = clients[call.client];
    Ordering.Result ordered = Ordering.order(stack, received, plan.addresses,
        plan.topology.workload().sourceAddresses(), client.recall, sim.now(), client::shuffle, tracing(call));
    call.setCandidates(ordered.order());
    if (tracing(call)) {
      trace.order(addressesOf(call.cand), ordered.notes());
    }
    call.strategy = Strategy.of(stack);
    current = call;
    call.strategy.begin(this);
    checkIdle(call);
  }

  /** A DNS answer that came after attempts began: its new addresses join the end of the list. */
  private void lateAnswer(Call call) {
    int[] received = server.merge(call.answers[TYPE_A], call.answers[TYPE_AAAA]);
    Client client = clients[call.client];
    Ordering.Result ordered = Ordering.order(stack, received, plan.addresses,
        plan.topology.workload().sourceAddresses(), client.recall, sim.now(), client::shuffle, false);
    int added = 0;
    for (int a : ordered.order()) {
      if (call.indexOf(a) < 0) {
        call.addCandidate(a);
        added++;
      }
    }
    if (added > 0) {
      if (tracing(call)) {
        trace.lateAddresses(addressesOf(Arrays.copyOfRange(call.cand, call.n - added, call.n)));
      }
      current = call;
      call.strategy.more(this);
    }
    checkIdle(call);
  }

  @Override
  public long now() {
    return sim.now();
  }

  @Override
  public long deadline() {
    return current.deadlineAt;
  }

  @Override
  public int candidates() {
    return current.n;
  }

  @Override
  public Family family(int i) {
    return plan.addresses[current.cand[i]].family();
  }

  @Override
  public boolean running(int i) {
    return current.state[i] == Call.RUNNING;
  }

  @Override
  public int runningCount() {
    return current.running;
  }

  @Override
  public void start(int i, long limitNs) {
    Call call = current;
    if (call.state[i] != Call.IDLE) {
      throw new IllegalStateException("candidate " + i + " started twice");
    }
    int a = call.cand[i];
    Client client = clients[call.client];
    long t0 = sim.now();
    long end = Time.add(t0, Math.min(plan.synGiveUp, limitNs));
    long timesOutAt = end;
    Outcome outcome = Outcome.TIMEOUT;
    int syns = 0;
    int host = plan.hostOf[a];
    Behaviour behaviour = plan.behaviour[a];
    long[] offsets = plan.synOffsets;
    int resets = 0;
    int k = 0;
    long s = t0;
    while (s < end) {
      synTimes[syns++] = s;
      if (behaviour == Behaviour.NO_ROUTE) {
        end = s;
        outcome = Outcome.UNREACHABLE;
        break;
      }
      PathStream ps = client.path(a);
      long rtt = Delays.sample(plan.rtt[a], ps.gauss.sample());
      boolean synLost = ps.rng.nextDouble() < plan.loss[a];
      boolean replyLost = ps.rng.nextDouble() < plan.loss[a];
      long reply = Time.add(s, rtt);
      long next = ++k < offsets.length ? Time.add(t0, offsets[k]) : Time.NEVER;
      if (reply < end) {
        if (behaviour == Behaviour.UNREACHABLE) {
          end = reply;
          outcome = Outcome.UNREACHABLE;
          break;
        }
        if (behaviour == Behaviour.DELIVER && host >= 0 && !timelines[host].down(s) && !synLost && !replyLost) {
          boolean listens = (plan.listensMask[host] & (1 << plan.addresses[a].family().ordinal())) != 0;
          if (listens) {
            end = reply;
            outcome = Outcome.CONNECTED;
            break;
          }
          if (stack.rst() == RstAction.FAIL || ++resets > RstAction.WINDOWS_RST_RETRIES) {
            end = reply;
            outcome = Outcome.REFUSED;
            break;
          }
          // Windows: the host is there, so the SYN goes again after the base timeout, not doubled
          next = Time.add(s, RstAction.WINDOWS_RST_INTERVAL_NS);
        }
      }
      // blackhole, a dead host, a lost SYN or SYN-ACK: nothing comes back; the next SYN goes
      // on the schedule (never before this one, should reset SYNs have run ahead of it)
      s = next > s ? next : Time.add(s, stack.syn().rto(k));
    }
    call.state[i] = Call.RUNNING;
    call.running++;
    call.attempts++;
    call.attemptStart[i] = t0;
    call.plannedOutcome[i] = outcome;
    if (tracing(call)) {
      call.synTimes[i] = Arrays.copyOf(synTimes, syns);
      call.limitAt[i] = timesOutAt;
    }
    call.endEvent[i] = sim.at(end, ATTEMPT_END, call.id, i);
  }

  @Override
  public void wakeAt(long t) {
    Call call = current;
    sim.cancel(call.wakeEvent);
    call.wakeEvent = sim.at(t, WAKE, call.id, call.tries);
  }

  @Override
  public void cancelWake() {
    sim.cancel(current.wakeEvent);
    current.wakeEvent = Simulator.NO_EVENT;
  }

  private void woken(Call call, int tryNumber) {
    if (call.done || call.tryOver || tryNumber != call.tries) {
      return; // a wake-up of a try that has ended
    }
    call.wakeEvent = Simulator.NO_EVENT;
    current = call;
    call.strategy.wake(this);
    checkIdle(call);
  }

  private void attemptEnded(Call call, int i) {
    Outcome outcome = call.plannedOutcome[i];
    endAttempt(call, i, outcome);
    Client client = clients[call.client];
    int a = call.cand[i];
    if (outcome == Outcome.CONNECTED) {
      client.recall.connected(a, sim.now());
      call.connectedAddress = a;
      finish(call, true, null);
      return;
    }
    client.recall.failed(a, sim.now());
    current = call;
    call.strategy.failed(this, i);
    checkIdle(call);
  }

  /** Marks attempt {@code i} over at now with {@code outcome}. */
  private void endAttempt(Call call, int i, Outcome outcome) {
    call.state[i] = Call.ENDED;
    call.running--;
    if (outcome != Outcome.CONNECTED) {
      call.wastedNs += sim.now() - call.attemptStart[i];
    }
    if (tracing(call)) {
      // SYNs planned after the attempt ended (cancelled by the deadline or a sibling) were never sent
      long[] planned = call.synTimes[i];
      int sent = 0;
      while (sent < planned.length && (planned[sent] < sim.now() || sent == 0)) {
        sent++;
      }
      int a = call.cand[i];
      trace.attempt(call.tries, plan.addresses[a], plan.hostName(a), call.attemptStart[i], sim.now(),
          Arrays.copyOf(planned, sent), call.limitAt[i], outcome);
    }
  }

  private void deadlinePassed(Call call) {
    call.deadlineEvent = Simulator.NO_EVENT;
    if (call.done) {
      return;
    }
    failTry(call, CallTrace.End.DEADLINE);
  }

  /** Ends the call when nothing runs, nothing is pending and the strategy has nothing left. */
  private void checkIdle(Call call) {
    if (call.done || !call.connecting || call.running > 0 || call.wakeEvent != Simulator.NO_EVENT) {
      return;
    }
    current = call;
    if (!call.strategy.exhausted(this)) {
      return;
    }
    boolean dnsPending = !call.answered[TYPE_A] || !call.answered[TYPE_AAAA];
    if (dnsPending) {
      return; // a late answer may still bring addresses
    }
    failTry(call, call.n == 0 ? CallTrace.End.NO_ADDRESSES : CallTrace.End.ALL_FAILED);
  }

  private void failTry(Call call, CallTrace.End why) {
    stopTry(call, Outcome.CANCELLED);
    if (tracing(call)) {
      trace.tryEnded(call.tries, why, sim.now(), notStarted(call));
    }
    if (call.tries <= stack.callRetries().max()) {
      // until the retry begins, events of this try (late DNS answers) must not act on the call
      call.tryOver = true;
      sim.after(stack.callRetries().backoffNs(), RETRY, call.id, 0);
      return;
    }
    finish(call, false, why);
  }

  /** The candidates never started, and whether each would have answered now (for explain). */
  private List<CallTrace.NotTried> notStarted(Call call) {
    List<CallTrace.NotTried> out = new ArrayList<>();
    for (int i = 0; i < call.n; i++) {
      if (call.state[i] == Call.IDLE) {
        int a = call.cand[i];
        int host = plan.hostOf[a];
        boolean would = host >= 0 && plan.behaviour[a] == Behaviour.DELIVER && plan.loss[a] < 1
            && !timelines[host].down(sim.now())
            && (plan.listensMask[host] & (1 << plan.addresses[a].family().ordinal())) != 0;
        out.add(new CallTrace.NotTried(plan.addresses[a], plan.hostName(a), i + 1, would, plan.rtt[a].medianNs()));
      }
    }
    return out;
  }

  /** Cancels everything the current try has pending; running attempts end as {@code outcome}. */
  private void stopTry(Call call, Outcome outcome) {
    for (int i = 0; i < call.n; i++) {
      if (call.state[i] == Call.RUNNING) {
        sim.cancel(call.endEvent[i]);
        endAttempt(call, i, outcome);
      }
    }
    sim.cancel(call.wakeEvent);
    call.wakeEvent = Simulator.NO_EVENT;
    sim.cancel(call.deadlineEvent);
    call.deadlineEvent = Simulator.NO_EVENT;
    sim.cancel(call.resolutionDelayEvent);
    call.resolutionDelayEvent = Simulator.NO_EVENT;
  }

  private void finish(Call call, boolean connected, CallTrace.End why) {
    if (connected) {
      stopTry(call, Outcome.CANCELLED);
    }
    call.done = true;
    long establish = sim.now() - call.startedAt;
    if (tracing(call)) {
      if (connected) {
        trace.tryEnded(call.tries, CallTrace.End.CONNECTED, sim.now(), notStarted(call));
      }
      trace.finish(connected, connected ? plan.addresses[call.connectedAddress] : null, sim.now());
    }
    sink.call(call.client, call.index, connected, establish, call.attempts, call.wastedNs);
  }

  private boolean tracing(Call call) {
    return call.id == traceCall && trace != null;
  }

  private static String typeName(int type) {
    return type == TYPE_A ? "A" : "AAAA";
  }

  private List<Address> addressesOf(int[]... lists) {
    List<Address> out = new ArrayList<>();
    for (int[] l : lists) {
      for (int a : l) {
        out.add(plan.addresses[a]);
      }
    }
    return out;
  }

  // ---- per-replication state ------------------------------------------------------------------

  /**
   * One DNS query in flight: its type, the try that sent it, the answer the server gave (null
   * when none will come) and when it was sent. Kept per query, so a later try's query cannot
   * overwrite what an earlier one is still waiting for.
   */
  private record Query(int type, int tryNumber, int[] answer, long sentAt) {}

  /** One RTT-and-loss stream: one client to one address. */
  private static final class PathStream {
    final UniformRandomProvider rng;
    final ZigguratSampler.NormalizedGaussian gauss;

    PathStream(UniformRandomProvider rng) {
      this.rng = rng;
      this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    }
  }

  /** A client instance: cold at the start of each replication. */
  private final class Client {
    final int id;
    final Cache cache = new Cache();
    final Recall recall;
    private final PathStream[] paths;
    private ZigguratSampler.NormalizedGaussian dnsGauss;
    private UniformRandomProvider dnsOrder;
    private UniformRandomProvider shuffle;

    Client(int id) {
      this.id = id;
      this.recall = new Recall(stack.memory(), plan.addresses.length);
      this.paths = new PathStream[plan.addresses.length];
    }

    PathStream path(int address) {
      PathStream p = paths[address];
      if (p == null) {
        // keyed by the address's text, not its number, so adding a host elsewhere in a sweep
        // or a configuration does not move this path's draws
        int key = plan.addresses[address].hashCode();
        p = new PathStream(streams.stream(replication, Streams.Purpose.PATH, id, key));
        paths[address] = p;
      }
      return p;
    }

    ZigguratSampler.NormalizedGaussian dnsGauss() {
      if (dnsGauss == null) {
        dnsGauss = ZigguratSampler.NormalizedGaussian.of(streams.stream(replication, Streams.Purpose.DNS_LATENCY, id, 0));
      }
      return dnsGauss;
    }

    UniformRandomProvider dnsOrder() {
      if (dnsOrder == null) {
        dnsOrder = streams.stream(replication, Streams.Purpose.DNS_ORDER, id, 0);
      }
      return dnsOrder;
    }

    UniformRandomProvider shuffle() {
      if (shuffle == null) {
        shuffle = streams.stream(replication, Streams.Purpose.SHUFFLE, id, 0);
      }
      return shuffle;
    }
  }
}
