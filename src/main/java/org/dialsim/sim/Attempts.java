package org.dialsim.sim;

import org.dialsim.engine.Simulator;
import org.dialsim.engine.Time;
import org.dialsim.stack.Endpoint;
import org.dialsim.stack.Memory;
import org.dialsim.stack.Quic;
import org.dialsim.stack.QuicMemory;
import org.dialsim.stack.QuicRecall;
import org.dialsim.stack.Recall;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.Tls;

/** A call's connection attempts: start and end (TCP SYN by SYN, or QUIC), and the backup connect job. */
final class Attempts {
  private final World world;
  private final Plan plan;
  private final StackConfig stack;
  private final Simulator sim;
  private final Agenda agenda;
  private final ClientStreams streams;
  private final HostTimeline[] timelines;
  private final Recall recall;
  private final QuicRecall quicRecall;
  private final AttemptPath path = new AttemptPath();
  private final QuicPath quicPath;

  Attempts(World world) {
    this.world = world;
    this.plan = world.plan;
    this.stack = world.stack;
    this.sim = world.sim;
    this.agenda = world.agenda;
    this.streams = world.streams;
    this.timelines = world.timelines;
    this.recall = world.recall;
    this.quicRecall = world.quicRecall;
    this.quicPath = plan.service != null ? new QuicPath() : null;
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
      agenda.setTimer(call, Call.BACKUP, Time.add(sim.now(), stack.backupJobNs()));
    } else {
      call.clearTimer(Call.BACKUP);
    }
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
    agenda.setTimer(call, Call.ATTEMPT + i, end);
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
    agenda.setTimer(call, Call.ATTEMPT + i, quicPath.end);
  }

  void woken(Call call) {
    call.strategy.wake(call.first);
    world.checkIdle(call);
  }

  /**
   * The backup connect job's timer: it starts the job, or wakes the job's strategy. Chromium
   * (net/socket/transport_client_socket_pool.cc, Group::OnBackupJobTimerFired()) restarts the
   * timer while the first job still resolves the name, and otherwise starts a second ConnectJob
   * with the request's parameters: the same addresses in the same order, its own sub-jobs and
   * fallback timer. (Its own 4-minute timeout falls after the first job's, which ends the try
   * first, so the try's deadline serves both.)
   */
  void backupTimer(Call call) {
    if (call.backupStarted) {
      call.backupStrategy.wake(call.backup);
    } else if (!call.connecting || (call.service == null && !call.resolution.complete())) {
      agenda.setTimer(call, Call.BACKUP, Time.add(sim.now(), stack.backupJobNs()));
    } else if (!tcpEstablished(call)) {
      call.startBackupJob();
      call.tracer.backupJobStarted(call, sim.now());
      call.backupStrategy.reset();
      call.backupStrategy.begin(call.backup);
    }
    world.checkIdle(call);
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

  void attemptEnded(Call call, int i) {
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
      world.finish(call, true, null);
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
      world.checkIdle(call);
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
    world.checkIdle(call);
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
  void endAttempt(Call call, int i, Outcome outcome) {
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
}
