package org.dialsim.scenario;

import java.util.List;
import org.dialsim.scenario.Node.Mapping;

/**
 * The keys of one mapping being bound: reports keys that do not belong (with the nearest
 * valid key) and missing required keys, and builds each key's path for messages.
 */
final class Fields {
  private final Mapping map;
  private final String path;
  private final Problems problems;

  private Fields(Mapping map, String path, Problems problems) {
    this.map = map;
    this.path = path;
    this.problems = problems;
  }

  /**
   * Reads {@code node} as a map whose keys must be among {@code keys}. Returns null, with a
   * problem recorded, when it is not a map; {@code example} shows what a map looks like here.
   */
  static Fields of(Node node, String path, Problems problems, List<String> keys, String example) {
    if (node == null) {
      return null; // already reported as missing
    }
    if (!(node instanceof Mapping m)) {
      problems.add(node, path, Convert.expected("a map such as " + example, node));
      return null;
    }
    for (Node.Entry e : m.entries()) {
      if (!keys.contains(e.key())) {
        problems.add(e.keyPos(), KeyPath.child(path, e.key()), "unknown key; " + Suggest.hint(e.key(), keys));
      }
    }
    return new Fields(m, path, problems);
  }

  /** The value, or null when the key is absent or has no value ({@code ~}). */
  Node value(String key) {
    Node n = map.get(key);
    return n instanceof Node.Scalar s && s.isNull() ? null : n;
  }

  /** The value; when absent or empty, records "missing" and returns null. */
  Node required(String key, String example) {
    Node n = value(key);
    if (n == null) {
      // point at the user's own "key:" when written empty, else at the map that lacks it
      Node.Entry e = map.entry(key);
      boolean written = e != null && e.keyPos().file().equals(problems.file());
      problems.add(written ? e.keyPos() : map.pos(), path(key), "missing; write e.g. " + key + ": " + example);
    }
    return n;
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
