package org.dialsim.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.dialsim.sim.CallSink;
import org.dialsim.sim.Plan;
import org.dialsim.sim.World;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Whole replications of {@link PoolScenario} on one thread, on the heap or on the
 * {@link PriorityQueueEventList} baseline.
 *
 * <p>The primary score is simulated calls per second ({@value PoolScenario#CALLS} calls per
 * replication); the secondary {@code events} score is engine events per second. Replications
 * cycle through a fixed set so both lists see exactly the same work. They run with every client
 * in one event list ({@link org.dialsim.sim.World#runInOrder}), the load an event list is
 * compared under; {@code dialsim run} runs independent clients one by one (Bench1Benchmark).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class ScenarioBenchmark {
  /** Replications cycled through; enough that the mix of outcomes is representative. */
  static final int REPLICATIONS = 1000;

  /** The stack under test: {@code sequential} (30 s deadline) or {@code staggered}. */
  @Param({"sequential", "staggered"})
  public String configuration;

  /** Which event list: {@code calendar} (CalendarQueue, what dialsim runs on), {@code heap} (EventQueue) or
   * {@code pq} (PriorityQueueEventList). */
  @Param({"calendar", "heap", "pq"})
  public String list;

  private World world;
  private CallSink sink;
  private int replication;
  private long connected;

  /** Engine events run, reported by JMH as a rate beside the calls per second. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Events {
    /** Events processed in the measured replications. */
    public long events;
  }

  /** Builds the world and prints how many events a replication takes, once per trial. */
  @Setup(Level.Trial)
  public void build() {
    Plan plan = new Plan(PoolScenario.topology(), PoolScenario.configuration(configuration).stack());
    world = new World(plan, PoolScenario.SEED, EngineBenchmark.create(list, 4 * PoolScenario.CLIENTS));
    // the sink does a little work so the calls cannot be optimised away
    sink = (client, index, ok, establishNs, attempts, wastedNs) -> {
      if (ok) {
        connected++;
      }
    };
    long events = 0;
    for (int r = 0; r < REPLICATIONS; r++) {
      world.runInOrder(r, sink);
      events += world.eventsProcessed();
    }
    System.out.printf(Locale.ROOT, "%n%s on %s: %.1f events per replication, %.3f per call, %.3f connected%n",
        configuration, list, (double) events / REPLICATIONS, (double) events / REPLICATIONS / PoolScenario.CALLS,
        (double) connected / REPLICATIONS / PoolScenario.CALLS);
  }

  /** One replication: {@value PoolScenario#CALLS} calls. */
  @Benchmark
  @OperationsPerInvocation(PoolScenario.CALLS)
  public long replication(Events counters) {
    world.runInOrder(replication, sink);
    replication = replication + 1 == REPLICATIONS ? 0 : replication + 1;
    counters.events += world.eventsProcessed();
    return connected;
  }
}
