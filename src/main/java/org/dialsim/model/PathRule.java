package org.dialsim.model;

/**
 * One {@code network.paths} rule; the first rule that matches an address decides its path.
 *
 * @param match which destinations it covers
 * @param behaviour what happens to SYNs
 * @param loss probability that a SYN, and independently its SYN-ACK, is lost
 * @param rtt the path's own round-trip time, or null for {@code network.rtt}
 */
public record PathRule(Match match, Behaviour behaviour, double loss, Delay rtt) {}
