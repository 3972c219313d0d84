package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialsim.engine.Time;
import org.dialsim.model.AaaaBehaviour;
import org.dialsim.model.Address;
import org.dialsim.model.AnswerOrder;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Delay;
import org.dialsim.model.Dns;
import org.dialsim.model.DnsName;
import org.dialsim.model.Failure;
import org.dialsim.model.Family;
import org.dialsim.model.Host;
import org.dialsim.model.Match;
import org.dialsim.model.NameSource;
import org.dialsim.model.Network;
import org.dialsim.model.PathRule;
import org.dialsim.model.Prefix;
import org.dialsim.model.Topology;
import org.dialsim.model.Window;
import org.dialsim.model.Workload;
import org.dialsim.scenario.Node.Mapping;
import org.dialsim.scenario.Node.Scalar;
import org.dialsim.stack.Configuration;
import org.dialsim.stack.StackConfig;

/**
 * Binds a merged scenario tree (every default filled in) to a {@link Scenario}, checking each
 * value and every cross-reference: address literals, shared addresses, host names in paths and
 * faults, the call target, configuration names, limits. Records every problem it finds and
 * returns null when there was one.
 */
final class Binder {
  /** The top-level keys (binding names). */
  static final List<String> ROOT_KEYS = List.of(
      "name", "title", "description", "seed", "replications", "hosts", "network", "dns", "clients",
      "calls", "configurations", "sweep", "expect");

  /**
   * SPEC 3 metric names an expectation may check (binding names), besides
   * {@code failure_rate_by_call[K]} for call K from 1.
   */
  static final List<String> METRICS = List.of(
      "first_call_failure_rate", "call_failure_rate", "establish_s_mean", "establish_s_p50",
      "establish_s_p90", "establish_s_p99", "establish_s_max", "attempts_mean", "fallback_share",
      "wasted_s_mean", "calls", "failed_calls");

  /** What suggestions offer: the names, and the per-call form with an example K. */
  private static final List<String> METRIC_HINTS = concat(METRICS, "failure_rate_by_call[1]");

  static final int MAX_REPLICATIONS = 1_000_000;
  static final int MAX_CLIENTS = 100_000;
  static final int MAX_CALLS_PER_CLIENT = 10_000;

  private static final List<String> HOST_KEYS = List.of("addresses", "listens_on", "down", "failure");
  private static final List<String> WINDOW_KEYS = List.of("from", "to");
  private static final List<String> FAILURE_KEYS = List.of("mtbf", "mttr");
  private static final List<String> NETWORK_KEYS = List.of("rtt", "paths", "faults");
  private static final List<String> PATH_KEYS = List.of("to", "behaviour", "loss", "rtt");
  private static final List<String> FAULT_KEYS = List.of("host", "down");
  private static final List<String> DNS_KEYS = List.of("names", "answer_order", "latency", "aaaa", "resolver_timeout");
  private static final List<String> NAME_KEYS = List.of("records", "ttl", "source");
  private static final List<String> LATENCY_KEYS = List.of("A", "AAAA");
  private static final List<String> CLIENT_KEYS = List.of("count", "source_addresses");
  private static final List<String> CALL_KEYS = List.of("target", "per_client", "start", "interval");
  private static final List<String> START_KEYS = List.of("uniform");
  private static final List<String> INTERVAL_KEYS = List.of("fixed", "exponential_mean");
  private static final List<String> CONFIGURATION_KEYS = List.of("name", "stack");
  private static final List<String> EXPECT_KEYS = List.of("configuration", "metric", "max", "min", "mode", "at");

  private static final Map<String, Behaviour> BEHAVIOURS = Convert.spellings(Behaviour.class);
  private static final Map<String, AnswerOrder> ANSWER_ORDERS = Convert.spellings(AnswerOrder.class);
  private static final Map<String, AaaaBehaviour> AAAA = Convert.spellings(AaaaBehaviour.class);
  private static final Map<String, NameSource> SOURCES = Convert.spellings(NameSource.class);
  /** Ordered: messages list the choices, and must read the same on every run. */
  private static final Map<String, Boolean> MODES = modes();

