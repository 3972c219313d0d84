package org.dialsim.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dialsim.dns.NameServer;
import org.dialsim.dns.ServiceNames;
import org.dialsim.dns.ServiceResolution;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.model.Behaviour;
import org.dialsim.stack.Endpoint;

/** Records the story of the one call {@code explain} follows into a {@link CallTrace}. */
final class TraceRecorder implements Tracer {
  private final Plan plan;
  private final HostTimeline[] timelines;
  private final CallTrace trace;
  private final long[][] plannedSyns; // by candidate, for the try under way
  private final long[] limitAt;
  private final int[] endpoint; // by candidate: its packed Endpoint (stacks that query HTTPS)

  TraceRecorder(Plan plan, HostTimeline[] timelines, CallTrace trace, int capacity) {
    this.plan = plan;
    this.timelines = timelines;
    this.trace = trace;
    this.plannedSyns = new long[capacity][];
    this.limitAt = new long[capacity];
    this.endpoint = new int[capacity];
  }

  /** The story so far. */
  CallTrace trace() {
    return trace;
  }

  @Override
  public void tryStarted(int tryNumber, long now, long deadline) {
    trace.tryStarted(tryNumber, now, deadline);
  }

  @Override
  public void dns(int type, Source source, long sentNs, long answeredNs, int[] answer, int n) {
    String name = source == Source.HOSTS_FILE ? "hosts-file" : typeName(type);
    String note = switch (source) {
      case HOSTS_FILE -> "static hosts file entry";
      case CACHE -> "from the client's cache";
      case TIMEOUT -> "no answer: the resolver gave up after " + Time.format(plan.topology.dns().resolverTimeoutNs());
      case SERVER -> n == 0 ? "empty answer (NODATA)" : "";
    };
    trace.dns(name, sentNs, answeredNs, addresses(answer, 0, n), note);
  }

  @Override
  public void unanswered(int tryNumber, int name, int type, long sentNs, long now) {
    String note = "no answer before the call ended at " + Time.secondsText(now - trace.startNs()) + " s";
    if (plan.service == null) {
      trace.unanswered(tryNumber, typeName(type), null, sentNs, note);
    } else {
      trace.unanswered(tryNumber, serviceTypeName(type), plan.service.name(name), sentNs, note);
    }
  }

  /** A record type of {@link NameServer} by its name. */
  private static String typeName(int type) {
    return type == NameServer.A ? "A" : "AAAA";
  }

  /** A record type of {@link ServiceNames} by its name. */
  private static String serviceTypeName(int type) {
    return type == ServiceNames.HTTPS ? "HTTPS" : type == ServiceNames.A ? "A" : "AAAA";
  }

  @Override
  public List<String> orderNotes() {
    return new ArrayList<>();
  }

  @Override
  public void order(int[] cand, int n, List<String> notes) {
    trace.order(addresses(cand, 0, n), notes);
  }

  @Override
  public void lateAddresses(int[] cand, int from, int to) {
    trace.lateAddresses(addresses(cand, from, to));
  }

  @Override
  public void backupJobStarted(Call call, long now) {
    for (int i = call.jobN; i < call.n; i++) {
      endpoint[i] = call.endpoint(i);
    }
    trace.note("a backup connect job started at " + Time.format(now - trace.startNs()) + " after the call began: "
        + (plan.service == null ? "the same addresses again" : "the TCP endpoints again (QUIC has no backup job)")
        + ", in the same order, beside the first job (the first job to end, connected or failed, ends the try)");
  }

  @Override
  public void attemptWorked(int i, long[] synTimes, int syns, long timesOutAt) {
    plannedSyns[i] = Arrays.copyOf(synTimes, syns);
    limitAt[i] = timesOutAt;
  }

  @Override
  public void attemptEnded(int tryNumber, int i, int address, long start, long end, Outcome outcome) {
    // SYNs planned after the attempt ended (cancelled by the deadline or a sibling) were never sent
    long[] planned = plannedSyns[i];
    int sent = 0;
    while (sent < planned.length && (planned[sent] < end || sent == 0)) {
      sent++;
    }
    trace.attempt(tryNumber, plan.addresses[address], plan.hostName(address), start, end,
        Arrays.copyOf(planned, sent), limitAt[i], outcome, plan.service == null ? null : endpoint(address, endpoint[i]));
  }

  @Override
  public void tryEnded(int tryNumber, CallTrace.End end, long now, Call call) {
    trace.tryEnded(tryNumber, end, now, notStarted(call, now));
  }

  @Override
  public void finished(boolean connected, int address, long now) {
    trace.finish(connected, connected ? plan.addresses[address] : null, now);
  }

  /** The candidates never started, and whether each would have answered now. */
  private List<CallTrace.NotTried> notStarted(Call call, long now) {
    List<CallTrace.NotTried> out = new ArrayList<>();
    for (int i = 0; i < call.jobN; i++) {
      if (call.state(i) == Call.IDLE) {
        int a = call.cand(i);
        int host = plan.hostOf[a];
        boolean would = host >= 0 && plan.behaviour[a] == Behaviour.DELIVER && plan.loss[a] < 1
            && !timelines[host].down(now, now) && plan.listens(host, a);
        CallTrace.Endpoint e = plan.service == null ? null : endpoint(a, call.endpoint(i));
        if (e != null && e.quic()) {
          would = host >= 0 && plan.udpBehaviour[a] == Behaviour.DELIVER && plan.udpLoss[a] < 1
              && !timelines[host].down(now, now) && plan.answersQuic(host, a);
        }
        out.add(new CallTrace.NotTried(plan.addresses[a], plan.hostName(a), i + 1, would,
            (e != null && e.quic() ? plan.udpRtt[a] : plan.rtt[a]).medianNs(), e));
      }
    }
    return out;
  }

