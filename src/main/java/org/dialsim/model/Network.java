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

  /** The rule for an address, or a plain deliver rule with the default RTT. */
  public PathRule pathTo(Address address, String hostName) {
    for (PathRule r : paths) {
      if (r.match().matches(address, hostName)) {
        return r;
      }
    }
    return new PathRule(new Match.ToAddress(address), Behaviour.DELIVER, 0, null);
  }
}
