package org.dialsim.model;

import java.util.List;

/**
 * One name and its records, as DNS (or the hosts file) holds them.
 *
 * @param name the FQDN
 * @param records A and AAAA records, the family taken from each literal, in written order
 * @param ttlNs how long a client may cache the answer
 * @param source DNS server or hosts file
 */
public record DnsName(String name, List<Address> records, long ttlNs, NameSource source) {
  /** Copies the list. */
  public DnsName {
    records = List.copyOf(records);
  }
}
