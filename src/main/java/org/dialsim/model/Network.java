package org.dialsim.model;

import java.util.List;

/**
 * The network between the clients and the hosts.
 *
 * @param rtt the default round-trip time
 * @param paths rules, first match wins; an address no rule matches is delivered with no loss
 */
public record Network(Delay rtt, List<PathRule> paths) {
  /** Copies the list. */
  public Network {
    paths = List.copyOf(paths);
  }

  /** The rule for a TCP attempt to an address, or a plain deliver rule with the default RTT. */
  public PathRule pathTo(Address address, String hostName) {
    return pathTo(address, hostName, Protocol.TCP);
  }

  /**
   * The rule for an attempt over {@code transport} ({@link Protocol#TCP} or {@link Protocol#UDP})
   * to an address: the first that matches it and covers the transport, or a plain deliver rule.
   */
  public PathRule pathTo(Address address, String hostName, Protocol transport) {
    for (PathRule r : paths) {
      if (r.protocol().covers(transport) && r.match().matches(address, hostName)) {
        return r;
      }
    }
    return new PathRule(new Match.ToAddress(address), Behaviour.DELIVER, 0, null);
  }
}
