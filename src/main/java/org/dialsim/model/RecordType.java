package org.dialsim.model;

import java.util.Locale;

/** The DNS record types a client asks for: A, AAAA and HTTPS (RFC 9460 section 9). */
public enum RecordType {
  /** IPv4 addresses. */
  A,
  /** IPv6 addresses. */
  AAAA,
  /** HTTPS (SVCB for https): where and how the service is offered. */
  HTTPS;

  /** The scenario spelling, as DNS writes the type. */
  public String key() {
    return name().toUpperCase(Locale.ROOT);
  }
}
