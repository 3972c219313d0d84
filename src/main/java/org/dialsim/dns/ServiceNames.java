package org.dialsim.dns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.model.Address;
import org.dialsim.model.Delay;
import org.dialsim.model.Dns;
import org.dialsim.model.DnsName;
import org.dialsim.model.Family;
import org.dialsim.model.HttpsRecord;
import org.dialsim.model.Pathology;
import org.dialsim.model.RecordType;

/**
 * The names a call to one origin may need once HTTPS records are queried, compiled to numbers:
 * the origin (name 0) and every name its HTTPS records lead to (AliasMode and ServiceMode
 * targets), each with its A and AAAA records, its HTTPS records, latency and pathology per type.
 * Built once per plan; read by every call.
 */
public final class ServiceNames {
  /** Record type A: the same number as {@link NameServer#A}. */
  public static final int A = NameServer.A;
  /** Record type AAAA. */
  public static final int AAAA = NameServer.AAAA;
  /** Record type HTTPS. */
  public static final int HTTPS = 2;
  /** Record types per name. */
  public static final int TYPES = 3;
  /**
   * The longest chain of AliasMode records followed: RFC 9460 section 2.4.2 says a chain limit
   * MUST exist and MUST allow at least one alias, and leaves its value to the client; 4 is
   * dialsim's choice. A longer chain falls back to the origin's own addresses (section 3.1).
   */
  public static final int ALIAS_LIMIT = 4;

  /** ALPN bits of a record: QUIC's h3. */
  public static final int H3 = 1;
  /** ALPN bits: h2 over TLS over TCP. */
  public static final int H2 = 2;
  /** ALPN bits: http/1.1 over TLS over TCP. */
  public static final int HTTP11 = 4;

  private final String[] names;
  private final int[][] records; // [name * 2 + type], A and AAAA as written
  private final int[][] slotTypes; // per name: the family layout of its records as written
  private final Delay[] latency; // [name * 3 + type]
  private final Pathology[] pathology; // [name * 3 + type]
  private final long[] ttl;
  private final int[] recordStart; // per name, into the record arrays; recordStart[names] = total
  private final int[] priority;
  private final int[] target; // name number; "." is the owner's own number
  private final boolean[] ownerTarget; // the record's TargetName is "."
  private final int[] port; // index into ports
  private final int[] alpn; // H3 | H2 | HTTP11 of the record's SVCB ALPN set
  private final boolean[] ech;
  private final int[][] hints; // [record * 2 + type]
  private final String[] text; // as a zone file shows it
  private final int[] ports;
  private final int maxRecords;

