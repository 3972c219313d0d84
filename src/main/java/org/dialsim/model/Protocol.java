package org.dialsim.model;

import java.util.Locale;

/**
 * The transport a path rule covers ({@code network.paths[].protocol}): a firewall can drop UDP
 * and let TCP through, so one path carries TCP attempts and blackholes QUIC ones.
 */
public enum Protocol {
  /** TCP and UDP alike (every rule written before QUIC existed). */
  ANY,
  /** TCP only: the rule leaves QUIC attempts alone. */
  TCP,
  /** UDP only: QUIC attempts; TCP attempts skip the rule. */
  UDP;

  /** True when a rule of this protocol covers an attempt over {@code transport}. */
  public boolean covers(Protocol transport) {
    return this == ANY || this == transport;
  }

  /** The scenario spelling. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
