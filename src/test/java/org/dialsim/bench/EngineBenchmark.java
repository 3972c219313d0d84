package org.dialsim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dialsim.engine.EventList;
import org.dialsim.engine.CalendarQueue;
import org.dialsim.engine.EventQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The classic hold model: the event list is kept at {@code pending} events, and each hold
 * operation removes the earliest and schedules one at now plus an exponential increment.
 *
 * <p>Compares dialsim's primitive-array heap ({@code heap}) with the {@link
 * PriorityQueueEventList} baseline ({@code pq}). Scores are hold operations per second. The
 * increments are drawn once in setup and replayed from an array, so the random generator's cost
 * is not part of the score; 1024 operations run per invocation so JMH's per-call overhead is
 * negligible even for the smallest list.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class EngineBenchmark {
  /** Hold operations per benchmark invocation. */
  static final int BATCH = 1024;
  /** Mean increment: 1 ms in nanoseconds, so ties (equal times) are rare but possible. */
  static final long MEAN_NS = 1_000_000;
  /**
   * Delay of the cancellable timer. Far enough that it is always cancelled before it runs (the
   * clock advances about MEAN_NS / pending per operation), like a call deadline that the
   * connection beats; in the baseline the cancelled timers therefore stay in its heap for about
   * 4 * pending operations each.
   */
  static final long TIMER_NS = 4 * MEAN_NS;
  /** Every TIMER_EVERY-th operation re-arms a timer: 1 push in 5 is cancelled, 20 %. */
  static final int TIMER_EVERY = 4;
  private static final int INCREMENTS = 1 << 16;

  /** Pending events in the list. */
  @Param({"64", "1024", "65536"})
  public int pending;

  /** Which event list: {@code calendar} (CalendarQueue, what dialsim runs on), {@code heap} (EventQueue) or
   * {@code pq} (PriorityQueueEventList). */
  @Param({"calendar", "heap", "pq"})
  public String list;

  private EventList events;
  private long[] increments;
  private int next;
  private long now;
  private long timer;
  private int step;

  /** Fills the list to {@code pending} events with times drawn like the increments. */
  @Setup(Level.Trial)
  public void fill() {
    events = create(list, 2 * pending);
    SplittableRandom rnd = new SplittableRandom(42);
    increments = new long[INCREMENTS];
    for (int i = 0; i < INCREMENTS; i++) {
      // exponential by inversion; at least 1 ns so time always moves on
      increments[i] = Math.max(1, Math.round(-Math.log(1 - rnd.nextDouble()) * MEAN_NS));
    }
    for (int i = 0; i < pending; i++) {
      events.push(increments[next & (INCREMENTS - 1)], next++, i & 7, i, 0); // order key = sequence
    }
    // a handle no event has: the first cancel is a harmless no-op on both lists
    timer = -1;
  }

  /** An event list by its parameter name. */
  static EventList create(String name, int capacity) {
    return switch (name) {
      case "calendar" -> new CalendarQueue(capacity);
      case "heap" -> new EventQueue(capacity);
      case "pq" -> new PriorityQueueEventList(capacity);
      default -> throw new IllegalArgumentException("unknown list " + name + "; known: calendar, heap, pq");
    };
  }

  /** {@value #BATCH} hold operations. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long hold() {
    EventList q = events;
    long t = now;
    int n = next;
    for (int i = 0; i < BATCH; i++) {
      int slot = q.poll();
      t = q.time(slot);
      q.push(t + increments[n & (INCREMENTS - 1)], n++, q.kind(slot), i, 0);
    }
    now = t;
    next = n;
    return t;
  }

  /** {@value #BATCH} hold operations, every fourth also cancelling a timer and arming a new one. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long holdWithCancellation() {
    EventList q = events;
    long t = now;
    int n = next;
    long h = timer;
    int s = step;
    for (int i = 0; i < BATCH; i++) {
      int slot = q.poll();
      t = q.time(slot);
      q.push(t + increments[n & (INCREMENTS - 1)], n++, q.kind(slot), i, 0);
      if (++s == TIMER_EVERY) {
        s = 0;
        q.cancel(h);
        h = q.push(t + TIMER_NS, EventList.orderKey(1, n), 8, i, 0);
      }
    }
    now = t;
    next = n;
    timer = h;
    step = s;
    return t;
  }
}
