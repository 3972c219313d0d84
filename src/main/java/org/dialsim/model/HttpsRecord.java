package org.dialsim.model;

import java.util.List;

/**
 * One HTTPS resource record of a name (RFC 9460 section 9): an SVCB record for the https scheme.
 *
 * @param svcPriority 0 for AliasMode (only {@code target} counts), 1 and up for ServiceMode,
 *     lower preferred (section 2.4.1)
 * @param target the TargetName: {@link #OWNER} for the owner name itself (section 2.5), else
 *     another name of {@code dns.names}
 * @param alpn the alpn-ids as written (section 7.1)
 * @param noDefaultAlpn true when the default "http/1.1" is not offered (section 7.1.1)
 * @param port the service's port (section 7.2)
 * @param ipv4hint IPv4 hints (section 7.3)
 * @param ipv6hint IPv6 hints
 * @param ech true when the record carries an ECHConfigList (RFC 9848)
 */
public record HttpsRecord(int svcPriority, String target, List<String> alpn, boolean noDefaultAlpn, int port,
    List<Address> ipv4hint, List<Address> ipv6hint, boolean ech) {
  /** The TargetName that means the owner name (RFC 9460 section 2.5). */
  public static final String OWNER = ".";
  /** The authority port of an https URL without a port. */
  public static final int HTTPS_PORT = 443;
  /** The default ALPN of the https scheme, offered unless no-default-alpn (RFC 9460 section 9). */
  public static final String DEFAULT_ALPN = "http/1.1";

  /** Copies the lists. */
  public HttpsRecord {
    alpn = List.copyOf(alpn);
    ipv4hint = List.copyOf(ipv4hint);
    ipv6hint = List.copyOf(ipv6hint);
  }

  /** True for an AliasMode record. */
  public boolean alias() {
    return svcPriority == 0;
  }

  /** The SVCB ALPN set (RFC 9460 section 7.1.1): alpn, then the default unless no_default_alpn. */
  public List<String> alpnSet() {
    if (noDefaultAlpn || alpn.contains(DEFAULT_ALPN)) {
      return alpn;
    }
    java.util.List<String> out = new java.util.ArrayList<>(alpn);
    out.add(DEFAULT_ALPN);
    return List.copyOf(out);
  }

  /** The record as a zone file shows it: {@code 1 . alpn=h3,h2 ipv6hint=2001:db8::1 ech}. */
  public String text() {
    StringBuilder sb = new StringBuilder().append(svcPriority).append(' ').append(target);
    if (!alpn.isEmpty()) {
      sb.append(" alpn=").append(String.join(",", alpn));
    }
    if (noDefaultAlpn) {
      sb.append(" no-default-alpn");
    }
    if (port != HTTPS_PORT) {
      sb.append(" port=").append(port);
    }
    if (!ipv4hint.isEmpty()) {
      sb.append(" ipv4hint=").append(String.join(",", ipv4hint.stream().map(Address::text).toList()));
    }
    if (!ipv6hint.isEmpty()) {
      sb.append(" ipv6hint=").append(String.join(",", ipv6hint.stream().map(Address::text).toList()));
    }
    if (ech) {
      sb.append(" ech");
    }
    return sb.toString();
  }
}