  /**
   * The names reachable from {@code origin} through HTTPS records.
   *
   * @param dns the scenario's DNS
   * @param origin the name calls connect to
   * @param index every address's number (it must hold every record and hint of these names)
   */
  public ServiceNames(Dns dns, String origin, Map<Address, Integer> index) {
    List<DnsName> list = reachable(dns, origin);
    int n = list.size();
    names = new String[n];
    records = new int[n * 2][];
    slotTypes = new int[n][];
    latency = new Delay[n * TYPES];
    pathology = new Pathology[n * TYPES];
    ttl = new long[n];
    recordStart = new int[n + 1];
    Map<String, Integer> number = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      number.put(list.get(i).name(), i);
    }
    List<Integer> portList = new ArrayList<>(List.of(HttpsRecord.HTTPS_PORT));
    int total = 0;
    int most = 1;
    for (int i = 0; i < n; i++) {
      DnsName d = list.get(i);
      names[i] = d.name();
      List<Integer> a4 = new ArrayList<>();
      List<Integer> a6 = new ArrayList<>();
      slotTypes[i] = new int[d.records().size()];
      for (int s = 0; s < d.records().size(); s++) {
        Address a = d.records().get(s);
        boolean v4 = a.family() == Family.IPV4;
        (v4 ? a4 : a6).add(index.get(a));
        slotTypes[i][s] = v4 ? A : AAAA;
      }
      records[i * 2 + A] = a4.stream().mapToInt(Integer::intValue).toArray();
      records[i * 2 + AAAA] = a6.stream().mapToInt(Integer::intValue).toArray();
      most = Math.max(most, Math.max(a4.size(), a6.size()));
      for (RecordType t : RecordType.values()) {
        latency[i * TYPES + t.ordinal()] = dns.latency(d, t);
        pathology[i * TYPES + t.ordinal()] = dns.pathology(d, t);
      }
      ttl[i] = d.ttlNs();
      recordStart[i] = total;
      total += d.https().size();
      for (HttpsRecord r : d.https()) {
        if (!portList.contains(r.port())) {
          portList.add(r.port());
        }
      }
    }
    recordStart[n] = total;
    maxRecords = most;
    ports = portList.stream().mapToInt(Integer::intValue).toArray();
    priority = new int[total];
    target = new int[total];
    ownerTarget = new boolean[total];
    port = new int[total];
    alpn = new int[total];
    ech = new boolean[total];
    hints = new int[total * 2][];
    text = new String[total];
    int r = 0;
    for (int i = 0; i < n; i++) {
      for (HttpsRecord h : list.get(i).https()) {
        priority[r] = h.svcPriority();
        ownerTarget[r] = h.target().equals(HttpsRecord.OWNER);
        target[r] = ownerTarget[r] ? i : number.get(h.target());
        port[r] = portList.indexOf(h.port());
        alpn[r] = alpnBits(h.alpnSet());
        ech[r] = h.ech();
        hints[r * 2 + A] = h.ipv4hint().stream().mapToInt(index::get).toArray();
        hints[r * 2 + AAAA] = h.ipv6hint().stream().mapToInt(index::get).toArray();
        text[r] = h.text();
        r++;
      }
    }
  }

  /**
   * Every address the names reachable from {@code origin} hold, records and hints, in the order
   * written: the plan numbers them so paths and streams exist for each.
   */
  public static List<Address> addresses(Dns dns, String origin) {
    List<Address> out = new ArrayList<>();
    for (DnsName d : reachable(dns, origin)) {
      out.addAll(d.records());
      for (HttpsRecord h : d.https()) {
        out.addAll(h.ipv4hint());
        out.addAll(h.ipv6hint());
      }
    }
    return out;
  }

  /** The origin first, then each name an HTTPS record leads to, breadth first. */
  private static List<DnsName> reachable(Dns dns, String origin) {
    List<DnsName> out = new ArrayList<>();
    out.add(dns.names().get(origin));
    for (int i = 0; i < out.size(); i++) {
      for (HttpsRecord h : out.get(i).https()) {
        DnsName t = dns.names().get(h.target());
        if (t != null && !out.contains(t)) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static int alpnBits(List<String> ids) {
    int bits = 0;
    for (String id : ids) {
      bits |= switch (id) {
        case "h3" -> H3;
        case "h2" -> H2;
        case HttpsRecord.DEFAULT_ALPN -> HTTP11;
        default -> 0; // an alpn-id the modelled clients do not speak (RFC 9460 section 7.1.2: ignored)
      };
    }
    return bits;
  }

  /** Number of names; the origin is name 0. */
  public int count() {
    return names.length;
  }

  /** The FQDN of name {@code n}. */
  public String name(int n) {
    return names[n];
  }

  /** The A ({@link #A}) or AAAA ({@link #AAAA}) records of name {@code n}, as written. */
  public int[] records(int n, int type) {
    return records[n * 2 + type];
  }

  /** The family layout of name {@code n}'s records as written ({@link NameServer}'s slot types). */
  public int[] slotTypes(int n) {
    return slotTypes[n];
  }

  /** The most A or AAAA records any name holds. */
  public int maxRecords() {
    return maxRecords;
  }

  /** The answer latency of {@code type} for name {@code n}. */
  public Delay latency(int n, int type) {
    return latency[n * TYPES + type];
  }

  /** How queries of {@code type} for name {@code n} go. */
  public Pathology pathology(int n, int type) {
    return pathology[n * TYPES + type];
  }

  /** How long an answer for name {@code n} is cached. */
  public long ttlNs(int n) {
    return ttl[n];
  }

  /** The first of name {@code n}'s HTTPS records. */
  public int firstRecord(int n) {
    return recordStart[n];
  }

  /** One past the last of name {@code n}'s HTTPS records. */
  public int endRecord(int n) {
    return recordStart[n + 1];
  }

  /** True when name {@code n} has HTTPS records (its HTTPS query gets a positive answer). */
  public boolean hasRecords(int n) {
    return recordStart[n + 1] > recordStart[n];
  }

  /** Number of HTTPS records of every name. */
  public int recordCount() {
    return priority.length;
  }

  /** SvcPriority of record {@code r}; 0 is AliasMode. */
  public int priority(int r) {
    return priority[r];
  }

  /** The name record {@code r} leads to ("." resolved to its owner). */
  public int target(int r) {
    return target[r];
  }

  /** True when record {@code r}'s TargetName is "." (the owner itself). */
  public boolean ownerTarget(int r) {
    return ownerTarget[r];
  }

  /** The port index of record {@code r} ({@link #port(int)} gives the number). */
  public int portIndex(int r) {
    return port[r];
  }

  /** The port of port index {@code i}; index 0 is the authority's, 443. */
  public int port(int i) {
    return ports[i];
  }

  /** Number of distinct ports. */
  public int portCount() {
    return ports.length;
  }

  /** The ALPN bits ({@link #H3}, {@link #H2}, {@link #HTTP11}) of record {@code r}'s SVCB ALPN set. */
  public int alpn(int r) {
    return alpn[r];
  }

  /** True when record {@code r} carries ECH. */
  public boolean ech(int r) {
    return ech[r];
  }

  /** The IPv4 ({@link #A}) or IPv6 ({@link #AAAA}) hints of record {@code r}. */
  public int[] hints(int r, int type) {
    return hints[r * 2 + type];
  }

  /** Record {@code r} as a zone file shows it (owner name left out). */
  public String text(int r) {
    return text[r];
  }

  /** The cache slot of name {@code n}'s answers of {@code type}, in a cache laid out by {@link #slotCounts()}. */
  public static int slot(int n, int type) {
    return n * TYPES + type;
  }

  /** Room per cache slot: each name's A and AAAA records, and one word for an HTTPS answer's kind. */
  public int[] slotCounts() {
    int[] out = new int[names.length * TYPES];
    for (int n = 0; n < names.length; n++) {
      out[slot(n, A)] = records[n * 2 + A].length;
      out[slot(n, AAAA)] = records[n * 2 + AAAA].length;
      out[slot(n, HTTPS)] = 1;
    }
    return out;
  }
}
