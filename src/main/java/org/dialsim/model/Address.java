package org.dialsim.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address literal. The 128 bits are held in two longs (IPv4 in the low 32 bits
 * of {@code lo}), so addresses compare by value and prefixes match with shifts.
 *
 * @param text the literal as the scenario wrote it, lower-cased
 * @param family its family
 * @param hi the first 64 bits (0 for IPv4)
 * @param lo the last 64 bits (the 32-bit address for IPv4)
 */
public record Address(String text, Family family, long hi, long lo) implements Comparable<Address> {
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

  /**
   * Parses a literal without any name lookup; empty when the text is not an address.
   * IPv4 must be four dotted decimals; IPv6 any RFC 4291 text form without a zone.
   */
  public static Optional<Address> parse(String literal) {
    String s = literal.trim();
    if (IPV4.matcher(s).matches()) {
      String[] parts = s.split("\\.");
      long v = 0;
      for (String p : parts) {
        v = (v << 8) | Integer.parseInt(p);
      }
      return Optional.of(new Address(s, Family.IPV4, 0, v));
    }
    // only hex digits, colons and dots: InetAddress parses it as a literal and never resolves
    if (s.indexOf(':') >= 0 && IPV6_CHARS.matcher(s).matches()) {
      try {
        byte[] b = InetAddress.getByName(s).getAddress();
        if (b.length == 16) {
          return Optional.of(new Address(s.toLowerCase(Locale.ROOT), Family.IPV6, bits(b, 0), bits(b, 8)));
        }
        // an IPv4-mapped literal (::ffff:a.b.c.d) comes back as IPv4: treat it as IPv4
        return Optional.of(new Address(s.toLowerCase(Locale.ROOT), Family.IPV4, 0, bits4(b)));
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Parses a literal that is known to be valid (built-in data and tests). */
  public static Address of(String literal) {
    return parse(literal).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + literal));
  }

  /** The address as 4 or 16 bytes, network order. */
  public byte[] bytes() {
    int n = family == Family.IPV4 ? 4 : 16;
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) bit8(i);
    }
    return b;
  }

  /** Byte {@code i} of the 4- or 16-byte form. */
  public int bit8(int i) {
    if (family == Family.IPV4) {
      return (int) (lo >>> (8 * (3 - i))) & 0xff;
    }
    long word = i < 8 ? hi : lo;
    return (int) (word >>> (8 * (7 - (i % 8)))) & 0xff;
  }

  /** Number of address bits: 32 or 128. */
  public int bitLength() {
    return family == Family.IPV4 ? 32 : 128;
  }

  /** Bit {@code i} (0 = most significant). */
  public boolean bit(int i) {
    if (family == Family.IPV4) {
      return ((lo >>> (31 - i)) & 1) != 0;
    }
    return i < 64 ? ((hi >>> (63 - i)) & 1) != 0 : ((lo >>> (127 - i)) & 1) != 0;
  }

  /** Number of leading bits this address shares with {@code other} (same family). */
  public int commonPrefixLength(Address other) {
    if (family != other.family) {
      return 0;
    }
    if (family == Family.IPV4) {
      long x = (lo ^ other.lo) & 0xffffffffL;
      return x == 0 ? 32 : Long.numberOfLeadingZeros(x) - 32;
    }
    long x = hi ^ other.hi;
    if (x != 0) {
      return Long.numberOfLeadingZeros(x);
    }
    long y = lo ^ other.lo;
    return y == 0 ? 128 : 64 + Long.numberOfLeadingZeros(y);
  }

  @Override
  public int compareTo(Address o) {
    int c = family.compareTo(o.family);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && a.family == family && a.hi == hi && a.lo == lo;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hi * 31 + lo) * 31 + family.ordinal();
  }

  @Override
  public String toString() {
    return text;
  }

  private static long bits(byte[] b, int from) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[from + i] & 0xff);
    }
    return v;
  }

  private static long bits4(byte[] b) {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }
}
