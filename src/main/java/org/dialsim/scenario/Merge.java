package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dialsim.scenario.Node.Entry;
import org.dialsim.scenario.Node.Mapping;

/** Lays one tree over another: how defaults, profiles and the user's keys combine. */
final class Merge {
  private Merge() {}

  /**
   * {@code over} laid on {@code base}. Two maps merge key by key (the base's keys in its order,
   * then keys only {@code over} has), recursively; anything else in {@code over} replaces the
   * base value, except that an empty value over a map or list keeps the base (a section written
   * with nothing under it means "the defaults"). Maps at {@code wholePaths} are replaced whole:
   * they hold one of several alternatives, such as {@code interval: { fixed: 30s }}.
   */
  static Node overlay(Node base, Node over, Set<String> wholePaths, String path) {
    if (over instanceof Node.Scalar s && s.isNull() && !(base instanceof Node.Scalar)) {
      return base;
    }
    if (!(base instanceof Mapping b) || !(over instanceof Mapping o) || wholePaths.contains(path)) {
      return over;
    }
    List<Entry> out = new ArrayList<>(b.entries().size() + o.entries().size());
    for (Entry e : b.entries()) {
      Entry oe = o.entry(e.key());
      if (oe == null) {
        out.add(e);
      } else {
        Node v = overlay(e.value(), oe.value(), wholePaths, KeyPath.child(path, e.key()));
        out.add(new Entry(e.key(), oe.keyPos(), v));
      }
    }
    for (Entry oe : o.entries()) {
      if (b.entry(oe.key()) == null) {
        out.add(oe);
      }
    }
    return new Mapping(o.pos(), out);
  }
}
