package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.dialsim.model.Dns;
import org.dialsim.model.Host;
import org.dialsim.model.Limits;
import org.dialsim.model.Network;
import org.dialsim.model.Topology;
import org.dialsim.model.Workload;
import org.dialsim.scenario.HostsBinder.HostDraft;
import org.dialsim.scenario.Node.Mapping;
import org.dialsim.stack.Configuration;

/**
 * Binds a merged scenario tree (every default filled in) to a {@link Scenario}: the top-level
 * keys here, each section by its own binder. Records every problem it finds and returns null
 * when there was one.
 */
final class Binder {
  /** The top-level keys (binding names), as defaults.yaml lists them. */
  static final List<String> ROOT_KEYS = Defaults.scenario().keys();

  /** A scenario name becomes a folder name: nothing that could leave reports/ or hide a file. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private Binder() {}

  /** Binds a merged tree at one sweep point; null after recording problems. */
  static Scenario scenario(Mapping root, Map<String, String> point, Problems p) {
    int before = p.size();
    Section f = Section.of(new Key(root, "", p), Defaults.scenario(), "name: my-scenario");
    String name = name(f.required("name", "my-scenario"));
    Key titleKey = f.get("title");
    String title = titleKey.present() ? titleKey.text() : name;
    Key descriptionKey = f.get("description");
    String description = descriptionKey.present() ? descriptionKey.text() : "";
    Long seed = f.required("seed").whole(Long.MIN_VALUE, Long.MAX_VALUE);
    Long replications = f.required("replications").whole(1, Limits.MAX_REPLICATIONS);
    Map<String, HostDraft> hosts = HostsBinder.bind(f.required("hosts", "{ fe1: { addresses: [192.0.2.1] } }"));
    Network network = NetworkBinder.bind(f.section("network"), hosts, HostsBinder.writtenNames(root));
    Dns dns = DnsBinder.bind(f.section("dns"));
    Workload workload = WorkloadBinder.bind(f.section("clients"), f.section("calls"), dns, DnsBinder.writtenNames(root));
    List<Configuration> configurations =
        ConfigurationsBinder.bind(f.required("configurations", "[{ name: UCMA, stack: ucma-4 }]"));
    if (p.size() > before) {
      return null;
    }
    List<Host> hostList = new ArrayList<>();
    for (HostDraft h : hosts.values()) {
      hostList.add(new Host(h.name(), h.addresses(), h.listensOn(), h.down(), h.failure(), h.quic()));
    }
    Topology topology = new Topology(hostList, network, dns, workload);
    return new Scenario(name, title, Objects.requireNonNull(description), seed, replications.intValue(), topology,
        configurations, point);
  }

  private static String name(Key key) {
    String name = key.text();
    if (name != null && !NAME.matcher(name).matches()) {
      key.problem(Messages.quote(name) + " cannot name a report folder; use letters, digits, '.', '_' and '-' (up to 100), e.g. ucma-first-call");
      return null;
    }
    return name;
  }

  /** The {@code expect:} list of a merged tree, checked against its configurations and sweep. */
  static List<Expectation> expectations(Mapping root, Sweep sweep, Problems p) {
    return ExpectationsBinder.bind(new Key(root.get("expect"), "expect", p), ConfigurationsBinder.writtenNames(root), sweep);
  }
}
