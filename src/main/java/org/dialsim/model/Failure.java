package org.dialsim.model;

/**
 * Random host failure: up times are exponential with mean {@code mtbf}, down times exponential
 * with mean {@code mttr}. A replication starts in the stationary state (down with probability
 * mttr / (mtbf + mttr)), so the first call sees the long-run availability, not a fresh host.
 */
public record Failure(long mtbfNs, long mttrNs) {}
