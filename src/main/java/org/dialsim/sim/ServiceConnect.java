package org.dialsim.sim;

import org.dialsim.dns.ServiceResolution;
import org.dialsim.engine.Time;
import org.dialsim.stack.Endpoint;
import org.dialsim.stack.Endpoints;
import org.dialsim.stack.Ordering;
import org.dialsim.stack.Recall;

/** The HTTPS-record side of a try: when to connect, the endpoint list, and answers that come late. */
final class ServiceConnect {
  private final World world;
  private final Agenda agenda;
  private final org.dialsim.engine.Simulator sim;
  private final Recall recall;
  private final Endpoints endpoints;
  private final int[] endpointAddress;
  private final int[] endpointMeta;

  ServiceConnect(World world, Ordering ordering, int capacity) {
    this.world = world;
    this.agenda = world.agenda;
    this.sim = world.sim;
    this.recall = world.recall;
    this.endpoints = new Endpoints(world.plan.service, world.stack, ordering, world.plan.families);
    this.endpointAddress = new int[capacity];
    this.endpointMeta = new int[capacity];
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
      case FAIL -> world.failTry(call, CallTrace.End.NO_SERVICE);
      case WAIT -> {
        if (res.timerAt() != Time.NEVER) {
          agenda.setTimer(call, Call.RESOLUTION_DELAY, res.timerAt());
        }
      }
    }
  }

  /** The endpoint list of a stack that queries HTTPS records is built, and the strategy begins. */
  private void startServiceConnecting(Call call) {
    call.connecting = true;
    call.clearTimer(Call.RESOLUTION_DELAY);
    java.util.List<String> notes = call.tracer.orderNotes();
    int n = endpoints.build(call.service, recall, call.client, sim.now(), world.shuffleStream(call.client), endpointAddress,
        endpointMeta, notes);
    call.n = 0;
    for (int i = 0; i < n; i++) {
      call.addCandidate(endpointAddress[i], endpointMeta[i]);
    }
    call.tracer.endpoints(call.candidateList(), call.endpointList(), call.endpointOffset(), call.n, notes);
    call.strategy.reset();
    call.strategy.begin(call.first);
    world.checkIdle(call);
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
    int n = endpoints.build(call.service, recall, call.client, sim.now(), world.shuffleStream(call.client), endpointAddress,
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
    world.checkIdle(call);
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
}
