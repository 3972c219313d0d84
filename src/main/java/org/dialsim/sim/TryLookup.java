package org.dialsim.sim;

import org.dialsim.dns.Caches;
import org.dialsim.dns.NameServer;
import org.dialsim.dns.Resolution;
import org.dialsim.engine.Simulator;
import org.dialsim.engine.Time;
import org.dialsim.model.AaaaBehaviour;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Dns;
import org.dialsim.stack.Ordering;
import org.dialsim.stack.QuicRecall;
import org.dialsim.stack.Recall;
import org.dialsim.stack.StackConfig;

/** A try's DNS lookup: hosts file, cache or queries, the answers, the Resolution Delay and the candidate list. */
final class TryLookup {
  private static final int TYPE_A = NameServer.A;
  private static final int TYPE_AAAA = NameServer.AAAA;

  private final World world;
  private final Plan plan;
  private final StackConfig stack;
  private final Simulator sim;
  private final Agenda agenda;
  private final ClientStreams streams;
  private final Caches caches;
  private final Recall recall;
  private final NameServer server;
  private final Queries queries;
  private final Ordering ordering;
  private final ServiceLookup lookup;
  private final QuicRecall quicRecall;
  private final int[] merged;
  private final int[] reordered;
  private final int[] inline = new int[2];

  TryLookup(World world, Ordering ordering, int capacity) {
    this.world = world;
    this.plan = world.plan;
    this.stack = world.stack;
    this.sim = world.sim;
    this.agenda = world.agenda;
    this.streams = world.streams;
    this.caches = world.caches;
    this.recall = world.recall;
    this.server = world.server;
    this.queries = world.queries;
    this.ordering = ordering;
    this.lookup = world.lookup;
    this.quicRecall = world.quicRecall;
    this.merged = new int[capacity];
    this.reordered = new int[capacity];
  }

  /** Resolves the name for the try {@code call} has just begun at {@code now}. */
  void begin(Call call, long now) {
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
        sim.at(Time.add(now, latency), World.DNS_ANSWER, q, 0);
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
  Call answerArrived(int q) {
    int type = queries.type[q];
    boolean timedOut = queries.timedOut[q];
    if (!timedOut) {
      caches.store(queries.client[q], type, queries.answer[q], queries.length[q], Time.add(sim.now(), plan.target.ttlNs()));
    }
    Call call = world.callInSlot(queries.callSlot[q]);
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
      case START_DELAY -> agenda.setTimer(call, Call.RESOLUTION_DELAY, Time.add(sim.now(), call.resolution.delayNs()));
      case WAIT -> { }
    }
  }

  void resolutionDelayOver(Call call) {
    if (call.service != null) {
      world.services.serviceProgress(call);
      return;
    }
    call.resolution.delayOver();
    if (!call.connecting) {
      startConnecting(call);
    }
  }

  private void startConnecting(Call call) {
    call.connecting = true;
    call.clearTimer(Call.RESOLUTION_DELAY);
    call.resolution.delayOver();
    int received = mergeAnswers(call);
    java.util.List<String> notes = call.tracer.orderNotes();
    int n = ordering.order(merged, received, reordered, recall, call.client, sim.now(), world.shuffleStream(call.client), notes);
    call.n = 0;
    call.jobN = 0;
    for (int i = 0; i < n; i++) {
      call.addCandidate(reordered[i]);
    }
    call.tracer.order(call.candidateList(), call.n, notes);
    call.strategy.reset();
    call.strategy.begin(call.first);
    world.checkIdle(call);
  }

  /** A DNS answer that came after attempts began: its new addresses join the end of the list. */
  private void lateAnswer(Call call) {
    int received = mergeAnswers(call);
    int n = ordering.order(merged, received, reordered, recall, call.client, sim.now(), world.shuffleStream(call.client), null);
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
    world.checkIdle(call);
  }

  /** The try's answers in the family layout they were written in, into {@link #merged}. */
  private int mergeAnswers(Call call) {
    Resolution res = call.resolution;
    return server.merge(res.answers(TYPE_A), res.length(TYPE_A), res.answers(TYPE_AAAA), res.length(TYPE_AAAA), merged);
  }
}
