package org.dialsim.bench;

import java.util.List;
import java.util.Map;
import org.dialsim.engine.Time;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Delay;
import org.dialsim.model.Family;
import org.dialsim.model.Match;
import org.dialsim.model.PathRule;
import org.dialsim.model.Topology;
import org.dialsim.sim.Fixtures;
import org.dialsim.sim.Runner;
import org.dialsim.stack.Configuration;
import org.dialsim.stack.StrategyKind;

/**
 * The realistic scenario every whole-model benchmark runs: a pool of 50 clients making 10 calls
 * each to a name with six addresses, two of them dead and the IPv6 ones blackholed.
 *
 * <p>Built in code with the test {@link Fixtures} rather than loaded from YAML, so the
 * benchmarks measure the model and engine, not the scenario loader, and keep working while the
 * loader changes.
 */
public final class PoolScenario {
  /** Client instances. */
  public static final int CLIENTS = 50;
  /** Calls per client. */
  public static final int CALLS_PER_CLIENT = 10;
  /** Calls in one replication: the unit of the benchmarks' calls per second. */
  public static final int CALLS = CLIENTS * CALLS_PER_CLIENT;
  /** The seed of every benchmark run, so runs are comparable. */
  public static final long SEED = 20240601L;

  private PoolScenario() {}

  /**
   * Six addresses: two IPv6 behind a path that drops every SYN, two dead IPv4 hosts and two live
   * ones; lognormal RTT (median 20 ms, p95 60 ms) and 1 % loss on IPv4.
   *
   * <p>DNS shuffles each family's records but keeps the written family layout (IPv6, IPv4, IPv6,
   * IPv4, IPv4, IPv4), so a sequential stack always loses 21 s on a blackholed IPv6 address first
   * and then connects only when the first IPv4 address it draws is alive: about half its calls
   * fail at a 30 s deadline, which exercises deadlines, cancellation and both outcomes.
   */
  public static Topology topology() {
    return Fixtures.world()
        .order(AnswerOrder.RANDOM)
        .workload(CLIENTS, CALLS_PER_CLIENT)
        .host("2001:db8::1", true)
        .host("192.0.2.1", false)
        .host("2001:db8::2", true)
        .host("192.0.2.2", false)
        .host("192.0.2.3", true)
        .host("192.0.2.4", true)
        .rtt(new Delay.LogNormal(20 * Time.MS, 60 * Time.MS))
        .path(new PathRule(new Match.ToFamily(Family.IPV6), Behaviour.BLACKHOLE, 0, null))
        .path(new PathRule(new Match.ToFamily(Family.IPV4), Behaviour.DELIVER, 0.01, null))
        .build();
  }

  /** Sequential in DNS order with classic Windows SYNs (21 s per dead address) and a 30 s deadline. */
  public static Configuration sequential() {
    return new Configuration("sequential-30s",
        Fixtures.withDeadline(Fixtures.stack(StrategyKind.SEQUENTIAL), 30 * Time.S));
  }

  /** RFC 8305 staggered attempts every 250 ms, no cap and no deadline. */
  public static Configuration staggered() {
    return new Configuration("staggered-250ms", Fixtures.stack(StrategyKind.STAGGERED));
  }

  /** A configuration by its benchmark parameter name: {@code sequential} or {@code staggered}. */
  public static Configuration configuration(String name) {
    return switch (name) {
      case "sequential" -> sequential();
      case "staggered" -> staggered();
      default -> throw new IllegalArgumentException("unknown configuration " + name + "; known: sequential, staggered");
    };
  }

  /** Both configurations as {@link Runner} jobs of {@code replications} each. */
  public static List<Runner.Job> jobs(int replications) {
    Topology t = topology();
    return List.of(
        new Runner.Job(t, sequential(), Map.of(), SEED, replications),
        new Runner.Job(t, staggered(), Map.of(), SEED, replications));
  }
}
