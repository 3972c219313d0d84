package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.model.Failure;
import org.dialsim.model.Family;
import org.dialsim.model.Window;
import org.dialsim.scenario.Node.Mapping;
import org.dialsim.scenario.Node.Scalar;

/** Binds {@code hosts:}: each machine's addresses, listening families, down windows and failures. */
final class HostsBinder {
  /** Text made only of what address literals are made of: meant as an address, not a host name. */
  static final Pattern ADDRESS_LIKE = Pattern.compile("[0-9.]+|.*:.*");
  private static final String ONE_HOST = "{ fe1: { addresses: [192.0.2.1] } }";

  private HostsBinder() {}

  /**
   * One host while binding: faults add windows after the host itself is read.
   *
   * @param name the key in hosts:
   * @param addresses its addresses
   * @param listensOn its families
   * @param down its windows, growing while faults are bound
   * @param failure random failure, or null
   * @param quic true when it answers QUIC
   */
  record HostDraft(String name, List<Address> addresses, Set<Family> listensOn, List<Window> down, Failure failure,
      boolean quic) {}

  /** The hosts in written order, or null when {@code hosts:} is unusable; an entry that failed is left out. */
  static Map<String, HostDraft> bind(Key hosts) {
    List<Node.Entry> entries = hosts.entries("a map of host names such as " + ONE_HOST,
        "define at least one host, e.g. fe1: { addresses: [192.0.2.1] }");
    if (entries == null) {
      return null;
    }
    Map<String, HostDraft> out = new LinkedHashMap<>();
    Map<Address, String> owner = new HashMap<>();
    Map<Address, Integer> ownerLine = new HashMap<>();
    for (Node.Entry e : entries) {
      Key entry = hosts.child(e.value(), KeyPath.child(hosts.path(), e.key()));
      hostName(entry, e);
      Section f = Section.of(entry, Defaults.host(), "{ addresses: [192.0.2.1] }");
      if (f == null) {
        continue;
      }
      List<Address> addresses = new ArrayList<>();
      Key addressesKey = f.required("addresses", "[192.0.2.1, 2001:db8::1]");
      List<Key> items = addressesKey.nonEmptyItems("[192.0.2.1, 2001:db8::1]", "a host owns at least one address");
      for (Key item : items == null ? List.<Key>of() : items) {
        Address a = item.address();
        if (a == null) {
          continue;
        }
        String previous = owner.putIfAbsent(a, e.key());
        if (previous == null) {
          ownerLine.put(a, item.node().pos().line());
          addresses.add(a);
        } else if (previous.equals(e.key())) {
          item.problem(Messages.quote(a.text()) + " is listed twice for this host; list it once");
        } else {
          item.problem(Messages.quote(a.text()) + " already belongs to host " + Messages.quote(previous) + " (line "
              + ownerLine.get(a) + "); an address belongs to one host, so list it under one only");
        }
      }
      Set<Family> listens = families(f.required("listens_on"));
      List<Window> down = windows(f.required("down"));
      Failure failure = failure(f.required("failure"));
      Boolean quic = f.required("quic").bool();
      if (listens != null && down != null && quic != null) {
        out.put(e.key(), new HostDraft(e.key(), addresses, listens, new ArrayList<>(down), failure, quic));
      }
    }
    return out;
  }

  /** The host names as written in {@code hosts:}, for references (empty when unusable). */
  static List<String> writtenNames(Mapping root) {
    return root.get("hosts") instanceof Mapping h ? h.keys() : List.of();
  }

  /** Host names share {@code to:} with families, prefixes and addresses; keep them apart. */
  private static void hostName(Key entry, Node.Entry e) {
    String k = e.key();
    if (StackBinder.FAMILIES.containsKey(k)) {
      entry.problem(e.keyPos(), "the host name " + Messages.quote(k) + " is reserved for an address family; rename the host");
    } else if (k.equals(NetworkBinder.ANY)) {
      entry.problem(e.keyPos(), "the host name " + Messages.quote(k) + " is reserved: a path rule's to: any means every "
          + "address; rename the host");
    } else if (k.contains("/") || ADDRESS_LIKE.matcher(k).matches() || k.isBlank()) {
      entry.problem(e.keyPos(), "the host name " + Messages.quote(k)
          + " looks like an address or prefix; name hosts with words such as fe1");
    }
  }

  private static Set<Family> families(Key key) {
    List<Key> items = key.items("[ipv4, ipv6]");
    if (items == null) {
      return null;
    }
    Set<Family> out = EnumSet.noneOf(Family.class);
    for (Key item : items) {
      Family fam = item.choice(StackBinder.FAMILIES);
      if (fam != null && !out.add(fam)) {
        item.problem(Messages.quote(fam.key()) + " is listed twice; list each family once");
      }
    }
    return out;
  }

  /** {@code always}, one {@code { from, to }} window, or a list of them; null after a problem. */
  static List<Window> windows(Key key) {
    Node n = key.node();
    if (n == null) {
      return null;
    }
    if (n instanceof Scalar s) {
      if ("always".equals(s.text())) {
        return List.of(new Window(0, Time.NEVER));
      }
      key.problem("unknown value " + Messages.quote(s.text()) + "; write always, { from: 0s, to: 5m } or a list of such windows");
      return null;
    }
    if (n instanceof Mapping) {
      Window w = window(key);
      return w == null ? null : List.of(w);
    }
    List<Window> out = new ArrayList<>();
    boolean ok = true;
    for (Key item : key.items("[{ from: 0s, to: 5m }]")) {
      Window w = window(item);
      ok &= w != null;
      out.add(w);
    }
    return ok ? out : null;
  }

  private static Window window(Key key) {
    Section f = Section.of(key, Defaults.window(), "{ from: 0s, to: 5m }");
    if (f == null) {
      return null;
    }
    Key from = f.orDefault("from");
    Key to = f.orDefault("to");
    Long fromNs = from.duration(Span.AT_LEAST_ZERO);
    Long toNs = to.duration(Span.AT_LEAST_ZERO_OR_NONE);
    if (fromNs == null || toNs == null) {
      return null;
    }
    if (fromNs >= toNs) {
      to.problem(Messages.quote(to.written()) + " is not after from " + Messages.quote(from.written())
          + "; a window needs from < to");
      return null;
    }
    return new Window(fromNs, toNs);
  }

  private static Failure failure(Key key) {
    if (!key.present() || key.isNone()) {
      return null;
    }
    Section f = Section.of(key, List.of("mtbf", "mttr"), "{ mtbf: 2h, mttr: 10m }");
    if (f == null) {
      return null;
    }
    Long mtbf = f.required("mtbf", "2h").duration(Span.POSITIVE);
    Long mttr = f.required("mttr", "10m").duration(Span.POSITIVE);
    return mtbf == null || mttr == null ? null : new Failure(mtbf, mttr);
  }
}
