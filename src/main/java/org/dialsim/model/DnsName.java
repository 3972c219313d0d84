package org.dialsim.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One name and its records, as DNS (or the hosts file) holds them.
 *
 * @param name the FQDN
 * @param records A and AAAA records, the family taken from each literal, in written order
 * @param ttlNs how long a client may cache an answer (HTTPS answers too)
 * @param source DNS server or hosts file
 * @param https its HTTPS RRset (RFC 9460), empty for none: an HTTPS query then gets NODATA
 * @param latency this name's own answer latency per type; a type absent takes {@code dns.latency}
 * @param answers this name's own pathology per type; a type absent takes {@code dns.aaaa} and
 *     {@code dns.https} (A: answered normally)
 */
public record DnsName(String name, List<Address> records, long ttlNs, NameSource source, List<HttpsRecord> https,
    Map<RecordType, Delay> latency, Map<RecordType, Pathology> answers) {
  /** A name with A/AAAA records only, answered as {@code dns:} says. */
  public DnsName(String name, List<Address> records, long ttlNs, NameSource source) {
    this(name, records, ttlNs, source, List.of(), Map.of(), Map.of());
  }

  /** Copies the collections. */
  public DnsName {
    records = List.copyOf(records);
    https = List.copyOf(https);
    latency = latency.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(latency));
    answers = answers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(answers));
  }
}
