package org.dialsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dialsim.engine.Time;
import org.dialsim.model.Family;
import org.dialsim.model.Topology;
import org.dialsim.sim.CallTrace;
import org.dialsim.sim.Fixtures;
import org.dialsim.sim.Plan;
import org.dialsim.sim.World;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.junit.jupiter.api.Test;

/** The verdict for each main way a call ends, and the JSON shape of SPEC 4. */
class ExplanationTest {
  private static Explanation explain(Topology t, StackConfig stack) {
    CallTrace tr = new World(new Plan(t, stack), 1).trace(0, 0, 0, (c, i, ok, e, a, w) -> { });
    return new Explanation("test", stack, tr);
  }

  @Test
  void theDeadlineVerdictNamesTheCutAttemptAndTheAddressThatWasNeverTried() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).host("192.0.2.3", true).build();
    Explanation e = explain(t, Fixtures.withDeadline(Fixtures.stack(StrategyKind.SEQUENTIAL), 30 * Time.S));
    // second attempt began at 21.005 s; the deadline came 8.995 s into it
    assertEquals("failed: the 30 s deadline came 8.995 s into the attempt to 192.0.2.2; 192.0.2.3, third in line, "
        + "would have connected in 20 ms but was never tried.", e.verdict());
  }

  @Test
  void allRefused() {
    Topology t = Fixtures.world().machine("v6only", Set.of(Family.IPV6), "192.0.2.1", "192.0.2.2").build();
    assertEquals("failed: every address refused the connection (nothing listens on their families).",
        explain(t, Fixtures.stack(StrategyKind.SEQUENTIAL)).verdict());
  }

  @Test
  void allTimedOut() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).build();
    assertEquals("failed: all 2 addresses timed out.", explain(t, Fixtures.stack(StrategyKind.SEQUENTIAL)).verdict());
  }

  @Test
  void firstOnlyNamesTheAddressItNeverTries() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", true).build();
    assertEquals("failed: the stack tries only the first address, 192.0.2.1, which timed out; 192.0.2.2, second in line, "
        + "would have connected in 20 ms but first-only never tries it.", explain(t, Fixtures.stack(StrategyKind.FIRST_ONLY)).verdict());
  }

  @Test
  void aDeadAddressThatWasNeverTriedIsNotOfferedAsAMissedChance() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).host("192.0.2.3", false).build();
    String v = explain(t, Fixtures.withDeadline(Fixtures.stack(StrategyKind.SEQUENTIAL), 30 * Time.S)).verdict();
    assertEquals("failed: the 30 s deadline came 8.995 s into the attempt to 192.0.2.2.", v);
  }

  @Test
  void aConnectedCallSaysAfterWhatItConnected() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", true).build();
    assertEquals("connected to 192.0.2.2 21.025 s after the call began, on the second attempt (192.0.2.1 timed out).",
        explain(t, Fixtures.stack(StrategyKind.SEQUENTIAL)).verdict());
  }

  @Test
  void aConnectionAfterCancelledSiblingsCountsThemAsEarlierAttempts() {
    // staggered: .1 and .2 are dead and still waiting when .3 (started at 505 ms) connects
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).host("192.0.2.3", true).build();
    assertEquals("connected to 192.0.2.3 525 ms after the call began, on the third attempt "
        + "(192.0.2.1, 192.0.2.2 were still waiting and cancelled).", explain(t, Fixtures.stack(StrategyKind.STAGGERED)).verdict());
  }

  @Test
  void jsonHasTheSpecFieldsInOrderAndNotStartedAddresses() throws Exception {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).host("192.0.2.3", true).build();
    Explanation e = explain(t, Fixtures.withDeadline(Fixtures.stack(StrategyKind.SEQUENTIAL), 30 * Time.S));
    JsonNode j = new ObjectMapper().readTree(e.json());
    List<String> fields = new ArrayList<>();
    j.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("configuration", "client", "call", "replication", "call_start_s", "dns", "order", "order_reasons",
        "attempts", "outcome", "connected_address", "elapsed_s", "reason"), fields);
    assertEquals(1, j.get("call").asInt());
    assertEquals("failed", j.get("outcome").asText());
    assertTrue(j.get("connected_address").isNull());
    JsonNode attempts = j.get("attempts");
    assertEquals(3, attempts.size());
    assertEquals("timeout", attempts.get(0).get("outcome").asText());
    assertEquals(3, attempts.get(0).get("syns_s").size());
    assertEquals(21.005, attempts.get(0).get("end_s").asDouble(), 1e-12);
    assertEquals("cancelled", attempts.get(1).get("outcome").asText());
    assertEquals("not-started", attempts.get(2).get("outcome").asText());
    assertEquals("192.0.2.3", attempts.get(2).get("address").asText());
    assertEquals(30.0, j.get("elapsed_s").asDouble(), 1e-12);
    assertEquals(e.verdict(), j.get("reason").asText());
  }
}
