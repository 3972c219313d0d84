package org.dialsim.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.dialsim.engine.Time;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Family;
import org.dialsim.model.Match;
import org.dialsim.model.PathRule;
import org.dialsim.model.Topology;
import org.dialsim.scenario.Profiles;
import org.dialsim.sim.CallTrace;
import org.dialsim.sim.Fixtures;
import org.dialsim.sim.Plan;
import org.dialsim.sim.World;
import org.junit.jupiter.api.Test;

/**
 * Chromium's backup connect job (net/socket/transport_client_socket_pool.cc): 250 ms
 * (kMaxConnectRetryIntervalMs) after the request, if the first ConnectJob is still pending and
 * not resolving the host, a second one starts over the same addresses; whichever job completes
 * first, connected or failed, answers the request (OnConnectJobComplete()). Every world answers
 * DNS in 5 ms and has a 20 ms RTT; the Linux timers run on time (first retransmission 1 s after
 * the first SYN). A host that is down at a SYN's send time does not answer it: a lost SYN.
 */
class BackupJobTimelineTest {
  private static final long MS = Time.MS;

  private static CallTrace trace(Topology t, StackConfig stack) {
    return new World(new Plan(t, Fixtures.onTime(stack)), 7).trace(0, 0, 0, (c, i, ok, e, a, w) -> { });
  }

  private static StackConfig chromium() {
    return Profiles.get("chromium").stack();
  }

  private static StackConfig withoutBackup() {
    return Fixtures.Stack.from(chromium()).backupJob(Time.NEVER).build();
  }

  private static List<Long> starts(CallTrace t) {
    return t.attempts().stream().map(CallTrace.Attempt::startNs).sorted().toList();
  }

  @Test
  void theBackupJobConnectsWhenTheFirstSynIsLost() {
    // one IPv4 address whose host is down until 100 ms: the first job's SYN at 5 ms is lost and
    // its retransmission goes at 1.005 s (connected 1.025 s without a backup); the backup job
    // starts at 250 ms with a SYN of its own, answered: connected at 270 ms
    Topology t = Fixtures.world().hostDown("192.0.2.1", 0, 100 * MS).build();
    assertEquals(1025 * MS, trace(t, withoutBackup()).endNs());
    CallTrace with = trace(t, chromium());
    assertTrue(with.connected());
    assertEquals(270 * MS, with.endNs());
    assertEquals(List.of(5 * MS, 250 * MS), starts(with));
    assertTrue(with.tries().get(0).orderNotes().stream().anyMatch(n -> n.startsWith("a backup connect job started at 250ms")),
        with.tries().get(0).orderNotes().toString());
  }

  @Test
  void aBlackholedIpv6AddressCostsTheSameWithABackupJob() {
    // the first job: IPv6 at 5 ms, IPv4 at 305 ms (kIPv6FallbackTime), connected at 325 ms; the
    // backup's IPv6 attempt goes at 250 ms and its IPv4 one would go at 550 ms: same time, one
    // attempt more
    Topology t = Fixtures.world().host("2001:db8::1", true).host("192.0.2.1", true)
        .path(new PathRule(new Match.ToFamily(Family.IPV6), Behaviour.BLACKHOLE, 0, null)).build();
    CallTrace with = trace(t, chromium());
    assertEquals(325 * MS, with.endNs());
    assertEquals(List.of(5 * MS, 250 * MS, 305 * MS), starts(with));
    assertEquals(325 * MS, trace(t, withoutBackup()).endNs());
  }

  @Test
  void aJobThatFailsBeforeTheBackupStartsEndsTheRequest() {
    // a host listening on no family: IPv6 refused at 25 ms, IPv4 then refused at 45 ms; the first
    // job has failed, so the request fails at 45 ms and the backup never starts
    Topology t = Fixtures.world().machine("deaf", Set.of(), "2001:db8::1", "192.0.2.1").build();
    CallTrace tr = trace(t, chromium());
    assertFalse(tr.connected());
    assertEquals(45 * MS, tr.endNs());
    assertEquals(2, tr.attempts().size());
  }

  @Test
  void theTimerWaitsWhileTheNameIsResolving() {
    // DNS answers at 300 ms; at 250 ms the first job still resolves, so the timer starts again:
    // the backup at 500 ms. The host is down until 400 ms: the first job's SYN at 300 ms is lost
    // (retransmission at 1.3 s), the backup's at 500 ms connects at 520 ms
    Topology t = Fixtures.world().hostDown("192.0.2.1", 0, 400 * MS).dnsLatency(300 * MS).build();
    CallTrace tr = trace(t, chromium());
    assertEquals(List.of(300 * MS, 500 * MS), starts(tr));
    assertEquals(520 * MS, tr.endNs());
  }

  @Test
  void aBackupJobThatFailsFirstEndsTheRequestToo() {
    // the host is down until 200 ms and listens on IPv6 only: the first job's IPv4 SYN at 5 ms is
    // lost and it waits for its retransmission at 1.005 s; the backup's SYN at 250 ms is answered
    // with a RST at 270 ms, the backup job has failed, and that error is the request's
    Topology t = Fixtures.world().machineDown("v6only", Set.of(Family.IPV6), 0, 200 * MS, "192.0.2.1").build();
    CallTrace tr = trace(t, chromium());
    assertFalse(tr.connected());
    assertEquals(270 * MS, tr.endNs());
    assertEquals(CallTrace.End.ALL_FAILED, tr.tries().get(0).end());
  }
}
