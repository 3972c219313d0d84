package org.dialsim.model;

import java.util.Optional;

/**
 * An address prefix in CIDR form, {@code 192.0.2.0/24} or {@code 2001:db8::/32}.
 *
 * @param network the address with the prefix's bits
 * @param length the prefix length in bits
 */
public record Prefix(Address network, int length) {
  /** Validates the length against the family. */
  public Prefix {
    if (length < 0 || length > network.bitLength()) {
      throw new IllegalArgumentException("prefix length " + length + " out of range for " + network.family().key());
    }
  }

  /** Parses {@code address/length}; empty when malformed. */
  public static Optional<Prefix> parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String literal = text.substring(0, slash).trim();
    Optional<Address> a = Address.parse(literal);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    try {
      int len = Integer.parseInt(text.substring(slash + 1).trim());
      if (literal.indexOf(':') >= 0 && a.get().family() == Family.IPV4) {
        // an IPv4-mapped prefix (::ffff:0:0/96, the usual gai.conf row) is an IPv4 prefix
        // 96 bits shorter; shorter mapped prefixes reach outside ::ffff:0:0/96 and cannot be
        // expressed as IPv4
        if (len < 96) {
          return Optional.empty();
        }
        len -= 96;
      }
      if (len < 0 || len > a.get().bitLength()) {
        return Optional.empty();
      }
      return Optional.of(new Prefix(a.get(), len));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Parses a prefix known to be valid. */
  public static Prefix of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not a prefix: " + text));
  }

  /** True when {@code a} lies inside this prefix. */
  public boolean contains(Address a) {
    return a.family() == network.family() && a.commonPrefixLength(network) >= length;
  }

  @Override
  public String toString() {
    return network.text() + "/" + length;
  }
}
