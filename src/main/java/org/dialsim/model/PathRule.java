package org.dialsim.model;

/**
 * One {@code network.paths} rule; the first rule that matches an address (and covers the
 * attempt's transport) decides its path.
 *
 * @param match which destinations it covers
 * @param behaviour what happens to SYNs (and to QUIC Initials)
 * @param loss probability that a SYN, and independently its SYN-ACK, is lost (for QUIC: each
 *     datagram of an Initial and each reply)
 * @param rtt the path's own round-trip time, or null for {@code network.rtt}
 * @param protocol the transport it covers: {@code any}, or only TCP or only UDP (QUIC)
 */
public record PathRule(Match match, Behaviour behaviour, double loss, Delay rtt, Protocol protocol) {
  /** A rule for every transport, as every rule was before QUIC. */
  public PathRule(Match match, Behaviour behaviour, double loss, Delay rtt) {
    this(match, behaviour, loss, rtt, Protocol.ANY);
  }
}
