package org.dialsim.model;

/** Where a client's answer for a name comes from. */
public enum NameSource {
  /** A DNS server: per-type latency, TTL, answer order. */
  DNS,
  /** A static hosts file: fixed order, no latency, never refreshed. */
  HOSTS_FILE
}
