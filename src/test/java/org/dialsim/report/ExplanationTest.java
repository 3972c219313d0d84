package org.dialsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dialsim.chart.Timeline;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Match;
import org.dialsim.model.PathRule;
import org.dialsim.stack.Memory;
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
  void aNoRouteAttemptBeforeTheOneThatConnectedIsCounted() {
    // no-route fails in the nanosecond its SYN goes (5 ms, after DNS), and the next attempt
    // starts in that same nanosecond: it is the second attempt, not the first
    Topology t = Fixtures.world().host("192.0.2.1", true).host("192.0.2.2", true)
        .path(new PathRule(new Match.ToAddress(Address.of("192.0.2.1")), Behaviour.NO_ROUTE, 0, null)).build();
    Explanation e = explain(t, Fixtures.stack(StrategyKind.SEQUENTIAL));
    assertEquals("connected to 192.0.2.2 25 ms after the call began, on the second attempt (192.0.2.1 was unreachable).",
        e.verdict());
    assertTrue(e.text().contains("  1  192.0.2.1 "), e.text());
    assertTrue(e.text().contains("  2  192.0.2.2 "), e.text());
  }

  @Test
  void aRetriedCallShowsEachTrysOwnOrderAndDeadline() {
    // .1 is dead, .2 down until 40 s. Try 1 (deadline 30 s): .1 times out at 21.005 s and is
    // learned as failed, .2 is cut at 30 s (a cut is not learned). Try 2 at 31 s, answers from
    // the cache: avoid-failed puts .1 last, .2 goes first and its third SYN (at 40 s) connects
    Topology t = Fixtures.world().host("192.0.2.1", false).hostDown("192.0.2.2", 0, 40 * Time.S).build();
    StackConfig stack = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).deadline(30 * Time.S).retries(1, Time.S)
        .memory(new Memory(Memory.Kind.AVOID_FAILED, 10 * Time.M)).build();
    Explanation e = explain(t, stack);
    List<CallTrace.Try> tries = e.trace().tries();
    assertEquals(2, tries.size());
    assertEquals(List.of(Address.of("192.0.2.1"), Address.of("192.0.2.2")), tries.get(0).order());
    // .1 failed in try 1 and goes last in try 2
    assertEquals(List.of(Address.of("192.0.2.2"), Address.of("192.0.2.1")), tries.get(1).order());
    String text = e.text();
    assertTrue(text.contains("Try 1 of 2: began at 0.000 s, deadline at 30.000 s; the deadline passed at 30.000 s"), text);
    assertTrue(text.contains("Try 2 of 2: began at 31.000 s (1 s after try 1 ended), deadline at 61.000 s"), text);
    assertTrue(text.indexOf("    1. 192.0.2.2") > text.indexOf("Try 2 of 2"), text);
    assertFalse(text.contains("try address"), "no try column: the tries have their own sections");
    Timeline.Model m = Timeline.model("c", e.trace());
    // rows follow the first try: the address tried first is on top
    assertEquals(List.of("192.0.2.1", "192.0.2.2"), m.rows());
    assertEquals(List.of(30.0, 61.0), m.deadlines());
    assertEquals(List.of(31.0), m.retries());
    assertEquals("connected to 192.0.2.2 40.020 s after the call began, at the first attempt, on try 2.", e.verdict());
  }

  @Test
  void aSingleTryHasNoTryHeadingAndNumbersItsAttempts() {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", true).build();
    String text = explain(t, Fixtures.stack(StrategyKind.SEQUENTIAL)).text();
    assertFalse(text.contains("Try 1"), text);
    assertTrue(text.contains("  #  address"), text);
    assertTrue(text.contains("  1  192.0.2.1 "), text);
    assertTrue(text.contains("  2  192.0.2.2 "), text);
  }

  @Test
  void jsonHasTheSpecFieldsInOrderAndNotStartedAddresses() throws Exception {
    Topology t = Fixtures.world().host("192.0.2.1", false).host("192.0.2.2", false).host("192.0.2.3", true).build();
    Explanation e = explain(t, Fixtures.withDeadline(Fixtures.stack(StrategyKind.SEQUENTIAL), 30 * Time.S));
    JsonNode j = new ObjectMapper().readTree(e.json());
    List<String> fields = new ArrayList<>();
    j.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("configuration", "client", "call", "replication", "call_start_s", "dns", "order", "order_reasons",
        "attempts", "tries", "outcome", "connected_address", "elapsed_s", "reason"), fields);
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

  /** The first call of configuration {@code name} of a shipped scenario (its first sweep point), explained. */
  private static Explanation shipped(String file, String name) throws Exception {
    org.dialsim.scenario.Scenario point = org.dialsim.scenario.ScenarioLoader.load(java.nio.file.Path.of(file)).points().get(0);
    org.dialsim.stack.Configuration c = point.configurations().stream().filter(x -> x.name().equals(name)).findFirst()
        .orElseThrow();
    CallTrace tr = new World(new Plan(point.topology(), c.stack()), point.seed()).trace(0, 0, 0, (a, b, ok, e, n, w) -> { });
    return new Explanation(name, c.stack(), tr);
  }

  /**
   * A query the call ended without an answer to is told as such, in the text and in the JSON
   * (answered_s null), rather than left out: RFC 8305's client connects over IPv4 at 0.075 s
   * (the A answer at 5 ms, the 50 ms Resolution Delay, a 20 ms round trip) while the AAAA query
   * waits for a resolver that gives up only at 5 s; Happy Eyeballs v3 connects at 0.095 s with
   * the HTTPS query of lesson 13 still unanswered (the draft's section 4.2 does not wait for it).
   */
  @Test
  void aQueryStillUnansweredWhenTheCallEndsIsToldAsSuch() throws Exception {
    Explanation classic = shipped("scenarios/aaaa-timeout.yaml", "RFC 8305 (50 ms Resolution Delay), 3 s budget");
    List<CallTrace.DnsExchange> dns = classic.trace().dns();
    assertEquals(2, dns.size(), dns.toString());
    assertTrue(dns.get(0).answered());
    CallTrace.DnsExchange aaaa = dns.get(1);
    assertEquals("AAAA", aaaa.type());
    assertFalse(aaaa.answered());
    assertEquals(0, aaaa.sentNs() - classic.trace().startNs());
    assertEquals("no answer before the call ended at 0.075 s", aaaa.note());
    assertTrue(classic.text().contains("  AAAA       sent    0.000 s  not answered         (none)  "
        + "[no answer before the call ended at 0.075 s]"), classic.text());
    JsonNode json = new ObjectMapper().readTree(classic.json());
    assertTrue(json.get("dns").get(1).get("answered_s").isNull(), json.toString());
    assertEquals(0.005, json.get("dns").get(0).get("answered_s").asDouble(), 1e-12);

    Explanation hev3 = shipped("scenarios/lessons/13-slow-https-record.yaml", "hev3");
    CallTrace.DnsExchange https = hev3.trace().dns().get(hev3.trace().dns().size() - 1);
    assertEquals("HTTPS", https.type());
    assertEquals("web.example.com", https.name());
    assertFalse(https.answered());
    assertEquals("no answer before the call ended at 0.095 s", https.note());
    assertTrue(hev3.text().contains("  HTTPS web.example.com        sent    0.000 s  not answered         (none)"), hev3.text());
    assertTrue(new ObjectMapper().readTree(hev3.json()).get("dns").get(2).get("answered_s").isNull());
  }
}
