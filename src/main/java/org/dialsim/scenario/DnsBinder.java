package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dialsim.model.AaaaBehaviour;
import org.dialsim.model.Address;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Delay;
import org.dialsim.model.Dns;
import org.dialsim.model.DnsName;
import org.dialsim.model.Family;
import org.dialsim.model.HttpsRecord;
import org.dialsim.model.NameSource;
import org.dialsim.model.Pathology;
import org.dialsim.model.RecordType;
import org.dialsim.scenario.Node.Mapping;

/**
 * Binds {@code dns:}: the names with their records and HTTPS records, answer order, latency and
 * pathologies per type.
 */
final class DnsBinder {
  private static final Map<String, AnswerOrder> ANSWER_ORDERS = Convert.spellings(AnswerOrder.class);
  private static final Map<String, AaaaBehaviour> AAAA = Convert.spellings(AaaaBehaviour.class);
  private static final Map<String, Pathology> PATHOLOGIES = Convert.spellings(Pathology.class);
  private static final List<String> TYPES = java.util.Arrays.stream(RecordType.values()).map(RecordType::key).toList();
  private static final String ONE_RECORD = "{ svc_priority: 1, target: \".\", alpn: [h3, h2] }";
  private static final Map<String, NameSource> SOURCES = Convert.spellings(NameSource.class);
  private static final Pattern FQDN = Pattern.compile(
      "(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");
  private static final String ONE_NAME = "{ pool.example.com: { records: [192.0.2.1] } }";

  private DnsBinder() {}

  /** The DNS, or null after a problem. */
  static Dns bind(Section dns) {
    if (dns == null) {
      return null;
    }
    Map<String, DnsName> names = names(dns.required("names", ONE_NAME));
    AnswerOrder order = dns.required("answer_order").choice(ANSWER_ORDERS);
    Section latency = dns.section("latency");
    Delay a = latency == null ? null : latency.required("A").delay();
    Delay aaaa = latency == null ? null : latency.required("AAAA").delay();
    Delay https = latency == null ? null : latency.required("HTTPS").delay();
    AaaaBehaviour pathology = dns.required("aaaa").choice(AAAA);
    Pathology httpsPathology = dns.required("https").choice(PATHOLOGIES);
    Long timeout = dns.required("resolver_timeout").duration(Span.POSITIVE);
    if (names == null || order == null || a == null || aaaa == null || https == null || pathology == null
        || httpsPathology == null || timeout == null) {
      return null;
    }
    return new Dns(names, order, a, aaaa, pathology, timeout, https, httpsPathology);
  }

  /** The names as written in {@code dns.names}, for references and suggestions (empty when unusable). */
  static List<String> writtenNames(Mapping root) {
    return root.get("dns") instanceof Mapping d && d.get("names") instanceof Mapping n ? n.keys() : List.of();
  }

  private static Map<String, DnsName> names(Key key) {
    List<Node.Entry> entries = key.entries("a map of names such as " + ONE_NAME,
        "define at least one name, e.g. pool.example.com: { records: [192.0.2.1] }");
    if (entries == null) {
      return null;
    }
    Map<String, DnsName> out = new LinkedHashMap<>();
    List<String> written = entries.stream().map(Node.Entry::key).toList();
    for (Node.Entry e : entries) {
      Key entry = key.child(e.value(), KeyPath.child(key.path(), e.key()));
      if (!FQDN.matcher(e.key()).matches()) {
        entry.problem(e.keyPos(), Messages.quote(e.key())
            + " is not a DNS name; use letters, digits, '-' and dots, e.g. pool.example.com");
      }
      Section f = Section.of(entry, Defaults.name(), "{ records: [192.0.2.1], ttl: 5m }");
      if (f == null) {
        continue;
      }
      Key recordsKey = f.required("records", "[192.0.2.1, 2001:db8::1]");
      List<Key> items = recordsKey.nonEmptyItems("[192.0.2.1, 2001:db8::1]", "a name needs at least one record");
      List<Address> records = new ArrayList<>();
      Set<Address> seen = new LinkedHashSet<>();
      for (Key item : items == null ? List.<Key>of() : items) {
        Address a = item.address();
        if (a != null && !seen.add(a)) {
          item.problem(Messages.quote(a.text()) + " is listed twice; DNS holds each record once");
        } else if (a != null) {
          records.add(a);
        }
      }
      Long ttl = f.required("ttl").duration(Span.AT_LEAST_ZERO_OR_NONE);
      NameSource source = f.required("source").choice(SOURCES);
      List<HttpsRecord> https = httpsRecords(f.required("https"), e.key(), written);
      Map<RecordType, Delay> latency = perType(f.required("latency"), "{ AAAA: 100ms }", Key::delay);
      Map<RecordType, Pathology> answers = perType(f.required("answers"), "{ HTTPS: timeout }", k -> k.choice(PATHOLOGIES));
      if (ttl != null && source != null && https != null && latency != null && answers != null) {
        out.put(e.key(), new DnsName(e.key(), records, ttl, source, https, latency, answers));
      }
    }
    return out;
  }

