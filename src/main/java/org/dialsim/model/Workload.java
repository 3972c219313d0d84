package org.dialsim.model;

import java.util.List;

/**
 * Who calls, and when.
 *
 * @param clients number of client instances, each starting cold (empty DNS cache and memory)
 * @param sourceAddresses the clients' own addresses (RFC 6724 source selection)
 * @param target the name every call connects to
 * @param callsPerClient calls each client makes
 * @param startSpreadNs first calls start uniformly in [0, spread); 0 = all at once
 * @param intervalNs spacing between a client's call starts (fixed, or the exponential mean)
 * @param exponential true when the spacing is exponential with mean {@code intervalNs}
 */
public record Workload(
    int clients,
    List<Address> sourceAddresses,
    String target,
    int callsPerClient,
    long startSpreadNs,
    long intervalNs,
    boolean exponential) {
  /** Copies the list. */
  public Workload {
    sourceAddresses = List.copyOf(sourceAddresses);
  }
}
