package org.dialsim.bench;

import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Model bench-1 as the program a user would write by hand: a {@link PriorityQueue} of event
 * objects, one {@link SplittableRandom}, nothing else. It is what {@link Bench1Run} measures
 * dialsim against (dialsim runs the same model from src/test/resources/bench/bench-1.yaml):
 *
 * <ul>
 *   <li>C clients, K calls each; a client's first call at 0, each next call scheduled when the
 *       previous one starts, an exponential gap (mean 60 s) later (open arrivals).
 *   <li>Four addresses in a random order per call; 0 and 1 never answer (an attempt on them ends
 *       after 21 s), 2 and 3 connect after a lognormal RTT (median 20 ms, p95 60 ms) drawn per
 *       attempt.
 *   <li>sequential: the next address when the last attempt failed; staggered (RFC 8305): the next
 *       address 250 ms after the latest start, or at once when the latest attempt failed, earlier
 *       ones still running; the first success wins. A 30 s deadline fails the call.
 *   <li>Every step is an event: call start, attempt start (zero delay), attempt end, stagger
 *       timer, deadline. Cancelled events stay in the queue and are skipped when they come up.
 * </ul>
 *
 * <p>Arguments: clients (20000), calls per client (50), replications per configuration (2).
 * Each replication is a fresh simulation from the same seed; it prints one summary line per
 * configuration.
 */
public final class ReferenceBench1 {
  private static final double MEAN_GAP_S = 60;
  private static final double DEADLINE_S = 30;
  private static final double GIVE_UP_S = 21; // 3 s initial RTO, 2 retries: 3 + 6 + 12 s
  private static final double STAGGER_S = 0.250;
  private static final double MU = Math.log(0.020);
  private static final double SIGMA = Math.log(3) / 1.6449; // p95 = 3 x median
  private static final boolean[] ANSWERS = {false, false, true, true};

  private final boolean staggered;
  private final int perClient;
  private final SplittableRandom rng = new SplittableRandom(1);
  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private double now;
  private long sequence;
  private long calls;
  private long failed;
  private long firstCallsFailed;
  private long events;
  private double establishSum;

  private ReferenceBench1(boolean staggered, int perClient) {
    this.staggered = staggered;
    this.perClient = perClient;
  }

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int perClient = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int replications = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    for (boolean staggered : new boolean[] {false, true}) {
      ReferenceBench1 last = null;
      long t0 = System.nanoTime();
      for (int r = 0; r < replications; r++) {
        last = new ReferenceBench1(staggered, perClient);
        last.simulate(clients);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "%s calls=%d failed=%d first_call_failure=%.4f establish_s_mean=%.4f events=%d"
              + " loop_s=%.3f calls_per_s=%.0f%n", staggered ? "staggered" : "sequential", last.calls, last.failed,
          last.firstCallsFailed / (double) clients, last.establishSum / (last.calls - last.failed), last.events,
          seconds, last.calls * (double) replications / seconds);
    }
  }

  private void simulate(int clients) {
    for (int c = 0; c < clients; c++) {
      schedule(new Arrival(perClient), 0);
    }
    for (Event e; (e = queue.poll()) != null; ) {
      if (!e.stale()) {
        now = e.time;
        events++;
        e.fire();
      }
    }
  }

  private <E extends Event> E schedule(E e, double delay) {
    e.time = now + delay;
    e.sequence = sequence++;
    queue.add(e);
    return e;
  }

  /** An event: ordered by time, then by the order it was scheduled in. */
  private abstract static class Event implements Comparable<Event> {
    double time;
    long sequence;

    boolean stale() {
      return false;
    }

    abstract void fire();

    @Override
    public int compareTo(Event o) {
      int c = Double.compare(time, o.time);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  /** One call: its address order and progress. */
  private final class Call {
    final double start = now;
    final boolean first;
    final int[] order = {0, 1, 2, 3};
    int started;
    int running;
    boolean done;
    Timer timer;

    Call(boolean first) {
      this.first = first;
      for (int i = order.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }

    void end(boolean connected) {
      done = true;
      if (connected) {
        establishSum += now - start;
      } else {
        failed++;
        if (first) {
          firstCallsFailed++;
        }
      }
    }
  }

  /** A client's next call; {@code left} counts this one. */
  private final class Arrival extends Event {
    final int left;

    Arrival(int left) {
      this.left = left;
    }

    @Override
    void fire() {
      if (left > 1) {
        schedule(new Arrival(left - 1), -Math.log(1 - rng.nextDouble()) * MEAN_GAP_S);
      }
      calls++;
      Call call = new Call(left == perClient);
      schedule(new Deadline(call), DEADLINE_S);
      schedule(new AttemptStart(call), 0);
    }
  }

  /** An event of one call, stale once the call has ended. */
  private abstract static class CallEvent extends Event {
    final Call call;

    CallEvent(Call call) {
      this.call = call;
    }

    @Override
    boolean stale() {
      return call.done;
    }
  }

  private final class AttemptStart extends CallEvent {
    AttemptStart(Call call) {
      super(call);
    }

    @Override
    void fire() {
      boolean answers = ANSWERS[call.order[call.started++]];
      call.running++;
      double after = answers ? Math.exp(MU + SIGMA * rng.nextGaussian()) : GIVE_UP_S;
      schedule(new AttemptEnd(call, call.started, answers), after);
      if (staggered && call.started < call.order.length) {
        call.timer = schedule(new Timer(call), STAGGER_S);
      }
    }
  }

  private final class AttemptEnd extends CallEvent {
    final int number;
    final boolean connected;

    AttemptEnd(Call call, int number, boolean connected) {
      super(call);
      this.number = number;
      this.connected = connected;
    }

    @Override
    void fire() {
      call.running--;
      boolean more = call.started < call.order.length;
      if (connected) {
        call.end(true);
      } else if (more && number == call.started) {
        call.timer = null; // the latest attempt failed: the next starts now, the timer is stale
        schedule(new AttemptStart(call), 0);
      } else if (!more && call.running == 0) {
        call.end(false);
      }
    }
  }

  private final class Timer extends CallEvent {
    Timer(Call call) {
      super(call);
    }

    @Override
    boolean stale() {
      return call.done || call.timer != this;
    }

    @Override
    void fire() {
      schedule(new AttemptStart(call), 0);
    }
  }

  private final class Deadline extends CallEvent {
    Deadline(Call call) {
      super(call);
    }

    @Override
    void fire() {
      call.end(false);
    }
  }
}