  /** A scenario name becomes a folder name: nothing that could leave reports/ or hide a file. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern FQDN = Pattern.compile(
      "(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");
  /** Text made only of what address literals are made of: meant as an address, not a host name. */
  private static final Pattern ADDRESS_LIKE = Pattern.compile("[0-9.]+|.*:.*");
  private static final Pattern BY_CALL = Pattern.compile("failure_rate_by_call\\[(\\d{1,6})]");

  private final Problems p;

  /** A binder recording into {@code problems}. */
  Binder(Problems problems) {
    this.p = problems;
  }

  /** One host while binding: faults add windows after the host itself is read. */
  private record HostDraft(String name, List<Address> addresses, Set<Family> listensOn, List<Window> down,
      Failure failure) {}

  /** Binds a merged tree; null after recording problems. */
  Scenario scenario(Mapping root, Map<String, String> point) {
    int before = p.size();
    Fields f = Fields.of(root, "", p, ROOT_KEYS, "name: my-scenario");
    String name = name(f.required("name", "my-scenario"));
    Node titleNode = f.value("title");
    String title = titleNode == null ? name : Convert.text(titleNode, "title", p);
    Node descriptionNode = f.value("description");
    String description = descriptionNode == null ? "" : Convert.text(descriptionNode, "description", p);
    Long seed = Convert.whole(f.required("seed", "1"), "seed", p, Long.MIN_VALUE, Long.MAX_VALUE);
    Long replications = Convert.whole(f.required("replications", "100"), "replications", p, 1, MAX_REPLICATIONS);
    Map<String, HostDraft> hosts = hosts(f.required("hosts", "{ fe1: { addresses: [192.0.2.1] } }"));
    Network network = network(f.required("network", "{ rtt: 20ms }"), hosts);
    Node dnsNode = f.required("dns", "{ names: { pool.example.com: { records: [192.0.2.1] } } }");
    Dns dns = dns(dnsNode);
    // names in written order for messages: Dns keeps them in an unordered map
    List<String> names = dnsNode instanceof Mapping d && d.get("names") instanceof Mapping n ? n.keys() : List.of();
    Workload workload = workload(f.required("clients", "{ count: 1 }"), f.required("calls", "{ target: pool.example.com }"),
        dns, names);
    List<Configuration> configurations = configurations(f.required("configurations", "[{ name: UCMA, stack: ucma-4 }]"));
    if (p.size() > before) {
      return null;
    }
    List<Host> hostList = new ArrayList<>();
    for (HostDraft h : hosts.values()) {
      hostList.add(new Host(h.name(), h.addresses(), h.listensOn(), h.down(), h.failure()));
    }
    Topology topology = new Topology(hostList, network, dns, workload);
    return new Scenario(name, title, Objects.requireNonNull(description), seed, replications.intValue(), topology,
        configurations, point);
  }

  private String name(Node n) {
    String name = Convert.text(n, "name", p);
    if (name != null && !NAME.matcher(name).matches()) {
      p.add(n, "name", Messages.quote(name) + " cannot name a report folder; use letters, digits, '.', '_' and '-' (up to 100), e.g. ucma-first-call");
      return null;
    }
    return name;
  }

  // ---- hosts ----

