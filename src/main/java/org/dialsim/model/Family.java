package org.dialsim.model;

import java.util.Locale;

/** An address family. */
public enum Family {
  IPV4,
  IPV6;

  /** The scenario spelling: {@code ipv4} or {@code ipv6}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
