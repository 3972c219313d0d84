package org.dialsim.stack;

import java.util.Locale;
import org.dialsim.engine.Time;

/**
 * QUIC attempts beside TCP ones ({@code stack.quic}): where they go in the list, their handshake
 * timers (RFC 9000, RFC 9002) and what a client learns from QUIC failures. A stack attempts QUIC
 * only toward endpoints whose ALPN set has {@code h3}, which only HTTPS records give.
 *
 * @param enabled attempt QUIC where an HTTPS record offers h3
 * @param order how QUIC and TCP endpoints are put in one list
 * @param endpoints {@link QuicOrder#PARALLEL}: how many QUIC endpoints the racer tries
 *     ({@link Integer#MAX_VALUE}: all)
 * @param tcpDelayNs {@link QuicOrder#PARALLEL}: how long TCP is held back behind QUIC
 *     ({@link #CHROMIUM_TCP_DELAY}: Chromium's rule)
 * @param initialRttNs RFC 9002 section 6.2.2: the RTT assumed before any sample; the first PTO is
 *     three times it
 * @param idleTimeoutNs the client's max_idle_timeout (RFC 9000 section 10.1)
 * @param handshakeTimeoutNs the client's own limit on an unfinished handshake, {@link Time#NEVER} for none
 * @param ptoDatagrams datagrams sent at each PTO expiry (RFC 9002 section 6.2.4: one or two)
 * @param icmp what an ICMP error does to a QUIC attempt
 * @param memory what a client learns from QUIC failures
 */
public record Quic(boolean enabled, QuicOrder order, int endpoints, long tcpDelayNs, long initialRttNs,
    long idleTimeoutNs, long handshakeTimeoutNs, int ptoDatagrams, Icmp icmp, QuicMemory memory) {
  /** {@code tcp_delay: chromium} (QuicSessionPool::GetTimeDelayForWaitingJob). */
  public static final long CHROMIUM_TCP_DELAY = -1;

  /** No QUIC: the defaults.yaml values with {@code enabled: false}. */
  public static final Quic OFF = new Quic(false, QuicOrder.ROUND_ROBIN, Integer.MAX_VALUE, 0, 333 * Time.MS, 30 * Time.S,
      Time.NEVER, 1, Icmp.FAIL, QuicMemory.NONE);

  /**
   * The first probe timeout: RFC 9002 section 6.2.1 and appendix A.8, {@code smoothed_rtt +
   * max(4 * rttvar, kGranularity)} with {@code smoothed_rtt = initial_rtt}, {@code rttvar =
   * initial_rtt / 2} and no max_ack_delay in the Initial space: three initial RTTs (999 ms for
   * the recommended 333 ms; kGranularity, 1 ms, never binds).
   */
  public long firstPtoNs() {
    return Math.max(3 * initialRttNs, Time.MS);
  }

  /**
   * When a handshake that never hears back gives up, from its first Initial: the idle timeout,
   * which RFC 9000 section 10.1 raises to at least three PTOs, or the client's handshake
   * timeout if that comes first.
   */
  public long giveUpNs() {
    return Math.min(handshakeTimeoutNs, Math.max(idleTimeoutNs, 3 * firstPtoNs()));
  }

  /** How QUIC and TCP endpoints make one list ({@code quic.order}). */
  public enum QuicOrder {
    /**
     * Within each group, queues of (protocol, family) dealt one at a time, QUIC first: the
     * reference crate's {@code interleave_endpoints} (mozilla/happy-eyeballs 0.11.0).
     */
    ROUND_ROBIN,
    /** Every QUIC endpoint, group by group, before every TCP one (draft section 5.1, level 1). */
    QUIC_FIRST,
    /** A QUIC racer beside the stack's own strategy over the TCP endpoints, which waits tcp_delay (Chromium, curl). */
    PARALLEL;

    /** The scenario spelling. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** What an ICMP error does to a QUIC attempt. */
  public enum Icmp {
    /** It ends the attempt: a connected UDP socket reports it (Linux udp(7): ECONNREFUSED, EHOSTUNREACH). */
    FAIL,
    /** It is ignored: the handshake goes on until its timeout. */
    IGNORE;

    /** The scenario spelling. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
