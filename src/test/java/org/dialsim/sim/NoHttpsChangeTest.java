package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.ScenarioException;
import org.dialsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The keys of HTTPS records and QUIC change nothing for a stack that does not query HTTPS: every
 * profile from before Happy Eyeballs v3 (the allocation test's scenario of all of them) gives the
 * same metrics, call for call, when the scenario gains HTTPS records, a name they lead to, a
 * UDP-only path rule and a host without QUIC.
 */
class NoHttpsChangeTest {
  @Test
  void everyEarlierProfileIgnoresHttpsRecordsAndUdpRules() throws IOException, ScenarioException {
    Path file = Path.of("src/test/resources/sim/allocation-profiles.yaml");
    String plain = Files.readString(file).replace("replications: 4", "replications: 2")
        .replace("clients: { count: 300,", "clients: { count: 40,");
    String withHttps = plain
        .replace("fe3: { addresses: [192.0.2.3], failure:", "fe3: { addresses: [192.0.2.3], quic: false, failure:")
        .replace("  paths:\n", "  paths:\n    - { to: any, protocol: udp, behaviour: blackhole }\n")
        .replace("ttl: 2m }", "ttl: 2m, https: [ { svc_priority: 1, alpn: [h3, h2], ipv6hint: [2001:db8:10::9] },"
            + " { svc_priority: 2, target: svc.example.test, alpn: [h2] } ] }\n"
            + "    svc.example.test: { records: [2001:db8:30::1] }");
    LoadedScenario a = ScenarioLoader.load(file, plain);
    LoadedScenario b = ScenarioLoader.load(file, withHttps);
    // the second scenario really has its additions (a replace that missed would compare a scenario with itself)
    assertEquals(2, b.points().get(0).topology().dns().names().get("pool.example.test").https().size());
    assertEquals(a.points().get(0).topology().network().paths().size() + 1, b.points().get(0).topology().network().paths().size());
    assertEquals(false, b.points().get(0).topology().hosts().get(2).quic());
    List<Runner.Result> ra = Experiment.run(a.points(), 3, 2, 2, null);
    List<Runner.Result> rb = Experiment.run(b.points(), 3, 2, 2, null);
    assertEquals(19, ra.size()); // the 19 configurations of allocation-profiles.yaml
    for (int i = 0; i < ra.size(); i++) {
      assertEquals(ra.get(i).metrics(), rb.get(i).metrics(), ra.get(i).job().configuration().name());
    }
  }
}
