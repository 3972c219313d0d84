package org.dialsim.stack;

import java.util.Locale;

/** How a stack orders the resolved addresses before it connects. */
public enum Order {
  /** As the resolver returned them. */
  DNS,
  /** IPv4 first, each family in DNS order (a stable sort). */
  PREFER_IPV4,
  /** IPv6 first, each family in DNS order. */
  PREFER_IPV6,
  /** RFC 6724 section 6 destination address selection with {@code policy_table}. */
  RFC6724,
  /** A random permutation per call. */
  SHUFFLE;

  /** The scenario spelling. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
