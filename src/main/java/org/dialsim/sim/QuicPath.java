package org.dialsim.sim;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.dialsim.engine.Time;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Delay;
import org.dialsim.stack.Quic;

/**
 * One QUIC attempt worked out Initial by Initial when it starts, as {@link AttemptPath} works out
 * a TCP one: when it ends, how, and when each Initial went.
 *
 * <p>The client sends its first Initial at once and, while nothing comes back, again at each
 * probe timeout: the first PTO is three initial RTTs and each expiry doubles it (RFC 9002
 * sections 6.2.1, 6.2.2 and appendix A.8), so Initials go at {@code t0 + PTO x (2^k - 1)}, the
 * shape of a SYN schedule. A silent handshake gives up at {@link Quic#giveUpNs()}: the idle
 * timeout, at least three PTOs (RFC 9000 section 10.1), or the client's handshake limit. Each
 * Initial meets the UDP path's behaviour and the host's state at its send time: {@code deliver}
 * completes the handshake one RTT later (QUIC's 1-RTT handshake: the server's first flight is
 * taken to fit its anti-amplification limit, RFC 9000 section 8.1) when the host is up and
 * answers QUIC, and gives an ICMP port unreachable when it does not (refused, as Linux reports it
 * to a connected UDP socket: ECONNREFUSED, udp(7)); {@code unreachable} gives an ICMP error after
 * one RTT, {@code no-route} fails at once; {@code icmp: ignore} lets the handshake run on.
 *
 * <p>Every Initial draws one RTT and two loss values per datagram a probe carries
 * ({@code pto_datagrams}; the first Initial is one datagram and uses the first pair), whatever
 * happens to it, from the (client, address) QUIC stream, so a TCP attempt to the same address
 * draws exactly what it draws without QUIC.
 */
final class QuicPath {
  /** When the attempt ends. */
  long end;
  /** How it ends. */
  Outcome outcome;
  /** When it would have timed out. */
  long timesOutAt;
  /** Initials sent, {@link #sends} of them valid. */
  long[] sendTimes = new long[32];
  /** Number of Initials the attempt sends before it ends. */
  int sends;

  /**
   * Works out one attempt.
   *
   * @param behaviour the UDP path's behaviour
   * @param loss its loss probability per datagram and per reply
   * @param rtt its RTT
   * @param gauss the stream's normal deviates, one per Initial
   * @param host the host's timeline, or null for an address no host owns
   * @param answers true when the host answers QUIC on the address's family
   * @param quic the stack's QUIC timers
   * @param stream the (client, address) QUIC stream
   * @param t0 the attempt's start
   * @param limitNs the application's limit for the attempt, {@link Time#NEVER} for none
   */
  void work(Behaviour behaviour, double loss, Delay rtt, ZigguratSampler.NormalizedGaussian gauss, HostTimeline host,
      boolean answers, Quic quic, UniformRandomProvider stream, long t0, long limitNs) {
    long until = Time.add(t0, Math.min(quic.giveUpNs(), limitNs));
    timesOutAt = until;
    outcome = Outcome.TIMEOUT;
    sends = 0;
    long pto = quic.firstPtoNs();
    int k = 0;
    long s = t0;
    while (s < until) {
      if (sends == sendTimes.length) {
        sendTimes = Arrays.copyOf(sendTimes, sends * 2);
      }
      sendTimes[sends++] = s;
      if (behaviour == Behaviour.NO_ROUTE) {
        until = s;
        outcome = Outcome.UNREACHABLE;
        break;
      }
      long reply = Time.add(s, Delays.sample(rtt, gauss.sample()));
      int datagrams = k == 0 ? 1 : quic.ptoDatagrams();
      boolean through = false;
      for (int d = 0; d < quic.ptoDatagrams(); d++) {
        boolean sentLost = stream.nextDouble() < loss;
        boolean replyLost = stream.nextDouble() < loss;
        through |= d < datagrams && !sentLost && !replyLost;
      }
      if (reply < until && quic.icmp() == Quic.Icmp.FAIL && behaviour == Behaviour.UNREACHABLE) {
        until = reply;
        outcome = Outcome.UNREACHABLE;
        break;
      }
      if (reply < until && behaviour == Behaviour.DELIVER && host != null && !host.down(s, t0) && through) {
        if (answers) {
          until = reply;
          outcome = Outcome.CONNECTED;
          break;
        }
        if (quic.icmp() == Quic.Icmp.FAIL) {
          until = reply;
          outcome = Outcome.REFUSED;
          break;
        }
      }
      // nothing came back (or an ICMP error is ignored): the next Initial goes at the next PTO
      k++;
      s = k >= 62 ? Time.NEVER : Time.add(t0, pto > Long.MAX_VALUE / ((1L << k) - 1) ? Time.NEVER : pto * ((1L << k) - 1));
    }
    end = until;
  }
}
