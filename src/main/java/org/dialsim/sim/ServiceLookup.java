package org.dialsim.sim;

import org.dialsim.dns.Caches;
import org.dialsim.dns.NameServer;
import org.dialsim.dns.ServiceNames;
import org.dialsim.dns.ServiceResolution;
import org.dialsim.engine.Simulator;
import org.dialsim.engine.Time;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Pathology;

/**
 * The DNS side of a call whose stack queries HTTPS records: it sends the queries of a try
 * (HTTPS, AAAA and A of the origin, draft-ietf-happy-happyeyeballs-v3-04 section 4.1, then the
 * HTTPS query of each alias target and the A/AAAA queries of each TargetName as answers lead to
 * them), answers them from the client's cache or the name servers, and hands each answer to the
 * call's {@link ServiceResolution}. When the resolution says go, it tells the world.
 *
 * <p>The origin's A and AAAA latencies draw from the client's DNS stream exactly as a stack
 * without HTTPS draws them (two draws per round); HTTPS latencies and everything about other
 * names draw from a stream of their own. Queries and answers live in the world's pools, so a
 * call allocates nothing.
 */
final class ServiceLookup {
  private final World world;
  private final Plan plan;
  private final ServiceNames names;
  private final Simulator sim;
  private final Caches caches;
  private final Queries queries;
  private final ClientStreams streams;
  private final NameServer[] servers; // by name; the origin's is the world's own
  private final int[] inline; // queries answered with no latency, waiting their turn
  private int inlineHead;
  private int inlineCount;
  private boolean draining;

  ServiceLookup(World world, Plan plan, Simulator sim, Caches caches, Queries queries, ClientStreams streams,
      NameServer origin) {
    this.world = world;
    this.plan = plan;
    this.names = plan.service;
    this.sim = sim;
    this.caches = caches;
    this.queries = queries;
    this.streams = streams;
    this.servers = new NameServer[names.count()];
    servers[0] = origin;
    AnswerOrder order = plan.topology.dns().answerOrder();
    for (int n = 1; n < servers.length; n++) {
      servers[n] = new NameServer(names.records(n, ServiceNames.A), names.records(n, ServiceNames.AAAA),
          names.slotTypes(n), order, 0, 0);
    }
    // each (name, type) is asked at most once per try
    this.inline = new int[names.count() * ServiceNames.TYPES];
  }

  /** Starts a new replication: each name's round-robin counters from the world's stream. */
  void reset(RandomStream roundRobin) {
    for (int n = 1; n < servers.length; n++) {
      servers[n].reset(roundRobin.nextInt(1 << 20), roundRobin.nextInt(1 << 20));
    }
  }

  /** A try of {@code call} begins now: the origin's queries go out (or come from the cache). */
  void begin(Call call, boolean quicUsable) {
    long now = sim.now();
    ServiceResolution res = call.service;
    res.begin(now, quicUsable);
    int client = call.client;
    boolean needA = plan.queryA;
    boolean needAaaa = plan.queryAaaa;
    double zA = 0;
    double zAaaa = 0;
    if (plan.dnsLatencyDrawn
        && ((needA && !fresh(client, 0, ServiceNames.A, now)) || (needAaaa && !fresh(client, 0, ServiceNames.AAAA, now)))) {
      // two draws per query round, whatever is asked: the stream a stack without HTTPS draws
      // (none for fixed latencies, which need no deviate)
      zA = streams.dnsDeviate(client);
      zAaaa = streams.dnsDeviate(client);
    }
    // the draft section 4.1: HTTPS, then AAAA, then A, "as soon after one another as possible"
    ask(call, 0, ServiceNames.HTTPS, Double.NaN);
    if (needAaaa) {
      ask(call, 0, ServiceNames.AAAA, zAaaa);
    }
    if (needA) {
      ask(call, 0, ServiceNames.A, zA);
    }
    drainInline();
    world.services.serviceProgress(call);
  }

  private boolean fresh(int client, int n, int type, long now) {
    return caches.fresh(client, ServiceNames.slot(n, type), now);
  }

