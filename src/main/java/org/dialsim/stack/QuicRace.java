package org.dialsim.stack;

import org.dialsim.engine.Time;
import org.dialsim.model.Family;

/**
 * {@code quic.order: parallel}: a QUIC racer beside the stack's own strategy, which runs over the
 * TCP endpoints alone and is held back {@code tcp_delay} (or until the racer has failed). The
 * first connection wins. This is Chromium's HttpStreamFactory::JobController: a QUIC job (for
 * an HTTPS record's h3) and the main TCP job, blocked while the QUIC job asks it to wait
 * ({@code MaybeSetWaitTimeForMainJob}), resumed when the QUIC job fails; the QUIC job tries one
 * endpoint ({@code quic.endpoints: 1}; QuicSessionPool::DirectJob::DoAttemptSession takes
 * {@code ip_endpoints.front()}). curl's HTTP/3 racing is the same shape.
 */
public final class QuicRace implements Strategy {
  private final StackConfig stack;
  private final Strategy tcp;
  private final TcpView view = new TcpView();
  private int quicNext;
  private int quicStarted;
  private int quicRunning = -1;
  private boolean tcpBegun;
  private boolean holding;

  /** A race of QUIC against {@code tcp} under this stack. */
  public QuicRace(StackConfig stack, Strategy tcp) {
    this.stack = stack;
    this.tcp = tcp;
  }

  @Override
  public void reset() {
    quicNext = 0;
    quicStarted = 0;
    quicRunning = -1;
    tcpBegun = false;
    holding = false;
    tcp.reset();
  }

  @Override
  public void begin(Dial d) {
    view.outer = d;
    startQuic(d);
    if (quicRunning < 0) {
      beginTcp(d); // no QUIC job: the TCP job is not blocked, as it was not from the request on
      return;
    }
    // with a QUIC job, Chromium blocks the main job (JobController::DoCreateJobs sets
    // main_job_is_blocked_), which waits in Job::DoWait before it asks the socket pool for a
    // connection: until then there is no TCP request, and no backup job timer
    d.tcpJob(false);
    long delay = d.tcpHoldBackNs();
    if (delay <= 0) {
      beginTcp(d);
      d.tcpJob(true);
    } else {
      holding = true;
      d.wakeAt(Time.add(d.now(), delay));
    }
  }

  @Override
  public void wake(Dial d) {
    view.outer = d;
    if (holding) {
      holding = false;
      beginTcp(d);
      d.tcpJob(true);
    } else if (tcpBegun) {
      tcp.wake(view);
    }
  }

  @Override
  public void failed(Dial d, int i) {
    view.outer = d;
    if (d.quic(i)) {
      quicRunning = -1;
      startQuic(d);
      if (quicRunning < 0 && holding) {
        // the QUIC job failed: Chromium resumes the main job at once
        holding = false;
        d.cancelWake();
        beginTcp(d);
        d.tcpJob(true);
      }
    } else if (tcpBegun) {
      tcp.failed(view, view.inner(i));
    }
  }

  @Override
  public void more(Dial d) {
    view.outer = d;
    if (quicRunning < 0) {
      startQuic(d);
    }
    if (tcpBegun) {
      tcp.more(view);
    }
  }

  private void beginTcp(Dial d) {
    tcpBegun = true;
    tcp.begin(view);
  }

  /** Starts the next QUIC endpoint, if the racer may try another. */
  private void startQuic(Dial d) {
    if (quicStarted >= stack.quic().endpoints() || AttemptLimits.outOfTime(d)) {
      return;
    }
    // every QUIC candidate before quicNext has been started; later answers only add after it
    int i = quicNext;
    while (i < d.candidates() && !d.quic(i)) {
      i++;
    }
    if (i < d.candidates()) {
      quicRunning = i;
      quicNext = i + 1;
      quicStarted++;
      d.start(i, AttemptLimits.limit(stack, d, 1, true));
    }
  }

  /** True when the QUIC racer has nothing running and nothing left to try. */
  public boolean quicDone(Dial d) {
    return quicRunning < 0 && quicExhausted(d);
  }

  private boolean quicExhausted(Dial d) {
    if (quicStarted >= stack.quic().endpoints()) {
      return true;
    }
    for (int i = quicNext; i < d.candidates(); i++) {
      if (d.quic(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean exhausted(Dial d) {
    view.outer = d;
    return quicExhausted(d) && !holding && (tcpBegun ? tcp.exhausted(view) : view.candidates() == 0);
  }

  /** The call as the TCP strategy sees it: its TCP candidates only, in order. */
  private static final class TcpView implements Dial {
    Dial outer;

    /** The outer index of TCP candidate {@code j}. */
    private int outer(int j) {
      for (int i = 0, k = 0; i < outer.candidates(); i++) {
        if (!outer.quic(i) && k++ == j) {
          return i;
        }
      }
      throw new IllegalArgumentException("no TCP candidate " + j);
    }

    /** The TCP index of outer candidate {@code i}. */
    int inner(int i) {
      int k = 0;
      for (int x = 0; x < i; x++) {
        if (!outer.quic(x)) {
          k++;
        }
      }
      return k;
    }

    @Override
    public long now() {
      return outer.now();
    }

    @Override
    public long deadline() {
      return outer.deadline();
    }

    @Override
    public int candidates() {
      int k = 0;
      for (int i = 0; i < outer.candidates(); i++) {
        if (!outer.quic(i)) {
          k++;
        }
      }
      return k;
    }

    @Override
    public Family family(int i) {
      return outer.family(outer(i));
    }

    @Override
    public boolean running(int i) {
      return outer.running(outer(i));
    }

    @Override
    public int runningCount() {
      int k = 0;
      for (int i = 0; i < outer.candidates(); i++) {
        if (!outer.quic(i) && outer.running(i)) {
          k++;
        }
      }
      return k;
    }

    @Override
    public void start(int i, long limitNs) {
      outer.start(outer(i), limitNs);
    }

    @Override
    public void wakeAt(long t) {
      outer.wakeAt(t);
    }

    @Override
    public void cancelWake() {
      outer.cancelWake();
    }
  }
}