  private Map<String, HostDraft> hosts(Node n) {
    if (n == null) {
      return null;
    }
    if (!(n instanceof Mapping m)) {
      p.add(n, "hosts", Convert.expected("a map of host names such as { fe1: { addresses: [192.0.2.1] } }", n));
      return null;
    }
    if (m.entries().isEmpty()) {
      p.add(n, "hosts", "empty; define at least one host, e.g. fe1: { addresses: [192.0.2.1] }");
      return null;
    }
    Map<String, HostDraft> hosts = new LinkedHashMap<>();
    Map<Address, String> owner = new HashMap<>();
    Map<Address, Integer> ownerLine = new HashMap<>();
    for (Node.Entry e : m.entries()) {
      String path = KeyPath.child("hosts", e.key());
      hostName(e, path);
      Fields f = Fields.of(e.value(), path, p, HOST_KEYS, "{ addresses: [192.0.2.1] }");
      if (f == null) {
        continue;
      }
      List<Address> addresses = new ArrayList<>();
      Node addrNode = f.required("addresses", "[192.0.2.1, 2001:db8::1]");
      List<Node> items = Convert.list(addrNode, f.path("addresses"), p, "[192.0.2.1, 2001:db8::1]");
      if (items != null && items.isEmpty()) {
        p.add(addrNode, f.path("addresses"), "empty; a host owns at least one address");
      }
      for (int i = 0; items != null && i < items.size(); i++) {
        String ap = KeyPath.index(f.path("addresses"), i);
        Address a = Convert.address(items.get(i), ap, p);
        if (a == null) {
          continue;
        }
        String previous = owner.putIfAbsent(a, e.key());
        if (previous == null) {
          ownerLine.put(a, items.get(i).pos().line());
          addresses.add(a);
        } else if (previous.equals(e.key())) {
          p.add(items.get(i), ap, Messages.quote(a.text()) + " is listed twice for this host; list it once");
        } else {
          p.add(items.get(i), ap, Messages.quote(a.text()) + " already belongs to host " + Messages.quote(previous) + " (line "
              + ownerLine.get(a) + "); an address belongs to one host, so list it under one only");
        }
      }
      Set<Family> listens = families(f.required("listens_on", "[ipv4, ipv6]"), f.path("listens_on"));
      List<Window> down = windows(f.required("down", "[]"), f.path("down"));
      Failure failure = failure(f.required("failure", "none"), f.path("failure"));
      if (listens != null && down != null) {
        hosts.put(e.key(), new HostDraft(e.key(), addresses, listens, new ArrayList<>(down), failure));
      }
    }
    return hosts;
  }

  /** Host names share {@code to:} with families, prefixes and addresses; keep them apart. */
  private void hostName(Node.Entry e, String path) {
    String k = e.key();
    if (Stacks.FAMILIES.containsKey(k)) {
      p.add(e.keyPos(), path, "the host name " + Messages.quote(k) + " is reserved for an address family; rename the host");
    } else if (k.contains("/") || ADDRESS_LIKE.matcher(k).matches() || k.isBlank()) {
      p.add(e.keyPos(), path, "the host name " + Messages.quote(k)
          + " looks like an address or prefix; name hosts with words such as fe1");
    }
  }

  private Set<Family> families(Node n, String path) {
    List<Node> items = Convert.list(n, path, p, "[ipv4, ipv6]");
    if (items == null) {
      return null;
    }
    Set<Family> out = EnumSet.noneOf(Family.class);
    for (int i = 0; i < items.size(); i++) {
      Family fam = Convert.choice(items.get(i), KeyPath.index(path, i), p, Stacks.FAMILIES);
      if (fam != null && !out.add(fam)) {
        p.add(items.get(i), KeyPath.index(path, i), Messages.quote(fam.key()) + " is listed twice; list each family once");
      }
    }
    return out;
  }

