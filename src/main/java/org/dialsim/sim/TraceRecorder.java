package org.dialsim.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dialsim.dns.NameServer;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.model.Behaviour;

/** Records the story of the one call {@code explain} follows into a {@link CallTrace}. */
final class TraceRecorder implements Tracer {
  private final Plan plan;
  private final HostTimeline[] timelines;
  private final CallTrace trace;
  private final long[][] plannedSyns; // by candidate, for the try under way
  private final long[] limitAt;

  TraceRecorder(Plan plan, HostTimeline[] timelines, CallTrace trace, int capacity) {
    this.plan = plan;
    this.timelines = timelines;
    this.trace = trace;
    this.plannedSyns = new long[capacity][];
    this.limitAt = new long[capacity];
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
    String name = source == Source.HOSTS_FILE ? "hosts-file" : type == NameServer.A ? "A" : "AAAA";
    String note = switch (source) {
      case HOSTS_FILE -> "static hosts file entry";
      case CACHE -> "from the client's cache";
      case TIMEOUT -> "no answer: the resolver gave up after " + Time.format(plan.topology.dns().resolverTimeoutNs());
      case SERVER -> n == 0 ? "empty answer (NODATA)" : "";
    };
    trace.dns(name, sentNs, answeredNs, addresses(answer, 0, n), note);
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
  public void backupJobStarted(long now) {
    trace.note("a backup connect job started at " + Time.format(now - trace.startNs()) + " after the call began: "
        + "the same addresses again, in the same order, beside the first job (the first job to end, connected or "
        + "failed, ends the try)");
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
        Arrays.copyOf(planned, sent), limitAt[i], outcome);
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
        out.add(new CallTrace.NotTried(plan.addresses[a], plan.hostName(a), i + 1, would, plan.rtt[a].medianNs()));
      }
    }
    return out;
  }

  private List<Address> addresses(int[] numbers, int from, int to) {
    List<Address> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(plan.addresses[numbers[i]]);
    }
    return out;
  }
}
