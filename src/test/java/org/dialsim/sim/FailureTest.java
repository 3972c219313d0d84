package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.model.AaaaBehaviour;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Delay;
import org.dialsim.model.Dns;
import org.dialsim.model.DnsName;
import org.dialsim.model.Failure;
import org.dialsim.model.Family;
import org.dialsim.model.Host;
import org.dialsim.model.NameSource;
import org.dialsim.model.Network;
import org.dialsim.model.Topology;
import org.dialsim.model.Workload;
import org.dialsim.stack.Configuration;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stats.Metrics;
import org.junit.jupiter.api.Test;

/** Random host failures (MTBF/MTTR) and shared fate, against their closed forms. */
class FailureTest {
  private static Topology oneHost(Failure failure, String... addresses) {
    List<Address> as = java.util.Arrays.stream(addresses).map(Address::of).toList();
    Host h = new Host("h", as, Set.of(Family.IPV4, Family.IPV6), List.of(), failure);
    DnsName name = new DnsName("n.example", as, 5 * Time.M, NameSource.DNS);
    Dns dns = new Dns(Map.of("n.example", name), AnswerOrder.FIXED, new Delay.Fixed(0), new Delay.Fixed(0), AaaaBehaviour.NORMAL, 5 * Time.S);
    return new Topology(List.of(h), new Network(new Delay.Fixed(20 * Time.MS), List.of()), dns,
        new Workload(50, List.of(), "n.example", 1, 0, 30 * Time.S, false));
  }

  @Test
  void aFirstCallSeesTheStationaryUnavailability() {
    // up 9 min, down 1 min on average: a replication starts in the long-run state, so a first
    // call at t = 0 fails when the host is down at every SYN (0, 3, 9 s): probability
    // 0.1 * exp(-9/60). All 50 clients of a replication share the host, so the 20000 first
    // calls are worth about 400 independent trials, and the interval must say so
    Topology t = oneHost(new Failure(9 * Time.M, Time.M), "192.0.2.1");
    Runner.Job job = new Runner.Job(t, new Configuration("c", Fixtures.stack(StrategyKind.FIRST_ONLY)), Map.of(), 3, 400);
    Metrics m = Runner.run(List.of(job), 2, null).get(0).metrics();
    assertEquals(20_000, m.firstCall().trials());
    // every client of a replication shares the host's fate: 400 replications, unbiased estimate R - 1
    assertEquals(399, m.firstCall().effectiveTrials(), 1e-6);
    // P(down at 0) = 0.1; P(still down at the last SYN, 9 s later) = 0.1 * exp(-9/60)
    double expected = 0.1 * Math.exp(-9.0 / 60);
    assertTrue(m.firstCall().low() <= expected && expected <= m.firstCall().high(),
        () -> "interval [" + m.firstCall().low() + ", " + m.firstCall().high() + "] misses " + expected);
  }

  @Test
  void aDownHostTakesAllItsAddressesWithIt() {
    // two addresses, one machine: when it is down, trying the second address does not help
    Topology t = oneHost(new Failure(9 * Time.M, Time.M), "192.0.2.1", "192.0.2.2");
    Runner.Job one = new Runner.Job(oneHost(new Failure(9 * Time.M, Time.M), "192.0.2.1"),
        new Configuration("c", Fixtures.stack(StrategyKind.STAGGERED)), Map.of(), 3, 400);
    Runner.Job two = new Runner.Job(t, new Configuration("c", Fixtures.stack(StrategyKind.STAGGERED)), Map.of(), 3, 400);
    List<Runner.Result> r = Runner.run(List.of(one, two), 2, null);
    double withOne = r.get(0).metrics().firstCall().value();
    double withTwo = r.get(1).metrics().firstCall().value();
    assertTrue(withOne > 0.05, "some first calls fail: " + withOne);
    // shared fate: the second address adds no resiliency (same host timelines, same streams)
    assertEquals(withOne, withTwo, 0.01);
  }
}
