package org.dialsim.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialsim.scenario.Node.Mapping;

/**
 * The keys of one mapping being bound: reports keys that do not belong (with the nearest valid
 * key) and missing required keys, and hands out each key as a {@link Key} that knows its path.
 * A section read with its defaults from defaults.yaml takes its key list from them, and a
 * missing key's example is the documented default, so neither is written twice.
 */
final class Section {
  /** A key, spaces, and a value: {@code count 3}. */
  private static final Pattern KEY_AND_VALUE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*) +(\\S.*)");

  private final Mapping map;
  private final String path;
  private final Problems problems;
  private final Mapping defaults;
  private final Pos near;
  /**
   * Keys that a misspelt or colon-less key of this map stands for: reported there, so not again
   * as missing (one mistake, one message).
   */
  private final Set<String> meant;

  private Section(Mapping map, String path, Problems problems, Mapping defaults, Pos near, Set<String> meant) {
    this.map = map;
    this.path = path;
    this.problems = problems;
    this.defaults = defaults;
    this.near = near;
    this.meant = meant;
  }

  /**
   * Reads {@code key}'s value as a map whose keys must be among {@code keys}. Returns null, with
   * a problem recorded, when it is not a map ({@code example} shows one); null without a
   * problem when it is absent.
   */
  static Section of(Key key, List<String> keys, String example) {
    return of(key, keys, example, null);
  }

  /** As {@link #of(Key, List, String)}, the keys and defaults being those of {@code defaults}. */
  static Section of(Key key, Mapping defaults, String example) {
    return of(key, defaults.keys(), example, defaults);
  }

  private static Section of(Key key, List<String> keys, String example, Mapping defaults) {
    Node node = key.node();
    if (node == null) {
      return null;
    }
    if (!(node instanceof Mapping m)) {
      key.problem(notAMap(node, keys, example));
      return null;
    }
    Set<String> meant = new HashSet<>();
    for (Node.Entry e : m.entries()) {
      if (!keys.contains(e.key())) {
        String path = KeyPath.child(key.path(), e.key());
        Matcher kv = KEY_AND_VALUE.matcher(e.key());
        if (kv.matches() && keys.contains(kv.group(1))) {
          // { name UCMA, stack: ucma-4 }: a flow map reads "name UCMA" as a key without a value
          key.problems().add(e.keyPos(), path, "no ':' after the key " + kv.group(1) + "; write " + kv.group(1) + ": "
              + kv.group(2));
          meant.add(kv.group(1));
        } else {
          key.problems().add(e.keyPos(), path, "unknown key; " + Suggest.hint(e.key(), keys));
          Suggest.nearest(e.key(), keys).ifPresent(meant::add);
        }
      }
    }
    return new Section(m, key.path(), key.problems(), defaults, key.near(), meant);
  }

  /**
   * Why {@code node} is not the map it should be. A plain text such as {@code count 3} or
   * {@code rtt： 10ms} where the map belongs is a key whose colon is missing or is the fullwidth
   * one: YAML reads the line as the value of the key above, so say that rather than "got text".
   */
  private static String notAMap(Node node, List<String> keys, String example) {
    if (node instanceof Node.Scalar s && !s.quoted() && !s.isNull()) {
      int fullwidth = s.text().indexOf(SyntaxErrors.FULLWIDTH_COLON);
      if (fullwidth > 0) {
        String k = s.text().substring(0, fullwidth).strip();
        return Messages.quote(s.text()) + " has the fullwidth colon '\uFF1A' (U+FF1A), which is not YAML's colon; write "
            + k + ": " + s.text().substring(fullwidth + 1).strip();
      }
      Matcher m = KEY_AND_VALUE.matcher(s.text());
      if (m.matches() && keys.contains(m.group(1))) {
        return "no ':' after the key " + m.group(1) + "; write " + m.group(1) + ": " + m.group(2);
      }
    }
    return Convert.expected("a map such as " + example, node);
  }

  /** The key as written; its value is null when absent or {@code ~}. */
  Key get(String key) {
    Node n = map.get(key);
    Node.Entry e = map.entry(key);
    // a key written empty ("deadline:") is absent, but its problems belong on its own line
    Pos at = e != null && problems.isUsers(e.keyPos()) ? e.keyPos() : near;
    return new Key(n instanceof Node.Scalar s && s.isNull() ? null : n, path(key), problems, at);
  }

  /** The key, or its documented default when absent or {@code ~}. */
  Key orDefault(String key) {
    Key k = get(key);
    return k.present() ? k : new Key(defaultOf(key), path(key), problems, k.near());
  }

  /** The key; when absent or empty, records "missing" with its documented default as the example. */
  Key required(String key) {
    return required(key, defaultOf(key).flowText());
  }

  /** The key; when absent or empty, records "missing; write e.g. KEY: EXAMPLE". */
  Key required(String key, String example) {
    Key k = get(key);
    if (!k.present() && !meant.contains(key)) {
      // at the user's own "key:" when written empty, else at the map that lacks it (or the
      // nearest map the user wrote, when this one is all defaults)
      problems.add(k.near(), path(key), "missing; write e.g. " + key + ": " + example);
    }
    return k;
  }

  /** A required map inside this one, read with its own defaults. */
  Section section(String key) {
    return Section.of(required(key), (Mapping) defaultOf(key), defaultOf(key).flowText());
  }

  /** The documented default of a key; a key without one here is a bug of the binder. */
  private Node defaultOf(String key) {
    Node d = defaults == null ? null : defaults.get(key);
    if (d == null || d instanceof Node.Scalar s && s.isNull()) {
      throw new IllegalStateException("defaults.yaml has no default for " + path(key));
    }
    return d;
  }

  /** The path of a key of this map. */
  String path(String key) {
    return KeyPath.child(path, key);
  }

  /** The map being read. */
  Mapping map() {
    return map;
  }
}
