package org.dialsim.model;

import java.util.Locale;

/** What a network path does with a SYN. */
public enum Behaviour {
  /** The host answers after one RTT: SYN-ACK if it listens on the family, RST if not. */
  DELIVER,
  /** Nothing comes back; the stack retransmits on its schedule and times out. */
  BLACKHOLE,
  /** An ICMP destination-unreachable comes back after one RTT (a router's, possibly far away). */
  UNREACHABLE,
  /** The client has no route: the connect fails at once. */
  NO_ROUTE;

  /** The scenario spelling. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
