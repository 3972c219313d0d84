package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.dialsim.engine.Time;
import org.dialsim.model.Family;
import org.dialsim.scenario.Node.Mapping;
import org.dialsim.stack.Https;
import org.dialsim.stack.Memory;
import org.dialsim.stack.Quic;
import org.dialsim.stack.QuicMemory;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.SynSchedule;
import org.dialsim.stack.SynWheel;

/**
 * The registry of built-in profiles, read from {@code org/dialsim/profiles.yaml}: every profile
 * is listed there explicitly with its sources; nothing is discovered at run time.
 */
public final class Profiles {
  /** The name positions inside the resource are reported with. */
  static final String FILE = "profiles.yaml";
  /** Where a message whose list of profiles is cut sends the reader. */
  static final String WHERE_ALL = "dialsim stacks lists them all";

  private static final String RESOURCE = "/org/dialsim/profiles.yaml";
  private static final List<String> PROFILE_KEYS = List.of("summary", "sources", "notes", "stack");

  private Profiles() {}

  /** One loaded profile: the public record and its resolved stack tree for merging. */
  private record Loaded(Profile profile, Mapping tree) {}

  /** Read on first use; immutable afterwards. */
  private static final class Registry {
    static final Map<String, Loaded> BY_NAME = load();
  }

  /** Bound on first use, from defaults.yaml alone (a stack without a base needs no profile). */
  private static final class Neutral {
    static final StackConfig STACK = bindNeutral();
  }

  /** The profile names in the order profiles.yaml lists them. */
  public static List<String> names() {
    return List.copyOf(Registry.BY_NAME.keySet());
  }

  /** The profile of that name, if there is one. */
  public static Optional<Profile> find(String name) {
    Loaded l = Registry.BY_NAME.get(name);
    return l == null ? Optional.empty() : Optional.of(l.profile());
  }

