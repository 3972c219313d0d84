package org.dialsim.sim;

import java.util.Locale;

/** How one connection attempt ended (SPEC 4, binding spellings). */
public enum Outcome {
  /** A SYN-ACK arrived. */
  CONNECTED,
  /** A RST arrived (nothing listens on that family). */
  REFUSED,
  /** An ICMP error arrived, or there was no route. */
  UNREACHABLE,
  /** The SYN schedule or an application limit ran out. */
  TIMEOUT,
  /** Stopped by the deadline or because another attempt connected. */
  CANCELLED,
  /** Never started: the call ended first. */
  NOT_STARTED;

  /** Every outcome, by ordinal, without the copy {@code values()} makes. */
  static final java.util.List<Outcome> ALL = java.util.List.of(values());

  /** The JSON spelling. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
