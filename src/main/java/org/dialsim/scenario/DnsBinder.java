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
import org.dialsim.model.NameSource;
import org.dialsim.scenario.Node.Mapping;

/** Binds {@code dns:}: the names and their records, answer order, latency and AAAA pathologies. */
final class DnsBinder {
  private static final Map<String, AnswerOrder> ANSWER_ORDERS = Convert.spellings(AnswerOrder.class);
  private static final Map<String, AaaaBehaviour> AAAA = Convert.spellings(AaaaBehaviour.class);
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
    AaaaBehaviour pathology = dns.required("aaaa").choice(AAAA);
    Long timeout = dns.required("resolver_timeout").duration(Span.POSITIVE);
    if (names == null || order == null || a == null || aaaa == null || pathology == null || timeout == null) {
      return null;
    }
    return new Dns(names, order, a, aaaa, pathology, timeout);
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
      if (ttl != null && source != null) {
        out.put(e.key(), new DnsName(e.key(), records, ttl, source));
      }
    }
    return out;
  }
}