  /**
   * The profile of that name; an unknown name throws {@link IllegalArgumentException} whose
   * message suggests the nearest name and lists the known ones.
   */
  public static Profile get(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown profile " + Messages.quote(name) + "; "
            + Suggest.nearest(name, names()).map(n -> "did you mean " + Messages.quote(n) + "? ").orElse("")
            + "known profiles: " + Messages.list(names(), WHERE_ALL)));
  }

  /** The neutral stack of defaults.yaml, bound: what a {@code stack:} map without base starts from. */
  public static StackConfig neutral() {
    return Neutral.STACK;
  }

  /** A SYN preset of defaults.yaml ({@code windows-classic}, {@code linux} ...) by name. */
  public static SynSchedule synPreset(String name) {
    Node preset = Defaults.synPreset(name);
    if (preset == null) {
      throw new IllegalArgumentException("unknown SYN preset " + Messages.quote(name) + "; "
          + Suggest.hint(name, Defaults.synPresetNames()));
    }
    Problems p = new Problems(Defaults.FILE);
    SynSchedule syn = StackBinder.syn(new Key(preset, "syn_presets." + name, p));
    if (!p.isEmpty()) {
      throw broken(p);
    }
    return syn;
  }

  /** The resolved stack tree of a profile (neutral stack and its keys), or null. */
  static Mapping tree(String name) {
    Loaded l = Registry.BY_NAME.get(name);
    return l == null ? null : l.tree();
  }

  /**
   * Every stack key of a resolved stack with its value as text, e.g. {@code syn} as
   * {@code 3s initial RTO, 2 retries: SYNs at 0s, 3s, 9s; gives up at 21s}.
   */
  public static Map<String, String> describe(StackConfig s) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("base", s.base() == null ? "none" : s.base());
    StringJoiner fams = new StringJoiner(", ");
    for (Family f : s.families()) {
      fams.add(f.key());
    }
    m.put("families", fams.toString());
    m.put("order", s.order().key());
    m.put("policy_table", s.policyTableName().equals("custom")
        ? "custom (" + s.policyTable().size() + " rows)" : s.policyTableName());
    m.put("interleave", s.interleave() == 0 ? "none" : Integer.toString(s.interleave()));
    m.put("strategy", s.strategy().key());
    m.put("attempt_delay", Time.format(s.attemptDelayNs()));
    m.put("resolution_delay", Time.format(s.resolutionDelayNs()));
    m.put("max_concurrent", s.maxConcurrent() == Integer.MAX_VALUE ? "none" : Integer.toString(s.maxConcurrent()));
    m.put("advance", Convert.spelling(s.advance()));
    m.put("wakeup_every", Time.format(s.wakeupEveryNs()));
    m.put("backup_job", Time.format(s.backupJobNs()));
    m.put("syn", describe(s.syn()));
    m.put("rst", Convert.spelling(s.rst()));
    m.put("attempt_timeout", Time.format(s.attemptTimeoutNs()));
    m.put("timeout_split", Convert.spelling(s.timeoutSplit()));
    m.put("deadline", Time.format(s.deadlineNs()));
    m.put("memory", describe(s.memory()));
    m.put("call_retries", s.callRetries().max() == 0 ? "none"
        : s.callRetries().max() + " (backoff " + Time.format(s.callRetries().backoffNs()) + ")");
    m.put("tls", s.tls().key());
    m.put("https", describe(s.https()));
    m.put("quic", describe(s.quic()));
    return Collections.unmodifiableMap(m);
  }

  /** HTTPS use in words: {@code not queried}, or each switch. */
  static String describe(Https h) {
    if (!h.query()) {
      return "not queried";
    }
    String wait = h.waitFor() instanceof Https.Wait.Extra x ? "A and AAAA, then " + x.percent() + " % more ("
        + Time.format(x.minNs()) + " to " + Time.format(x.maxNs()) + ")"
        : h.waitFor() instanceof Https.Wait.Answer ? "answer" : "resolution-delay";
    return "queried; wait " + wait + (h.reliant() ? ", SVCB-reliant" : "")
        + (h.waitForPreferred() ? "" : ", not for the preferred family")
        + "; hints " + h.hints().key() + (h.hintsAnswerFamily() ? " (a hint answers its family)" : "")
        + "; delay from " + h.delayFrom().key() + "; origin fallback " + h.originFallback().key()
        + (h.shuffleEqualPriority() ? "; equal priorities shuffled" : "; equal priorities in written order")
        + "; ech " + h.ech().key();
  }

  /** QUIC in words: {@code off}, or its order, timers and memory. */
  static String describe(Quic q) {
    if (!q.enabled()) {
      return "off";
    }
    StringBuilder sb = new StringBuilder(q.order().key());
    if (q.order() == Quic.QuicOrder.PARALLEL) {
      sb.append(" (").append(q.endpoints() == Integer.MAX_VALUE ? "every" : Integer.toString(q.endpoints()))
          .append(q.endpoints() == 1 ? " endpoint" : " endpoints").append(", TCP after ")
          .append(q.tcpDelayNs() == Quic.CHROMIUM_TCP_DELAY ? "chromium's delay" : Time.format(q.tcpDelayNs())).append(')');
    }
    sb.append("; initial RTT ").append(Time.format(q.initialRttNs())).append(" (first PTO ")
        .append(Time.format(q.firstPtoNs())).append(", ").append(q.ptoDatagrams())
        .append(q.ptoDatagrams() == 1 ? " datagram" : " datagrams").append(" each); a silent handshake gives up after ")
        .append(Time.format(q.giveUpNs())).append("; ICMP ").append(q.icmp().key());
    QuicMemory mem = q.memory();
    if (mem.kind() == QuicMemory.Kind.NONE) {
      sb.append("; remembers nothing");
    } else {
      sb.append("; ").append(mem.kind().key()).append(" when ").append(mem.when().key()).append(" for ")
          .append(Time.format(mem.ttlNs()))
          .append(mem.backoff() == QuicMemory.Backoff.NONE ? "" : ", doubling up to " + Time.format(mem.maxTtlNs()));
    }
    return sb.toString();
  }

  /** A memory in words: {@code avoid-failed for 10m, learns timeout, refused, unreachable}. */
  static String describe(Memory memory) {
    if (memory.kind() == Memory.Kind.NONE) {
      return "none";
    }
    String out = memory.kind().key() + (memory.ttlNs() == Time.NEVER
        ? " for the client's life" : " for " + Time.format(memory.ttlNs()));
    if (memory.kind() == Memory.Kind.AVOID_FAILED) {
      StringJoiner learn = new StringJoiner(", ");
      memory.learn().forEach(l -> learn.add(l.key()));
      out += memory.learn().isEmpty() ? ", learns no failure" : ", learns " + learn;
    }
    return out;
  }

  /**
   * A SYN schedule in words, with the SYN times and the give-up time it implies, e.g.
   * {@code 1s initial RTO, 6 retries (+4 linear), RTO max 120s, Linux give-up: SYNs at 0s, 1s,
   * ...; gives up at 131s; on the HZ 250 timer wheel between 133.256s and 135.304s (mean
   * 134.28s)}.
   */
  static String describe(SynSchedule syn) {
    StringBuilder sb = new StringBuilder();
    sb.append(Time.format(syn.initialRtoNs())).append(" initial RTO, ").append(syn.retries())
        .append(syn.retries() == 1 ? " retry" : " retries");
    if (syn.linearFirst() > 0) {
      sb.append(" (first ").append(syn.linearFirst()).append(" linear)");
    }
    if (syn.rtoMaxNs() != Time.NEVER) {
      sb.append(", RTO max ").append(Time.format(syn.rtoMaxNs()));
    }
    if (syn.capNs() != Time.NEVER) {
      sb.append(", cap ").append(Time.format(syn.capNs()));
    }
    if (syn.giveUp() == SynSchedule.GiveUp.LINUX) {
      sb.append(", Linux give-up");
    }
    sb.append(": SYNs at ");
    long[] at = syn.synOffsets();
    for (int i = 0; i < at.length; i++) {
      if (at[i] >= syn.capNs()) {
        break; // the cap ends the attempt before this SYN would go
      }
      sb.append(i == 0 ? "" : ", ").append(Time.format(at[i]));
    }
    sb.append("; gives up at ").append(Time.format(syn.giveUpNs()));
    if (syn.timerHz() != SynSchedule.NO_WHEEL) {
      SynWheel.Range r = new SynWheel(syn).giveUpRange();
      sb.append(String.format(Locale.ROOT, "; on the HZ %d timer wheel between %.3fs and %.3fs (mean %.3fs)",
          syn.timerHz(), r.earliestNs() / 1e9, r.latestNs() / 1e9, r.meanNs() / 1e9));
    }
    return sb.toString();
  }

  private static StackConfig bindNeutral() {
    Problems p = new Problems(Defaults.FILE);
    StackConfig s = StackBinder.bind(new Key(Defaults.stack(), "stack", p));
    if (s == null) {
      throw broken(p);
    }
    return s;
  }

  private static Map<String, Loaded> load() {
    Mapping root = Defaults.readResource(RESOURCE, FILE);
    Problems p = new Problems(FILE);
    Section top = Section.of(new Key(root, "", p), List.of("profiles"), "profiles: { NAME: ... }");
    Node listNode = top == null ? null : top.required("profiles", "{ NAME: { summary, sources, stack } }").node();
    if (!(listNode instanceof Mapping list)) {
      throw broken(p);
    }
    // first the raw layers, so a profile may name another as its base in any order
    Map<String, Mapping> layers = new LinkedHashMap<>();
    Map<String, Section> fields = new LinkedHashMap<>();
    for (Node.Entry e : list.entries()) {
      String path = KeyPath.child("profiles", e.key());
      if (!e.key().matches("[a-z0-9][a-z0-9.-]*")) {
        p.add(e.keyPos(), path, "profile names use lower-case letters, digits, '-' and '.'");
      }
      Section f = Section.of(new Key(e.value(), path, p), PROFILE_KEYS, "{ summary, sources, stack }");
      if (f != null && f.required("stack", "{ order: dns }").node() instanceof Mapping stack) {
        layers.put(e.key(), stack);
        fields.put(e.key(), f);
      }
    }
    Map<String, Mapping> trees = new LinkedHashMap<>();
    for (String name : layers.keySet()) {
      resolve(name, layers, trees, new HashSet<>(), p);
    }
    Map<String, Loaded> out = new LinkedHashMap<>();
    for (Map.Entry<String, Section> e : fields.entrySet()) {
      String name = e.getKey();
      Section f = e.getValue();
      String summary = f.required("summary", "one line").text();
      List<String> sources = texts(f.required("sources", "[\"RFC 6724 section 2.1\"]"));
      Key notesKey = f.get("notes");
      List<String> notes = notesKey.present() ? texts(notesKey) : List.of();
      if (sources != null && sources.isEmpty()) {
        p.add(f.map(), f.path("sources"), "empty; every profile cites where its values come from");
      }
      Mapping tree = trees.get(name);
      if (tree == null) {
        continue;
      }
      tree = tree.with("base", Node.Scalar.text(tree.pos(), name));
      StackConfig stack = StackBinder.bind(new Key(tree, KeyPath.child(KeyPath.child("profiles", name), "stack"), p));
      if (summary != null && sources != null && notes != null && stack != null) {
        out.put(name, new Loaded(new Profile(name, summary.strip(), sources, notes, stack, describe(stack)), tree));
      }
    }
    if (!p.isEmpty()) {
      throw broken(p);
    }
    return Collections.unmodifiableMap(out);
  }

  /** Resolves a profile's tree after the profile it names as base; refuses cycles. */
  private static Mapping resolve(String name, Map<String, Mapping> layers, Map<String, Mapping> trees,
      Set<String> visiting, Problems p) {
    if (trees.containsKey(name)) {
      return trees.get(name);
    }
    Mapping layer = layers.get(name);
    if (layer == null || !visiting.add(name)) {
      return null;
    }
    String path = KeyPath.child(KeyPath.child("profiles", name), "stack");
    Mapping tree = Resolve.stack(layer, path, p,
        other -> {
          Mapping t = resolve(other, layers, trees, visiting, p);
          if (t == null && visiting.contains(other)) {
            p.add(layer, path, "profiles form a cycle through " + Messages.quote(other) + "; a base must not lead back");
          }
          return t;
        },
        () -> new ArrayList<>(layers.keySet()));
    visiting.remove(name);
    trees.put(name, tree);
    return tree;
  }

  private static List<String> texts(Key key) {
    List<Key> items = key.items("[\"...\"]");
    if (items == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Key item : items) {
      String t = item.text();
      if (t != null) {
        out.add(t.strip());
      }
    }
    return out;
  }

  private static IllegalStateException broken(Problems p) {
    return new IllegalStateException("built-in " + FILE + " is invalid:\n"
        + (p.isEmpty() ? FILE + ": no profiles" : new ScenarioException(p.sorted()).getMessage()));
  }
}