  /** {@code always}, one {@code { from, to }} window, or a list of them. */
  private List<Window> windows(Node n, String path) {
    if (n == null) {
      return null;
    }
    if (n instanceof Scalar s) {
      if ("always".equals(s.text())) {
        return List.of(new Window(0, Time.NEVER));
      }
      p.add(n, path, "unknown value " + Messages.quote(s.text()) + "; write always, { from: 0s, to: 5m } or a list of such windows");
      return null;
    }
    if (n instanceof Mapping) {
      Window w = window(n, path);
      return w == null ? null : List.of(w);
    }
    List<Window> out = new ArrayList<>();
    List<Node> items = ((Node.Sequence) n).items();
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      Window w = window(items.get(i), KeyPath.index(path, i));
      ok &= w != null;
      out.add(w);
    }
    return ok ? out : null;
  }

  private Window window(Node n, String path) {
    Fields f = Fields.of(n, path, p, WINDOW_KEYS, "{ from: 0s, to: 5m }");
    if (f == null) {
      return null;
    }
    Node fromNode = f.value("from");
    Node toNode = f.value("to");
    Long from = fromNode == null ? Long.valueOf(0) : Convert.duration(fromNode, f.path("from"), p, false, false);
    // "to" left out, or none: down until the end of the run
    Long to = toNode == null ? Long.valueOf(Time.NEVER) : Convert.duration(toNode, f.path("to"), p, true, false);
    if (from == null || to == null) {
      return null;
    }
    if (from >= to) {
      p.add(toNode, f.path("to"), Messages.quote(((Scalar) toNode).text()) + " is not after from "
          + Messages.quote(fromNode == null ? "0s" : ((Scalar) fromNode).text()) + "; a window needs from < to");
      return null;
    }
    return new Window(from, to);
  }

  private Failure failure(Node n, String path) {
    if (n == null || Convert.isNone(n)) {
      return null;
    }
    Fields f = Fields.of(n, path, p, FAILURE_KEYS, "{ mtbf: 2h, mttr: 10m }");
    if (f == null) {
      return null;
    }
    Long mtbf = Convert.duration(f.required("mtbf", "2h"), f.path("mtbf"), p, false, true);
    Long mttr = Convert.duration(f.required("mttr", "10m"), f.path("mttr"), p, false, true);
    return mtbf == null || mttr == null ? null : new Failure(mtbf, mttr);
  }

  // ---- network ----

  private Network network(Node n, Map<String, HostDraft> hosts) {
    Fields f = n == null ? null : Fields.of(n, "network", p, NETWORK_KEYS, "{ rtt: 20ms, paths: [] }");
    if (f == null) {
      return null;
    }
    Delay rtt = Convert.delay(f.required("rtt", "20ms"), f.path("rtt"), p);
    List<PathRule> rules = new ArrayList<>();
    List<Node> paths = Convert.list(f.required("paths", "[]"), f.path("paths"), p, "[{ to: ipv6, behaviour: blackhole }]");
    for (int i = 0; paths != null && i < paths.size(); i++) {
      PathRule r = pathRule(paths.get(i), KeyPath.index(f.path("paths"), i), hosts);
      if (r != null) {
        rules.add(r);
      }
    }
    List<Node> faults = Convert.list(f.required("faults", "[]"), f.path("faults"), p, "[{ host: fe1, down: { from: 0s, to: 5m } }]");
    for (int i = 0; faults != null && i < faults.size(); i++) {
      fault(faults.get(i), KeyPath.index(f.path("faults"), i), hosts);
    }
    return rtt == null ? null : new Network(rtt, rules);
  }

  private PathRule pathRule(Node n, String path, Map<String, HostDraft> hosts) {
    Fields f = Fields.of(n, path, p, PATH_KEYS, "{ to: ipv6, behaviour: blackhole }");
    if (f == null) {
      return null;
    }
    Match match = match(f.required("to", "ipv6"), f.path("to"), hosts);
    Behaviour behaviour = Convert.choice(f.required("behaviour", "deliver"), f.path("behaviour"), p, BEHAVIOURS);
    Double loss = Convert.probability(f.required("loss", "0.01"), f.path("loss"), p);
    Node rttNode = f.value("rtt");
    Delay rtt = rttNode == null ? null : Convert.delay(rttNode, f.path("rtt"), p);
    if (match == null || behaviour == null || loss == null || (rttNode != null && rtt == null)) {
      return null;
    }
    return new PathRule(match, behaviour, loss, rtt);
  }

  /** {@code to:} a family, a prefix, an address or a host name, tried in that order. */
  private Match match(Node n, String path, Map<String, HostDraft> hosts) {
    String to = Convert.text(n, path, p);
    if (to == null) {
      return null;
    }
    Family fam = Stacks.FAMILIES.get(to);
    if (fam != null) {
      return new Match.ToFamily(fam);
    }
    if (to.contains("/")) {
      Prefix prefix = Prefix.parse(to).orElse(null);
      if (prefix == null) {
        p.add(n, path, Messages.quote(to) + " is not a valid prefix; write e.g. 192.0.2.0/24 or 2001:db8::/32");
      }
      return prefix == null ? null : new Match.ToPrefix(prefix);
    }
    Address a = Address.parse(to).orElse(null);
    if (a != null) {
      return new Match.ToAddress(a);
    }
    if (ADDRESS_LIKE.matcher(to).matches()) {
      p.add(n, path, Messages.quote(to) + " is not a valid IP address; write e.g. 192.0.2.1 or 2001:db8::1");
      return null;
    }
    if (hosts != null && !hosts.containsKey(to)) {
      p.add(n, path, "unknown host " + Messages.quote(to) + "; " + hostHint(to, hosts)
          + " (to: also takes ipv4, ipv6, a prefix or an address)");
      return null;
    }
    return new Match.ToHost(to);
  }

  private String hostHint(String wrong, Map<String, HostDraft> hosts) {
    return Suggest.nearest(wrong, hosts.keySet()).map(h -> "did you mean " + Messages.quote(h) + "?")
        .orElse("hosts are " + Messages.list(hosts.keySet()));
  }

  private void fault(Node n, String path, Map<String, HostDraft> hosts) {
    Fields f = Fields.of(n, path, p, FAULT_KEYS, "{ host: fe1, down: { from: 0s, to: 5m } }");
    if (f == null) {
      return;
    }
    Node hostNode = f.required("host", "fe1");
    String host = hostNode == null ? null : Convert.text(hostNode, f.path("host"), p);
    List<Window> down = windows(f.required("down", "{ from: 0s, to: 5m }"), f.path("down"));
    if (host == null || hosts == null) {
      return;
    }
    HostDraft h = hosts.get(host);
    if (h == null) {
      p.add(hostNode, f.path("host"), "unknown host " + Messages.quote(host) + "; " + hostHint(host, hosts));
    } else if (down != null) {
      h.down().addAll(down);
    }
  }

  // ---- dns ----

  private Dns dns(Node n) {
    Fields f = n == null ? null : Fields.of(n, "dns", p, DNS_KEYS, "{ names: { pool.example.com: { records: [192.0.2.1] } } }");
    if (f == null) {
      return null;
    }
    Map<String, DnsName> names = names(f.required("names", "{ pool.example.com: { records: [192.0.2.1] } }"), f.path("names"));
    AnswerOrder order = Convert.choice(f.required("answer_order", "fixed"), f.path("answer_order"), p, ANSWER_ORDERS);
    Fields lat = Fields.of(f.required("latency", "{ A: 5ms, AAAA: 5ms }"), f.path("latency"), p, LATENCY_KEYS, "{ A: 5ms, AAAA: 5ms }");
    Delay a = lat == null ? null : Convert.delay(lat.required("A", "5ms"), lat.path("A"), p);
    Delay aaaa = lat == null ? null : Convert.delay(lat.required("AAAA", "5ms"), lat.path("AAAA"), p);
    AaaaBehaviour pathology = Convert.choice(f.required("aaaa", "normal"), f.path("aaaa"), p, AAAA);
    Long timeout = Convert.duration(f.required("resolver_timeout", "5s"), f.path("resolver_timeout"), p, false, true);
    if (names == null || order == null || a == null || aaaa == null || pathology == null || timeout == null) {
      return null;
    }
    return new Dns(names, order, a, aaaa, pathology, timeout);
  }

  private Map<String, DnsName> names(Node n, String path) {
    if (n == null) {
      return null;
    }
    if (!(n instanceof Mapping m)) {
      p.add(n, path, Convert.expected("a map of names such as { pool.example.com: { records: [192.0.2.1] } }", n));
      return null;
    }
    if (m.entries().isEmpty()) {
      p.add(n, path, "empty; define at least one name, e.g. pool.example.com: { records: [192.0.2.1] }");
      return null;
    }
    Map<String, DnsName> out = new LinkedHashMap<>();
    for (Node.Entry e : m.entries()) {
      String np = KeyPath.child(path, e.key());
      if (!FQDN.matcher(e.key()).matches()) {
        p.add(e.keyPos(), np, Messages.quote(e.key()) + " is not a DNS name; use letters, digits, '-' and dots, e.g. pool.example.com");
      }
      Fields f = Fields.of(e.value(), np, p, NAME_KEYS, "{ records: [192.0.2.1], ttl: 5m }");
      if (f == null) {
        continue;
      }
      Node recNode = f.required("records", "[192.0.2.1, 2001:db8::1]");
      List<Node> items = Convert.list(recNode, f.path("records"), p, "[192.0.2.1, 2001:db8::1]");
      List<Address> records = new ArrayList<>();
      Set<Address> seen = new LinkedHashSet<>();
      if (items != null && items.isEmpty()) {
        p.add(recNode, f.path("records"), "empty; a name needs at least one record");
      }
      for (int i = 0; items != null && i < items.size(); i++) {
        String rp = KeyPath.index(f.path("records"), i);
        Address a = Convert.address(items.get(i), rp, p);
        if (a != null && !seen.add(a)) {
          p.add(items.get(i), rp, Messages.quote(a.text()) + " is listed twice; DNS holds each record once");
        } else if (a != null) {
          records.add(a);
        }
      }
      Long ttl = Convert.duration(f.required("ttl", "5m"), f.path("ttl"), p, true, false);
      NameSource source = Convert.choice(f.required("source", "dns"), f.path("source"), p, SOURCES);
      if (ttl != null && source != null) {
        out.put(e.key(), new DnsName(e.key(), records, ttl, source));
      }
    }
    return out;
  }

  // ---- workload ----

  private Workload workload(Node clientsNode, Node callsNode, Dns dns, List<String> names) {
    Fields c = clientsNode == null ? null : Fields.of(clientsNode, "clients", p, CLIENT_KEYS, "{ count: 50 }");
    Fields k = callsNode == null ? null : Fields.of(callsNode, "calls", p, CALL_KEYS, "{ target: pool.example.com, per_client: 10 }");
    if (c == null || k == null) {
      return null;
    }
    Long count = Convert.whole(c.required("count", "50"), c.path("count"), p, 1, MAX_CLIENTS);
    List<Address> sources = new ArrayList<>();
    List<Node> items = Convert.list(c.required("source_addresses", "[]"), c.path("source_addresses"), p,
        "[2001:db8:20::5, 192.0.2.50]");
    for (int i = 0; items != null && i < items.size(); i++) {
      String sp = KeyPath.index(c.path("source_addresses"), i);
      Address a = Convert.address(items.get(i), sp, p);
      if (a != null && sources.contains(a)) {
        p.add(items.get(i), sp, Messages.quote(a.text()) + " is listed twice; list each source address once");
      } else if (a != null) {
        sources.add(a);
      }
    }
    Node targetNode = k.required("target", "pool.example.com");
    String target = targetNode == null ? null : Convert.text(targetNode, k.path("target"), p);
    if (target != null && dns != null && !dns.names().containsKey(target)) {
      p.add(targetNode, k.path("target"), Messages.quote(target) + " is not a name in dns.names; "
          + Suggest.nearest(target, names).map(s -> "did you mean " + Messages.quote(s) + "?")
              .orElse("names are " + Messages.list(names)));
      target = null;
    }
    Long perClient = Convert.whole(k.required("per_client", "10"), k.path("per_client"), p, 1, MAX_CALLS_PER_CLIENT);
    Long spread = start(k.required("start", "at-once"), k.path("start"));
    Node intervalNode = k.required("interval", "{ fixed: 30s }");
    Fields iv = intervalNode == null ? null
        : Fields.of(intervalNode, k.path("interval"), p, INTERVAL_KEYS, "{ fixed: 30s } or { exponential_mean: 30s }");
    Long interval = null;
    boolean exponential = false;
    if (iv != null) {
      Node fixed = iv.value("fixed");
      Node mean = iv.value("exponential_mean");
      if (fixed != null && mean != null) {
        p.add(intervalNode, k.path("interval"), "gives both fixed and exponential_mean; keep one of them");
      } else if (fixed == null && mean == null) {
        p.add(intervalNode, k.path("interval"), "empty; write { fixed: 30s } or { exponential_mean: 30s }");
      } else {
        exponential = mean != null;
        interval = Convert.duration(exponential ? mean : fixed, iv.path(exponential ? "exponential_mean" : "fixed"), p,
            false, true);
      }
    }
    if (count == null || items == null || target == null || perClient == null || spread == null || interval == null) {
      return null;
    }
    return new Workload(count.intValue(), sources, target, perClient.intValue(), spread, interval, exponential);
  }

  /** {@code at-once} (0) or {@code { uniform: 60s }}: first calls spread over [0, 60s). */
  private Long start(Node n, String path) {
    if (n == null) {
      return null;
    }
    if (n instanceof Scalar s) {
      if ("at-once".equals(s.text())) {
        return 0L;
      }
      p.add(n, path, "unknown value " + Messages.quote(s.text()) + "; write at-once or { uniform: 60s }");
      return null;
    }
    Fields f = Fields.of(n, path, p, START_KEYS, "{ uniform: 60s }");
    return f == null ? null : Convert.duration(f.required("uniform", "60s"), f.path("uniform"), p, false, false);
  }

  // ---- configurations ----

  private List<Configuration> configurations(Node n) {
    List<Node> items = Convert.list(n, "configurations", p, "[{ name: UCMA 4.0, stack: ucma-4 }]");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      p.add(n, "configurations", "empty; list at least one, e.g. - { name: UCMA 4.0, stack: ucma-4 }");
      return null;
    }
    List<Configuration> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String path = KeyPath.index("configurations", i);
      Fields f = Fields.of(items.get(i), path, p, CONFIGURATION_KEYS, "{ name: UCMA 4.0, stack: ucma-4 }");
      if (f == null) {
        continue;
      }
      Node nameNode = f.required("name", "UCMA 4.0");
      String name = nameNode == null ? null : Convert.text(nameNode, f.path("name"), p);
      if (name != null && name.isBlank()) {
        p.add(nameNode, f.path("name"), "empty; give the configuration a name");
        name = null;
      }
      if (name != null) {
        Integer first = seen.putIfAbsent(name, i);
        if (first != null) {
          p.add(nameNode, f.path("name"), Messages.quote(name) + " is already the name of configurations["
              + first + "]; give each configuration its own name");
        }
      }
      Node stackNode = f.required("stack", "ucma-4");
      StackConfig stack = stackNode == null ? null : Stacks.bind(stackNode, f.path("stack"), p);
      if (name != null && stack != null) {
        out.add(new Configuration(name, stack));
      }
    }
    return out;
  }

  // ---- expectations ----

  /** The names in {@code configurations:} as written, for references. */
  static List<String> configurationNames(Mapping root) {
    List<String> names = new ArrayList<>();
    if (root.get("configurations") instanceof Node.Sequence s) {
      for (Node item : s.items()) {
        if (item instanceof Mapping m && m.get("name") instanceof Scalar n && !n.isNull()) {
          names.add(n.text());
        }
      }
    }
    return names;
  }

  /**
   * The {@code expect:} list. Configuration names must exist; {@code at} keys must be swept
   * paths and their values among the swept values.
   */
  List<Expectation> expectations(Mapping root, Sweep sweep) {
    List<Expectation> out = new ArrayList<>();
    Node n = root.get("expect");
    List<Node> items = n == null ? List.of() : Convert.list(n, "expect", p, "[{ metric: first_call_failure_rate, max: 0.01 }]");
    if (items == null) {
      return out;
    }
    List<String> configs = configurationNames(root);
    for (int i = 0; i < items.size(); i++) {
      String path = KeyPath.index("expect", i);
      Fields f = Fields.of(items.get(i), path, p, EXPECT_KEYS, "{ metric: first_call_failure_rate, max: 0.01 }");
      if (f == null) {
        continue;
      }
      int before = p.size();
      Node confNode = f.value("configuration");
      String conf = confNode == null ? null : Convert.text(confNode, f.path("configuration"), p);
      if (conf != null && !configs.contains(conf)) {
        p.add(confNode, f.path("configuration"), "no configuration is named " + Messages.quote(conf) + "; "
            + Suggest.nearest(conf, configs).map(s -> "did you mean " + Messages.quote(s) + "?")
                .orElse("configurations are " + Messages.list(configs)));
      }
      Node metricNode = f.required("metric", "first_call_failure_rate");
      String metric = metricNode == null ? null : Convert.text(metricNode, f.path("metric"), p);
      if (metric != null && !METRICS.contains(metric) && !BY_CALL.matcher(metric).matches()) {
        p.add(metricNode, f.path("metric"), "unknown metric " + Messages.quote(metric) + "; " + Suggest.hint(metric, METRIC_HINTS));
      } else if (metric != null && BY_CALL.matcher(metric).matches() && byCall(metric) < 1) {
        p.add(metricNode, f.path("metric"), "calls count from 1; write failure_rate_by_call[1] for the first call");
      }
      Node maxNode = f.value("max");
      Node minNode = f.value("min");
      Double max = maxNode == null ? null : Convert.number(maxNode, f.path("max"), p);
      Double min = minNode == null ? null : Convert.number(minNode, f.path("min"), p);
      if (maxNode == null && minNode == null) {
        p.add(items.get(i), path, "gives no bound; add max: or min: (or both)");
      } else if (max != null && min != null && min > max) {
        p.add(minNode, f.path("min"), "min is above max; a value cannot satisfy both");
      }
      Boolean confidence = Convert.choice(f.required("mode", "point"), f.path("mode"), p, MODES);
      Map<String, String> at = at(f.value("at"), f.path("at"), sweep);
      if (p.size() == before) {
        out.add(new Expectation(conf, metric, max, min, confidence, at, items.get(i).pos().line(),
            items.get(i).pos().column()));
      }
    }
    return out;
  }

  private static Map<String, Boolean> modes() {
    Map<String, Boolean> m = new LinkedHashMap<>();
    m.put("point", false);
    m.put("confidence", true);
    return java.util.Collections.unmodifiableMap(m);
  }

  private static List<String> concat(List<String> list, String one) {
    List<String> out = new ArrayList<>(list);
    out.add(one);
    return List.copyOf(out);
  }

  /** K of {@code failure_rate_by_call[K]}, or 0 for other metrics. */
  static int byCall(String metric) {
    Matcher m = BY_CALL.matcher(metric);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  private Map<String, String> at(Node n, String path, Sweep sweep) {
    Map<String, String> at = new LinkedHashMap<>();
    if (n == null) {
      return at;
    }
    if (!(n instanceof Mapping m)) {
      p.add(n, path, Convert.expected("a map of swept paths to values such as { deadline: 30s }", n));
      return at;
    }
    for (Node.Entry e : m.entries()) {
      // swept paths are shown as written in sweep:, dots and all
      String ep = path + "." + e.key();
      List<String> values = sweep.values(e.key());
      if (values == null) {
        p.add(e.keyPos(), ep, Messages.quote(e.key()) + " is not swept; "
            + (sweep.paths().isEmpty() ? "this scenario has no sweep: remove at:"
                : Suggest.nearest(e.key(), sweep.paths()).map(s -> "did you mean " + Messages.quote(s) + "?")
                    .orElse("swept paths are " + Messages.list(sweep.paths()))));
        continue;
      }
      String v = e.value().flowText();
      if (!values.contains(v)) {
        p.add(e.value(), ep, Messages.quote(v) + " is not among the swept values; use one of " + Messages.list(values));
        continue;
      }
      at.put(e.key(), v);
    }
    return at;
  }
}
