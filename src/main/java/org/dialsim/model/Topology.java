package org.dialsim.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hosts, network and DNS: the world every configuration of a scenario connects into.
 *
 * @param hosts the physical machines
 * @param network path rules and RTT
 * @param dns names and resolver behaviour
 * @param workload the clients and their calls
 */
public record Topology(List<Host> hosts, Network network, Dns dns, Workload workload) {
  /** Copies the list. */
  public Topology {
    hosts = List.copyOf(hosts);
  }

  /** Which host owns each address; an address absent from the map is stale. */
  public Map<Address, Host> ownerOf() {
    Map<Address, Host> m = new HashMap<>();
    for (Host h : hosts) {
      for (Address a : h.addresses()) {
        m.put(a, h);
      }
    }
    return m;
  }
}
