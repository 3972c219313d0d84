package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialsim.model.Address;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Delay;
import org.dialsim.model.Family;
import org.dialsim.model.Match;
import org.dialsim.model.Network;
import org.dialsim.model.PathRule;
import org.dialsim.model.Prefix;
import org.dialsim.model.Protocol;
import org.dialsim.model.Window;
import org.dialsim.scenario.HostsBinder.HostDraft;

/** Binds {@code network:}: the default RTT, the path rules and the scheduled host faults. */
final class NetworkBinder {
  private static final Map<String, Behaviour> BEHAVIOURS = Convert.spellings(Behaviour.class);
  private static final Map<String, Protocol> PROTOCOLS = Convert.spellings(Protocol.class);
  /** {@code to: any}: every address. */
  static final String ANY = "any";

  private NetworkBinder() {}

  /**
   * The network, or null after a problem. Faults add their windows to {@code hosts} (null when
   * hosts: itself was unusable: then host names are not checked). References are checked
   * against {@code names}, the hosts as written, so a host whose own entry failed is not
   * reported again as unknown.
   */
  static Network bind(Section network, Map<String, HostDraft> hosts, List<String> names) {
    if (network == null) {
      return null;
    }
    Delay rtt = network.required("rtt").delay();
    List<PathRule> rules = new ArrayList<>();
    List<Key> paths = network.required("paths").items("[{ to: ipv6, behaviour: blackhole }]");
    for (Key path : paths == null ? List.<Key>of() : paths) {
      PathRule r = pathRule(path, hosts == null ? null : names);
      if (r != null) {
        rules.add(r);
      }
    }
    List<Key> faults = network.required("faults").items("[{ host: fe1, down: { from: 0s, to: 5m } }]");
    for (Key fault : faults == null ? List.<Key>of() : faults) {
      fault(fault, hosts, names);
    }
    return rtt == null ? null : new Network(rtt, rules);
  }

  private static PathRule pathRule(Key key, List<String> hosts) {
    Section f = Section.of(key, Defaults.path(), "{ to: ipv6, behaviour: blackhole }");
    if (f == null) {
      return null;
    }
    Match match = match(f.required("to", "ipv6"), hosts);
    Protocol protocol = f.required("protocol").choice(PROTOCOLS);
    Behaviour behaviour = f.required("behaviour").choice(BEHAVIOURS);
    Double loss = f.required("loss").probability();
    Key rttKey = f.get("rtt");
    Delay rtt = rttKey.delay();
    if (match == null || protocol == null || behaviour == null || loss == null || (rttKey.present() && rtt == null)) {
      return null;
    }
    return new PathRule(match, behaviour, loss, rtt, protocol);
  }

  /** {@code to:} any, a family, a prefix, an address or a host name, tried in that order. */
  private static Match match(Key key, List<String> hosts) {
    String to = key.text();
    if (to == null) {
      return null;
    }
    if (to.equals(ANY)) {
      return new Match.ToAny();
    }
    Family fam = StackBinder.FAMILIES.get(to);
    if (fam != null) {
      return new Match.ToFamily(fam);
    }
    if (to.contains("/")) {
      Prefix prefix = Prefix.parse(to).orElse(null);
      if (prefix == null) {
        key.problem(Messages.quote(to) + " is not a valid prefix; write e.g. 192.0.2.0/24 or 2001:db8::/32");
      }
      return prefix == null ? null : new Match.ToPrefix(prefix);
    }
    Address a = Address.parse(to).orElse(null);
    if (a != null) {
      return new Match.ToAddress(a);
    }
    if (HostsBinder.ADDRESS_LIKE.matcher(to).matches()) {
      key.problem(Messages.quote(to) + " is not a valid IP address; write e.g. 192.0.2.1 or 2001:db8::1");
      return null;
    }
    if (hosts != null && !hosts.contains(to)) {
      key.problem("unknown host " + Messages.quote(to) + "; " + hostHint(to, hosts)
          + " (to: also takes ipv4, ipv6, a prefix or an address)");
      return null;
    }
    return new Match.ToHost(to);
  }

  private static String hostHint(String wrong, List<String> hosts) {
    return Suggest.reference(wrong, hosts, "hosts");
  }

  private static void fault(Key key, Map<String, HostDraft> hosts, List<String> names) {
    Section f = Section.of(key, Defaults.fault(), "{ host: fe1, down: { from: 0s, to: 5m } }");
    if (f == null) {
      return;
    }
    Key hostKey = f.required("host", "fe1");
    String host = hostKey.text();
    List<Window> down = HostsBinder.windows(f.required("down", "{ from: 0s, to: 5m }"));
    if (host == null || hosts == null) {
      return;
    }
    HostDraft h = hosts.get(host);
    if (!names.contains(host)) {
      hostKey.problem("unknown host " + Messages.quote(host) + "; " + hostHint(host, names));
    } else if (h != null && down != null) {
      h.down().addAll(down);
    }
  }
}