  // ---- stacks that query HTTPS records ----------------------------------------------------------

  @Override
  public void serviceDns(int name, int type, Source source, long sentNs, long answeredNs, int[] answer, int from, int n,
      boolean failed) {
    ServiceNames names = plan.service;
    String typeName = serviceTypeName(type);
    List<String> records = new ArrayList<>();
    if (type == ServiceNames.HTTPS && n > 0) {
      for (int r = names.firstRecord(name); r < names.endRecord(name); r++) {
        records.add(names.text(r));
      }
    }
    String note = switch (source) {
      case HOSTS_FILE -> "static hosts file entry";
      case CACHE -> "from the client's cache";
      case TIMEOUT -> "no answer: the resolver gave up after " + Time.format(plan.topology.dns().resolverTimeoutNs());
      case SERVER -> failed ? "error answer (SERVFAIL)" : n == 0 ? "empty answer (NODATA)" : "";
    };
    trace.dns(typeName, names.name(name), sentNs, answeredNs,
        type == ServiceNames.HTTPS ? List.of() : addresses(answer, from, from + n), records, note);
  }

  @Override
  public void quicBroken(long until) {
    trace.pendingNote("QUIC not tried: this client marked it broken, until " + seconds(until)
        + " after this call began (quic.memory)");
  }

  @Override
  public void ready(ServiceResolution res, long now) {
    long rd = plan.stack.resolutionDelayNs();
    String https = res.service() == ServiceResolution.Service.PENDING ? "the HTTPS answer was not in yet"
        : res.service() == ServiceResolution.Service.RECORDS ? "HTTPS records were in"
        : res.service() == ServiceResolution.Service.FAILED ? "the HTTPS query had failed"
        : "no HTTPS service information was to come";
    String why = switch (res.ready()) {
      case ALL_ANSWERED -> "every query was answered (" + https + ")";
      case ANSWERS -> "an address, the preferred family's answer and the HTTPS answer were in "
          + "(draft-ietf-happy-happyeyeballs-v3-04 section 4.2, condition (a))";
      case RESOLUTION_DELAY -> "the Resolution Delay (" + Time.format(rd) + ") had passed since the first "
          + (plan.stack.https().delayFrom() == org.dialsim.stack.Https.DelayFrom.FIRST_ADDRESS
              ? "address answer at " + seconds(res.firstAddressAt()) : "answer at " + seconds(res.firstAnswerAt()))
          + " with an address in; " + https + " (draft-ietf-happy-happyeyeballs-v3-04 section 4.2, condition (b))";
      case RELIANT -> "the HTTPS records were in (SVCB-reliant: no attempt before them, RFC 9460 section 3)";
      case ADDRESSES_AND_HTTPS -> "A, AAAA and HTTPS were answered";
      case HTTPS_GIVEN_UP -> "A and AAAA were answered and the HTTPS query's extra time ran out; the stack went "
          + "without it";
    };
    trace.ready(now, "connecting began at " + seconds(now) + ": " + why);
  }

  @Override
  public void endpoints(int[] cand, int[] meta, int offset, int n, List<String> notes) {
    System.arraycopy(meta, offset, endpoint, 0, n);
    trace.endpoints(addresses(cand, 0, n), endpointList(cand, 0, n), notes);
  }

  @Override
  public void lateEndpoints(int[] cand, int[] meta, int offset, int kept, int n, long now) {
    System.arraycopy(meta, offset, endpoint, 0, n);
    List<String> after = new ArrayList<>();
    for (int i = kept; i < n; i++) {
      after.add(endpoint(cand[i], endpoint[i]).describe(plan.addresses[cand[i]]));
    }
    trace.resorted(kept, addresses(cand, kept, n), endpointList(cand, kept, n), "at " + seconds(now)
        + " an answer re-sorted the endpoints not started (draft-ietf-happy-happyeyeballs-v3-04 section 7): "
        + (after.isEmpty() ? "none left" : String.join(", ", after)));
  }

  @Override
  public void quicMarked(long at, long until) {
    trace.orderNote("TCP won while QUIC failed: this client marks QUIC broken from " + seconds(at) + " until "
        + seconds(until) + " (quic.memory)");
  }

  private List<CallTrace.Endpoint> endpointList(int[] cand, int from, int to) {
    List<CallTrace.Endpoint> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(endpoint(cand[i], endpoint[i]));
    }
    return out;
  }

  /** Packed endpoint {@code e} of address {@code a} in words. */
  private CallTrace.Endpoint endpoint(int a, int e) {
    ServiceNames names = plan.service;
    int g = Endpoint.group(e);
    String group = g == 0 ? "the origin's own addresses"
        : "HTTPS record " + names.text(g - 1);
    String source = switch (Endpoint.source(e)) {
      case ANSWER -> "answer";
      case HINT -> "hint";
      case ORIGIN -> "origin";
    };
    boolean udpDropped = plan.udpBehaviour[a] == Behaviour.BLACKHOLE && plan.behaviour[a] == Behaviour.DELIVER;
    return new CallTrace.Endpoint(Endpoint.quic(e) ? "quic" : "tcp", names.port(Endpoint.port(e)), Endpoint.label(e),
        source, group, udpDropped);
  }

  /** Seconds from the call's start: {@code 0.055 s}. */
  private String seconds(long t) {
    return String.format(java.util.Locale.ROOT, "%.3f s", (t - trace.startNs()) / 1e9);
  }

  private List<Address> addresses(int[] numbers, int from, int to) {
    List<Address> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(plan.addresses[numbers[i]]);
    }
    return out;
  }
}