  /** {@code { A: ..., AAAA: ..., HTTPS: ... }}: a value per record type, each read by {@code read}. */
  private static <V> Map<RecordType, V> perType(Key key, String example, java.util.function.Function<Key, V> read) {
    Section f = Section.of(key, TYPES, example);
    if (f == null) {
      return key.present() ? null : Map.of();
    }
    Map<RecordType, V> out = new java.util.EnumMap<>(RecordType.class);
    boolean ok = true;
    for (RecordType t : RecordType.values()) {
      Key k = f.get(t.key());
      if (k.present()) {
        V v = read.apply(k);
        ok &= v != null;
        if (v != null) {
          out.put(t, v);
        }
      }
    }
    return ok ? out : null;
  }

  /** A name's HTTPS RRset (RFC 9460); targets must be "." or names of {@code written}. */
  private static List<HttpsRecord> httpsRecords(Key key, String owner, List<String> written) {
    List<Key> items = key.items("[" + ONE_RECORD + "]");
    if (items == null) {
      return null;
    }
    List<HttpsRecord> out = new ArrayList<>();
    boolean ok = true;
    Key alias = null;
    for (Key item : items) {
      HttpsRecord r = httpsRecord(item, owner, written);
      ok &= r != null;
      if (r == null) {
        continue;
      }
      if (r.alias()) {
        if (alias != null) {
          item.problem("a second AliasMode record (svc_priority 0); an RRset holds one (RFC 9460 section 2.4.2)");
          ok = false;
        }
        alias = item;
      }
      out.add(r);
    }
    return ok ? out : null;
  }

  private static HttpsRecord httpsRecord(Key key, String owner, List<String> written) {
    Section f = Section.of(key, Defaults.httpsRecord(), ONE_RECORD);
    if (f == null) {
      return null;
    }
    Long priority = f.required("svc_priority", "1").whole(0, 65535);
    Key targetKey = f.required("target");
    String target = targetKey.text();
    Key alpnKey = f.required("alpn");
    List<String> alpn = alpnIds(alpnKey);
    Key noDefaultKey = f.required("no_default_alpn");
    Boolean noDefault = noDefaultKey.bool();
    Key portKey = f.required("port");
    Long port = portKey.whole(1, 65535);
    Key v4Key = f.required("ipv4hint");
    List<Address> v4 = hints(v4Key, Family.IPV4);
    Key v6Key = f.required("ipv6hint");
    List<Address> v6 = hints(v6Key, Family.IPV6);
    Key echKey = f.required("ech");
    Boolean ech = echKey.bool();
    if (priority == null || target == null || alpn == null || noDefault == null || port == null || v4 == null
        || v6 == null || ech == null) {
      return null;
    }
    boolean ok = true;
    if (!target.equals(HttpsRecord.OWNER) && !written.contains(target)) {
      targetKey.problem(Messages.quote(target) + " is not a name in dns.names; add it there with its records, or write "
          + "target: \".\" for " + owner + " itself");
      ok = false;
    }
    if (priority == 0) {
      // RFC 9460 section 2.4.2: "the SvcParams MUST be ignored" in AliasMode: written ones are a mistake
      for (Key k : List.of(alpnKey, noDefaultKey, portKey, v4Key, v6Key, echKey)) {
        if (k.byUser()) {
          k.problem("an AliasMode record (svc_priority 0) carries no SvcParams (RFC 9460 section 2.4.2); remove "
              + "it, or give the record svc_priority 1");
          ok = false;
        }
      }
      if (target.equals(owner)) {
        targetKey.problem("an AliasMode record of " + owner + " points at " + owner + " itself, a loop; point it at "
            + "another name of dns.names");
        ok = false;
      }
    } else if (noDefault && alpn.isEmpty()) {
      noDefaultKey.problem("no_default_alpn without alpn is not self-consistent (RFC 9460 section 7.1.1); add alpn, "
          + "e.g. alpn: [h2]");
      ok = false;
    }
    return ok ? new HttpsRecord(priority.intValue(), target, alpn, noDefault, port.intValue(), v4, v6, ech) : null;
  }

  private static List<String> alpnIds(Key key) {
    List<Key> items = key.items("[h3, h2]");
    if (items == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Key item : items) {
      String id = item.text();
      if (id == null) {
        return null;
      }
      if (out.contains(id)) {
        item.problem(Messages.quote(id) + " is listed twice; list each alpn-id once");
        return null;
      }
      out.add(id);
    }
    return out;
  }

  private static List<Address> hints(Key key, Family family) {
    List<Key> items = key.items(family == Family.IPV4 ? "[192.0.2.1]" : "[2001:db8::1]");
    if (items == null) {
      return null;
    }
    List<Address> out = new ArrayList<>();
    boolean ok = true;
    for (Key item : items) {
      Address a = item.address();
      if (a == null) {
        ok = false;
      } else if (a.family() != family) {
        String other = family == Family.IPV4 ? "ipv6hint" : "ipv4hint";
        item.problem(Messages.quote(a.text()) + " is an " + (family == Family.IPV4 ? "IPv6" : "IPv4") + " address; "
            + (family == Family.IPV4 ? "ipv4hint" : "ipv6hint") + " holds " + (family == Family.IPV4 ? "IPv4" : "IPv6")
            + " addresses: move it to " + other);
        ok = false;
      } else if (out.contains(a)) {
        item.problem(Messages.quote(a.text()) + " is listed twice; list each hint once");
        ok = false;
      } else {
        out.add(a);
      }
    }
    return ok ? out : null;
  }
}
