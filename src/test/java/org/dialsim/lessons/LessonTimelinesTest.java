package org.dialsim.lessons;

import org.dialsim.cli.Cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.sim.CallTrace;
import org.dialsim.sim.Outcome;
import org.dialsim.stack.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The explained timelines of the lessons, computed by hand from each scenario's constants, and
 * the agreement of {@code explain} with {@code run} for the same calls.
 *
 * <p>The constants: every lesson has a fixed 20 ms RTT and answers DNS in 5 ms (a hosts file and
 * the client's cache answer at once), so the first attempt starts at 0.005 s. Classic Windows
 * sends SYNs 0, 3 and 9 s into an attempt and gives up at 21 s; Linux (6.5 and later) sends them
 * at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35 and 67 s and gives up at 131 s, each expiry a little late on
 * the kernel's timer wheel ({@link #linuxAttempt}); a Windows RST is retried 1 s after the SYN it answered,
 * twice, so refused comes 2 s + one RTT into the attempt; Happy Eyeballs starts the next attempt
 * 250 ms after the last. A connection comes one RTT after its SYN. A deadline cancels the
 * attempt that is running and the SYNs it had not sent yet; a connection cancels the others.
 * Attempt lines read {@code ADDRESS HOST START END OUTCOME [SYNS]}, seconds from the call's start.
 */
class LessonTimelinesTest {
  private static JsonNode explain(String file, String configuration, int replication, int client, int index) {
    Scenario s = Lessons.scenario(file);
    Configuration c = configuration == null ? s.configurations().get(0) : Lessons.configuration(s, configuration);
    return Lessons.explain(c, Lessons.trace(s, c, replication, client, index));
  }

  /** Linux 6.5+'s nominal SYN offsets in an attempt (1 s RTO, 4 linear timeouts), and its give-up. */
  private static final double[] LINUX_SYNS = {0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67};
  private static final double LINUX_GIVE_UP = 131;

  /**
   * The most the timer wheel (HZ 250, kernel/time/timer.c) may have delayed Linux's SYN {@code k}:
   * each timer fires at most one granularity of its level late (LVL_GRAN: 8 jiffies = 32 ms for
   * the 1 and 2 s timers, 64 = 256 ms for 4, 8 and 16 s, 512 = 2.048 s for 32 and 64 s), never
   * early, and each starts where the last one fired.
   */
  private static double linuxSlack(int k) {
    double[] granularity = {0.032, 0.032, 0.032, 0.032, 0.032, 0.032, 0.256, 0.256, 0.256, 2.048, 2.048};
    double sum = 0;
    for (int j = 0; j < k; j++) {
      sum += granularity[j];
    }
    return sum;
  }

  /**
   * Checks one explained Linux attempt: {@code head} is its {@code ADDRESS HOST START} and what
   * follows ({@code END OUTCOME}, or only {@code OUTCOME} when {@code end} is {@code -1}); it sent
   * {@code syns} SYNs, SYN k at its nominal offset plus at most {@link #linuxSlack}(k).
   */
  private static void linuxAttempt(JsonNode a, String head, int syns) {
    String line = Lessons.attempts(a).get(0);
    assertTrue(line.startsWith(head + " "), line + " vs " + head);
    JsonNode sent = a.get("attempts").get(0).get("syns_s");
    assertEquals(syns, sent.size(), line);
    double start = a.get("attempts").get(0).get("start_s").asDouble();
    for (int k = 0; k < syns; k++) {
      double late = sent.get(k).asDouble() - start - LINUX_SYNS[k];
      assertTrue(late >= 0 && late <= linuxSlack(k) + 1e-9, "SYN " + k + " of " + line);
    }
  }

  private static List<String> dnsTypes(JsonNode j) {
    List<String> out = new ArrayList<>();
    j.get("dns").forEach(d -> out.add(d.get("type").asText()));
    return out;
  }

  @Test
  void lesson1TheThirdAddressIsNeverReached() {
    String f = "01-only-two-addresses-tried.yaml";
    JsonNode j = explain(f, "sequential, 30 s limit", 0, 0, 0);
    assertEquals(List.of(
        "192.0.2.1 app1 0.005 21.005 timeout [0.005 3.005 9.005]",
        // 21.005 + 9 s would be past the 30 s limit: two SYNs, cancelled at 30 s
        "192.0.2.2 app2 21.005 30 cancelled [21.005 24.005]",
        "192.0.2.3 app3 - - not-started []"), Lessons.attempts(j));
    assertEquals("failed", j.get("outcome").asText());
    assertEquals(30.0, j.get("elapsed_s").asDouble(), 0.0);
    assertEquals("failed: the 30 s deadline came 8.995 s into the attempt to 192.0.2.2; 192.0.2.3, third in line, "
        + "would have connected in 20 ms but was never tried.", j.get("reason").asText());

    assertEquals(List.of(
        "192.0.2.1 app1 0.005 21.005 timeout [0.005 3.005 9.005]",
        "192.0.2.2 app2 21.005 42.005 timeout [21.005 24.005 30.005]",
        "192.0.2.3 app3 42.005 42.025 connected [42.005]"), Lessons.attempts(explain(f, "sequential, 60 s limit", 0, 0, 0)));
    // a 10 s application limit cuts each silent attempt after the SYN at 9 s
    assertEquals(List.of(
        "192.0.2.1 app1 0.005 10.005 timeout [0.005 3.005 9.005]",
        "192.0.2.2 app2 10.005 20.005 timeout [10.005 13.005 19.005]",
        "192.0.2.3 app3 20.005 20.025 connected [20.005]"),
        Lessons.attempts(explain(f, "sequential, 10 s per attempt, 30 s limit", 0, 0, 0)));
    assertEquals(List.of(
        "192.0.2.1 app1 0.005 0.525 cancelled [0.005]",
        "192.0.2.2 app2 0.255 0.525 cancelled [0.255]",
        "192.0.2.3 app3 0.505 0.525 connected [0.505]"),
        Lessons.attempts(explain(f, "Happy Eyeballs 250 ms, 30 s limit", 0, 0, 0)));
  }

  @Test
  void lesson2TheIpv6AttemptEatsTheWholeLimit() {
    String f = "02-broken-ipv6-path.yaml";
    JsonNode j = explain(f, "IPv6 first, sequential, 30 s limit", 0, 0, 0);
    assertEquals(List.of("2001:db8::10", "192.0.2.10"), List.of(j.get("order").get(0).asText(), j.get("order").get(1).asText()));
    assertTrue(j.get("order_reasons").toString().contains("rule 6 (higher precedence: 40 > 10)"), j.toString());
    // nine SYNs by 19.005 s (at most 0.704 s late); the next would go at 35.005 s, after the limit
    linuxAttempt(j, "2001:db8::10 web 0.005 30 cancelled", 9);
    assertEquals("192.0.2.10 web - - not-started []", Lessons.attempts(j).get(1));
    // without a limit: all eleven SYNs, the give-up between 133.256 and 135.304 s into the
    // attempt (SynWheelTest: every phase of the HZ 250 wheel), then IPv4 connects one RTT later
    JsonNode unlimited = explain(f, "IPv6 first, sequential, no limit", 0, 0, 0);
    linuxAttempt(unlimited, "2001:db8::10 web 0.005", 11);
    JsonNode v6 = unlimited.get("attempts").get(0);
    JsonNode v4 = unlimited.get("attempts").get(1);
    double giveUp = v6.get("end_s").asDouble() - 0.005;
    assertTrue(giveUp >= 133.256 && giveUp <= 135.304, Lessons.attempts(unlimited).toString());
    assertEquals("timeout", v6.get("outcome").asText());
    assertEquals(v6.get("end_s").asDouble(), v4.get("start_s").asDouble(), 0.0);
    assertEquals(v4.get("start_s").asDouble() + 0.020, v4.get("end_s").asDouble(), 1e-9);
    assertEquals("connected", v4.get("outcome").asText());
    assertEquals(List.of(
        "2001:db8::10 web 0.005 0.275 cancelled [0.005]",
        "192.0.2.10 web 0.255 0.275 connected [0.255]"),
        Lessons.attempts(explain(f, "Happy Eyeballs 250 ms, 30 s limit", 0, 0, 0)));
  }

  @Test
  void lessons3And4TheTwoDeadAddressesInFrontAndTheLiveOnesNeverTried() {
    // the README's call of each: the first failed first call; whatever the random order put
    // first, the two dead addresses take 21 s and 9 s, and the live ones are not started
    for (String f : List.of("03-shared-host.yaml", "04-extra-dns-entries.yaml")) {
      JsonNode j = cli("explain", "scenarios/lessons/" + f, "--find", "first-failure", "--json");
      List<String> lines = Lessons.attempts(j);
      JsonNode order = j.get("order");
      List<String> expected = new ArrayList<>();
      expected.add(order.get(0).asText() + " " + host(j, 0) + " 0.005 21.005 timeout [0.005 3.005 9.005]");
      expected.add(order.get(1).asText() + " " + host(j, 1) + " 21.005 30 cancelled [21.005 24.005]");
      for (int i = 2; i < order.size(); i++) {
        expected.add(order.get(i).asText() + " " + host(j, i) + " - - not-started []");
      }
      assertEquals(expected, lines, f);
      assertTrue(j.get("reason").asText().contains("would have connected in 20 ms but was never tried"), f);
    }
  }

  /** The host of the i-th address in order, as the attempt lines show it. */
  private static String host(JsonNode j, int i) {
    String address = j.get("order").get(i).asText();
    for (JsonNode a : j.get("attempts")) {
      if (a.get("address").asText().equals(address)) {
        return a.get("host").isNull() ? "(none)" : a.get("host").asText();
      }
    }
    throw new AssertionError(address + " has no attempt line");
  }

  @Test
  void lesson5OneRstOnLinuxThreeOnWindows() {
    String f = "05-listener-family-mismatch.yaml";
    assertEquals(List.of(
        "2001:db8::2 fe2 0.005 2.025 refused [0.005 1.005 2.005]",
        "2001:db8::1 fe1 2.025 2.045 connected [2.025]",
        "192.0.2.2 fe2 - - not-started []",
        "192.0.2.1 fe1 - - not-started []"), Lessons.attempts(explain(f, "IPv6 first, RST retried (Windows)", 0, 0, 0)));
    assertEquals(List.of(
        "2001:db8::2 fe2 0.005 0.025 refused [0.005]",
        "2001:db8::1 fe1 0.025 0.045 connected [0.025]",
        "192.0.2.2 fe2 - - not-started []",
        "192.0.2.1 fe1 - - not-started []"), Lessons.attempts(explain(f, "IPv6 first, RST fails at once (Linux)", 0, 0, 0)));
    JsonNode hint = explain(f, "IPv4 hint, RST retried (Windows)", 0, 0, 0);
    assertEquals(List.of("A"), dnsTypes(hint));
    assertEquals(List.of(
        "192.0.2.2 fe2 0.005 0.025 connected [0.005]",
        "192.0.2.1 fe1 - - not-started []"), Lessons.attempts(hint));
  }

  @Test
  void lesson6TheHostsFileNamesOnlyDeadAddresses() {
    String f = "06-hosts-file-vs-dns.yaml";
    // the first sweep point is the hosts file: answered at once, in the order written
    JsonNode seq = explain(f, "sequential, 30 s limit", 0, 0, 0);
    assertEquals(List.of("hosts-file"), dnsTypes(seq));
    assertEquals(0.0, seq.get("dns").get(0).get("answered_s").asDouble(), 0.0);
    assertEquals(List.of(
        "192.0.2.10 (none) 0 21 timeout [0 3 9]",
        "192.0.2.11 web2 21 30 cancelled [21 24]"), Lessons.attempts(seq));
    JsonNode he = explain(f, "Happy Eyeballs 250 ms, 30 s limit", 0, 0, 0);
    assertEquals(List.of(
        "192.0.2.10 (none) 0 21 timeout [0 3 9]",
        "192.0.2.11 web2 0.25 21.25 timeout [0.25 3.25 9.25]"), Lessons.attempts(he));
    assertEquals(21.25, he.get("elapsed_s").asDouble(), 0.0);
    assertEquals("failed: all 2 addresses timed out.", he.get("reason").asText());
  }

  @Test
  void lesson7TheSecondCallPutsTheStaleAddressThatTimedOutLast() {
    String f = "07-learning-at-startup.yaml";
    String ucma = "UCMA 4.0 (failed addresses offline 10 min)";
    // the README explains call 2 of client 12: with seed 7 the first failed first call of the
    // run is client 12's in replication 0
    JsonNode first = cli("explain", "scenarios/lessons/" + f, "--configuration", ucma, "--find", "first-failure", "--json");
    assertEquals(List.of(0, 12, 1), List.of(first.get("replication").asInt(), first.get("client").asInt(), first.get("call").asInt()));
    List<String> order = new ArrayList<>();
    first.get("order").forEach(a -> order.add(a.asText()));
    String x = order.get(0);
    String y = order.get(1);
    assertEquals(List.of(
        x + " (none) 0.005 21.005 timeout [0.005 3.005 9.005]",
        y + " (none) 21.005 30 cancelled [21.005 24.005]",
        order.get(2) + " " + host(first, 2) + " - - not-started []",
        order.get(3) + " " + host(first, 3) + " - - not-started []"), Lessons.attempts(first));

    // a minute later: the cached answer (no DNS wait), x moved last; y was only cancelled, so it
    // is tried and times out, and the next address, live, connects 21 s + one RTT in
    JsonNode second = explain(f, ucma, 0, 12, 1);
    assertEquals(60.0, second.get("call_start_s").asDouble(), 0.0);
    assertEquals("from the client's cache", second.get("dns").get(0).get("note").asText());
    List<String> again = new ArrayList<>();
    second.get("order").forEach(a -> again.add(a.asText()));
    assertEquals(List.of(y, order.get(2), order.get(3), x), again);
    assertTrue(second.get("order_reasons").toString().contains("memory avoid-failed"), second.toString());
    assertEquals(List.of(
        y + " (none) 0 21 timeout [0 3 9]",
        order.get(2) + " " + host(first, 2) + " 21 21.02 connected [21]",
        order.get(3) + " " + host(first, 3) + " - - not-started []",
        x + " (none) - - not-started []"), Lessons.attempts(second));

    // the third call avoids both and connects at once
    JsonNode third = explain(f, ucma, 0, 12, 2);
    assertEquals(order.get(2) + " " + host(first, 2) + " 0 0.02 connected [0]", Lessons.attempts(third).get(0));
  }

  @Test
  void lesson8TheHintDropsIpv6BeforeAnyQuery() {
    String f = "08-address-family-hint.yaml";
    assertEquals(List.of(
        "2001:db8:10::1 fe1 0.005 21.005 timeout [0.005 3.005 9.005]",
        "2001:db8:10::2 fe2 21.005 30 cancelled [21.005 24.005]",
        "192.0.2.1 fe1 - - not-started []",
        "192.0.2.2 fe2 - - not-started []"), Lessons.attempts(explain(f, "no hint (IPv6 first)", 0, 0, 0)));
    JsonNode v4 = explain(f, "IPv4 hint", 0, 0, 0);
    assertEquals(List.of("A"), dnsTypes(v4));
    assertEquals(List.of(
        "192.0.2.1 fe1 0.005 0.025 connected [0.005]",
        "192.0.2.2 fe2 - - not-started []"), Lessons.attempts(v4));
    JsonNode v6 = explain(f, "IPv6 hint (the wrong one)", 0, 0, 0);
    assertEquals(List.of("AAAA"), dnsTypes(v6));
    assertEquals(List.of(
        "2001:db8:10::1 fe1 0.005 21.005 timeout [0.005 3.005 9.005]",
        "2001:db8:10::2 fe2 21.005 30 cancelled [21.005 24.005]"), Lessons.attempts(v6));
  }

  @Test
  void lesson9TheSlowestHappyEyeballsCallMeetsThreeDeadServersFirst() {
    JsonNode j = cli("explain", "scenarios/lessons/09-happy-eyeballs-rescue.yaml", "--configuration",
        "Happy Eyeballs 250 ms, 30 s limit", "--find", "slowest", "--json");
    List<String> dead = List.of("s1", "s2", "s3");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      assertTrue(dead.contains(host(j, i)), j.toString());
      String start = List.of("0.005", "0.255", "0.505").get(i);
      expected.add(j.get("order").get(i).asText() + " " + host(j, i) + " " + start + " 0.775 cancelled [" + start + "]");
    }
    expected.add(j.get("order").get(3).asText() + " " + host(j, 3) + " 0.755 0.775 connected [0.755]");
    expected.add(j.get("order").get(4).asText() + " " + host(j, 4) + " - - not-started []");
    assertEquals(expected, Lessons.attempts(j));
    assertEquals(0.775, j.get("elapsed_s").asDouble(), 0.0);
  }

  @Test
  void lesson10EveryClientSortsWeb1FirstWhateverTheRotation() {
    String f = "10-round-robin-vs-longest-prefix.yaml";
    Scenario s = Lessons.scenario(f);
    int rotatedToWeb2 = 0;
    for (int client = 0; client < s.topology().workload().clients(); client++) {
      JsonNode j = explain(f, "getaddrinfo order (rfc6724, glibc table)", 0, client, 0);
      String answerFirst = j.get("dns").get(0).get("answers").get(0).asText();
      linuxAttempt(j, "192.0.2.10 web1 0.005 30 cancelled", 9);
      assertEquals("192.0.2.200 web2 - - not-started []", Lessons.attempts(j).get(1), "client " + client);
      assertTrue(j.get("order_reasons").toString().contains("rule 9 (longest matching prefix: 26 > 24 bits)"));
      JsonNode kept = explain(f, "DNS order kept", 0, client, 0);
      if (answerFirst.equals("192.0.2.200")) {
        rotatedToWeb2++;
        assertEquals(List.of(
            "192.0.2.200 web2 0.005 0.025 connected [0.005]",
            "192.0.2.10 web1 - - not-started []"), Lessons.attempts(kept), "client " + client);
      } else {
        assertEquals("failed", kept.get("outcome").asText(), "client " + client);
      }
    }
    assertEquals(10, rotatedToWeb2, "the rotation put web2 first for half the clients");
  }

  /** Attempt lines with the transport in front: {@code QUIC 2001:db8::1 fe1 0.005 0.5 cancelled [0.005]}. */
  private static List<String> transported(JsonNode j) {
    List<String> lines = Lessons.attempts(j);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      out.add(j.get("attempts").get(i).get("transport").asText().toUpperCase(java.util.Locale.ROOT) + " " + lines.get(i));
    }
    return out;
  }

  @Test
  void lesson11TheQuicAttemptsTakeTheSlotsTcpNeeded() {
    // HTTPS, AAAA and A at 0.005 s; QUIC ::1, QUIC .1 250 ms apart, both silent (UDP dropped);
    // the third slot, TCP ::1, would come at 0.505 s, after the 500 ms deadline, which cancels
    // the QUIC attempts (their Initials: one each, the first PTO of 999 ms never came)
    JsonNode j = cli("explain", "scenarios/lessons/11-http3-udp-blocked.yaml", "--configuration", "HEv3, HTTP/3 on",
        "--find", "first-failure", "--json");
    assertEquals(List.of(
        "QUIC 2001:db8:10::1 fe1 0.005 0.5 cancelled [0.005]",
        "QUIC 192.0.2.1 fe1 0.255 0.5 cancelled [0.255]",
        "TCP 2001:db8:10::1 fe1 - - not-started []",
        "TCP 192.0.2.1 fe1 - - not-started []",
        "QUIC 2001:db8:10::2 fe2 - - not-started []",
        "QUIC 192.0.2.2 fe2 - - not-started []",
        "TCP 2001:db8:10::2 fe2 - - not-started []",
        "TCP 192.0.2.2 fe2 - - not-started []"), transported(j));
    String reason = j.get("reason").asText();
    assertTrue(reason.contains("UDP to the service is dropped") && reason.contains("TCP came too late")
        && reason.contains("500 ms deadline"), reason);
    // Chromium's second call (60 s later, from the cache): QUIC marked broken from 4.005 s for
    // 300 s, so TCP alone, at once: SYN-ACK 0.020, TLS 0.040
    JsonNode second = cli("explain", "scenarios/lessons/11-http3-udp-blocked.yaml", "--configuration", "Chromium",
        "--call", "2", "--json");
    assertEquals("TCP 2001:db8:10::1 fe1 0 0.04 connected [0]", transported(second).get(0));
    assertTrue(second.get("order_reasons").toString().contains("QUIC not tried: this client marked it broken"),
        second.get("order_reasons").toString());
  }

  @Test
  void lesson12TheStaleHintTakesTheFirstSlot() {
    // hev3: ready on the hints at 0.005; TCP ::99 (no host owns it) runs on when AAAA and A
    // replace the hints at 0.100; the next slot, 0.255, TCP ::10: SYN-ACK 0.275, TLS 0.295
    JsonNode j = explain("12-stale-ipv6hint.yaml", "hev3", 0, 0, 0);
    assertEquals(List.of(
        "TCP 2001:db8:10::99 (none) 0.005 0.295 cancelled [0.005]",
        "TCP 2001:db8:10::10 web 0.255 0.295 connected [0.255]",
        "TCP 192.0.2.10 web - - not-started []"), transported(j));
    assertEquals(0.005, j.get("ready_s").asDouble(), 0.0);
    assertTrue(j.get("reason").asText().contains("a stale hint"), j.get("reason").asText());
    // the crate: ready 0.055 (Resolution Delay from the HTTPS answer at 0.005), slot 0.305
    JsonNode crate = explain("12-stale-ipv6hint.yaml", "Firefox HEv3", 0, 0, 0);
    assertEquals(List.of("TCP 2001:db8:10::99 (none) 0.055 0.345 cancelled [0.055]",
        "TCP 2001:db8:10::10 web 0.305 0.345 connected [0.305]"), transported(crate).subList(0, 2));
    // one at a time: RFC 6298 SYNs at 0, 1, 3, 7 and 15 s into the attempt, then the deadline
    JsonNode one = explain("12-stale-ipv6hint.yaml", "one at a time, 30 s limit", 0, 0, 0);
    assertEquals("TCP 2001:db8:10::99 (none) 0.005 30 cancelled [0.005 1.005 3.005 7.005 15.005]",
        transported(one).get(0));
    assertEquals("failed", one.get("outcome").asText());
  }

  @Test
  void lesson13TheReliantClientWaitsForTheHttpsAnswerThatNeverComes() {
    // the first point: HTTPS never answered; the resolver gives up at 5 s and the reliant client,
    // which made no attempt before it, abandons the connection then
    JsonNode j = explain("13-slow-https-record.yaml", "SVCB-reliant (ECH over DoH)", 0, 0, 0);
    assertEquals(List.of(), transported(j));
    assertEquals("failed", j.get("outcome").asText());
    assertEquals(5.0, j.get("elapsed_s").asDouble(), 0.0);
    assertTrue(j.get("reason").asText().contains("SVCB-reliant"), j.get("reason").asText());
    // hev3 goes without it after the Resolution Delay: TCP ::10 at 0.055, connected 0.095
    JsonNode hev3 = explain("13-slow-https-record.yaml", "hev3", 0, 0, 0);
    assertEquals("TCP 2001:db8:10::10 web 0.055 0.095 connected [0.055]", transported(hev3).get(0));
    assertTrue(hev3.get("ready_reason").asText().contains("the Resolution Delay (50ms) had passed"),
        hev3.get("ready_reason").asText());
  }

  // ---- explain agrees with run ---------------------------------------------------------------

  static Stream<String> files() {
    return Lessons.FILES.stream();
  }

  /**
   * Every call of replication 0, every configuration and sweep point: the traced call ends as
   * the run counted it (outcome, elapsed time, attempts started, time wasted in failed ones),
   * and the explanation's JSON says the same.
   */
  @ParameterizedTest
  @MethodSource("files")
  void explainTellsEachCallAsRunCountedIt(String file) {
    LoadedScenario l = Lessons.load(file);
    for (Scenario s : l.points()) {
      for (Configuration c : s.configurations()) {
        Map<String, Lessons.Counted> counted = Lessons.counted(s, c, 0);
        assertEquals((long) s.topology().workload().clients() * s.topology().workload().callsPerClient(), counted.size());
        for (Lessons.Counted k : counted.values()) {
          CallTrace t = Lessons.trace(s, c, 0, k.client(), k.index());
          String where = file + " " + s.point() + " " + c.name() + " client " + k.client() + " call " + (k.index() + 1);
          assertEquals(k.connected(), t.connected(), where);
          assertEquals(k.establishNs(), t.endNs() - t.startNs(), where);
          assertEquals(k.attempts(), t.attempts().size(), where);
          long wasted = t.attempts().stream().filter(a -> a.outcome() != Outcome.CONNECTED)
              .mapToLong(a -> a.endNs() - a.startNs()).sum();
          assertEquals(k.wastedNs(), wasted, where);
          JsonNode j = Lessons.explain(c, t);
          assertEquals(k.connected() ? "connected" : "failed", j.get("outcome").asText(), where);
          assertEquals(k.establishNs() / 1e9, j.get("elapsed_s").asDouble(), 0.0, where);
        }
      }
    }
  }

  /** The README's explain command prints exactly the explanation of the call the run counted. */
  @Test
  void theCommandLineExplainsTheSameCallAsTheApi() {
    String f = "04-extra-dns-entries.yaml";
    JsonNode j = cli("explain", "scenarios/lessons/" + f, "--find", "first-failure", "--json");
    Scenario s = Lessons.scenario(f);
    Configuration c = s.configurations().get(0);
    int r = j.get("replication").asInt();
    int client = j.get("client").asInt();
    CallTrace t = Lessons.trace(s, c, r, client, 0);
    assertEquals(j, Lessons.explain(c, t));
    Lessons.Counted k = Lessons.counted(s, c, r).get(client + "/0");
    assertFalse(k.connected());
    assertEquals(k.establishNs() / 1e9, j.get("elapsed_s").asDouble(), 0.0);
    // and it is the first failed first call of the run, in the order calls ended
    for (int earlier = 0; earlier < r; earlier++) {
      assertTrue(Lessons.counted(s, c, earlier).values().stream().filter(x -> x.index() == 0).allMatch(Lessons.Counted::connected));
    }
    assertNotEquals(0, Lessons.attempts(j).size());
  }

  private static JsonNode cli(String... args) {
    Cli c = Cli.run(args);
    assertEquals(0, c.exit(), c.err());
    return Lessons.parse(c.out());
  }
}