  /**
   * Asks {@code type} of name {@code n} for the call: from the cache at once, or as a query.
   *
   * @param z the normal deviate of its latency, or NaN to draw one from the service stream
   */
  private void ask(Call call, int n, int type, double z) {
    long now = sim.now();
    int client = call.client;
    ServiceResolution res = call.service;
    res.sent(n, type);
    int slot = ServiceNames.slot(n, type);
    if (caches.fresh(client, slot, now)) {
      int length = caches.length(client, slot);
      call.tracer.serviceDns(n, type, Tracer.Source.CACHE, now, now, caches.data(), caches.offset(client, slot), length,
          false);
      take(call, n, type, caches.data(), caches.offset(client, slot), length, false);
      return;
    }
    int q = queries.open(type, n, call, now);
    double deviate = Double.isNaN(z) ? streams.serviceDnsDeviate(client) : z;
    if (type == ServiceNames.HTTPS) {
      queries.length[q] = names.hasRecords(n) ? 1 : 0;
    } else {
      boolean random = servers[n].answerOrder() == AnswerOrder.RANDOM;
      queries.length[q] = servers[n].answer(type, !random ? null : n == 0 ? streams.dnsOrder(client)
          : streams.serviceDnsOrder(client), queries.answer[q]);
    }
    long latency = Delays.sample(names.latency(n, type), deviate);
    Pathology p = names.pathology(n, type);
    if (p == Pathology.TIMEOUT) {
      latency = plan.topology.dns().resolverTimeoutNs();
      queries.timedOut[q] = true; // no answer: the resolver gives up
      queries.length[q] = 0;
    } else if (p == Pathology.EMPTY) {
      queries.length[q] = 0;
    } else if (p == Pathology.SERVFAIL) {
      queries.length[q] = 0;
      queries.failed[q] = true;
    }
    if (latency == 0) {
      inline[inlineCount++] = q;
    } else {
      sim.at(Time.add(now, latency), World.DNS_ANSWER, q, 0);
    }
  }

  /**
   * Answers with no latency, in the order their queries went out (DNS answers go first at an
   * instant); an answer handled here may send more, which join the queue.
   */
  private void drainInline() {
    if (draining) {
      return;
    }
    draining = true;
    while (inlineHead < inlineCount) {
      answered(inline[inlineHead++]);
    }
    inlineHead = 0;
    inlineCount = 0;
    draining = false;
  }

  /**
   * The answer to query {@code q} came: it fills the client's cache (an error or no answer does
   * not), and the call that asked takes it if it still waits for it. Returns that call, or null.
   */
  Call answered(int q) {
    int type = queries.type[q];
    int n = queries.name[q];
    boolean lost = queries.timedOut[q] || queries.failed[q];
    if (!lost) {
      caches.store(queries.client[q], ServiceNames.slot(n, type), queries.answer[q], queries.length[q],
          Time.add(sim.now(), names.ttlNs(n)));
    }
    Call call = world.callInSlot(queries.callSlot[q]);
    boolean waiting = call.live && call.serial == queries.callSerial[q] && !call.done && !call.tryOver
        && queries.tryNumber[q] == call.tries;
    if (waiting) {
      call.tracer.serviceDns(n, type, queries.timedOut[q] ? Tracer.Source.TIMEOUT : Tracer.Source.SERVER,
          queries.sentAt[q], sim.now(), queries.answer[q], 0, queries.length[q], queries.failed[q]);
    }
    int[] answer = queries.answer[q];
    int length = queries.length[q];
    queries.give(q);
    if (!waiting) {
      return null;
    }
    take(call, n, type, answer, 0, length, lost);
    drainInline();
    if (call.connecting) {
      world.services.serviceLate(call);
    } else {
      world.services.serviceProgress(call);
    }
    return call;
  }

  /** Hands one answer (from a server or the cache) to the call's resolution, and asks what it leads to. */
  private void take(Call call, int n, int type, int[] data, int offset, int length, boolean lost) {
    ServiceResolution res = call.service;
    long now = sim.now();
    if (type != ServiceNames.HTTPS) {
      res.addresses(n, type, data, offset, length, lost, now);
      return;
    }
    ServiceResolution.Service before = res.service();
    int next = res.https(n, length > 0, lost, now, streams.svcbShuffle(call.client));
    if (next >= 0) {
      ask(call, next, ServiceNames.HTTPS, Double.NaN);
    }
    if (before != ServiceResolution.Service.RECORDS && res.service() == ServiceResolution.Service.RECORDS) {
      // the draft section 4.2.1: the client queries A/AAAA for each TargetName (the crate's
      // send_dns_request_for_target_name), AAAA first as for the origin
      for (int i = 0; i < res.usableCount(); i++) {
        int t = names.target(res.usable(i));
        if (t == 0) {
          continue; // the origin's own A and AAAA go out with its HTTPS query, whatever it says
        }
        if (plan.queryAaaa && !res.asked(t, ServiceNames.AAAA)) {
          ask(call, t, ServiceNames.AAAA, Double.NaN);
        }
        if (plan.queryA && !res.asked(t, ServiceNames.A)) {
          ask(call, t, ServiceNames.A, Double.NaN);
        }
      }
    }
  }
}
