package org.dialsim.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.scenario.ScenarioLoader;
import org.dialsim.sim.CallSink;
import org.dialsim.sim.Plan;
import org.dialsim.sim.World;
import org.dialsim.stack.Configuration;
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
 * One replication of model bench-1 (src/test/resources/bench/bench-1.yaml: 20 000 clients x 50
 * calls) per invocation, on one thread, scored per simulated call. With {@code -prof gc} its
 * {@code gc.alloc.rate.norm} is the bytes allocated per simulated call in steady state:
 * {@code mvn -B -q -Pbench test-compile exec:exec -Dbench.args="Bench1Benchmark -f 1 -wi 2 -i 3 -prof gc"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class Bench1Benchmark {
  /** Calls in one replication of bench-1. */
  static final int CALLS = 1_000_000;

  /** The configuration of bench-1: {@code sequential} or {@code staggered}. */
  @Param({"sequential", "staggered"})
  public String configuration;

  private World world;
  private final Sink sink = new Sink();
  private int replication;

  /** Loads the scenario and builds the world once per trial. */
  @Setup(Level.Trial)
  public void build() throws Exception {
    LoadedScenario ls = ScenarioLoader.load(Path.of("src/test/resources/bench/bench-1.yaml"));
    Scenario s = ls.points().get(0);
    Configuration c = s.configurations().stream().filter(x -> x.name().equals(configuration)).findFirst().orElseThrow();
    world = new World(new Plan(s.topology(), c.stack()), s.seed());
  }

  /** One replication: {@value #CALLS} calls. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long replication() {
    world.run(replication++ & 7, sink);
    return sink.connected;
  }

  /** Counts connected calls, so the run cannot be optimised away; allocates nothing. */
  static final class Sink implements CallSink {
    long connected;

    @Override
    public void call(int client, int index, boolean ok, long establishNs, int attempts, long wastedNs) {
      if (ok) {
        connected++;
      }
    }
  }
}
