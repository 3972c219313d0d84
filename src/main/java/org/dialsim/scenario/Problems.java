package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Collects the problems of one file while reading and binding go on, so one run reports as
 * many mistakes as it can instead of stopping at the first.
 */
final class Problems {
  private final String file;
  private final LinkedHashSet<Problem> found = new LinkedHashSet<>();

  /** Problems of the file the user named {@code file}. */
  Problems(String file) {
    this.file = file;
  }

  /** The user's file name. */
  String file() {
    return file;
  }

  /**
   * Records a problem. A position inside a built-in resource (a default that was filled in) is
   * never shown: the user cannot edit defaults.yaml. Binders pass the nearest place the user
   * wrote; what has none at all is reported at the file's start, so every message has a line.
   */
  void add(Pos pos, String key, String message) {
    Pos at = isUsers(pos) ? pos : new Pos(file, 1, 1);
    found.add(new Problem(file, at.line(), at.column(), key, message));
  }

  /** True for a position in the user's file (not in a built-in resource). */
  boolean isUsers(Pos pos) {
    return pos != null && file.equals(pos.file()) && pos.line() > 0;
  }

  /** Records a problem at a node. */
  void add(Node node, String key, String message) {
    add(node.pos(), key, message);
  }

  /** True when nothing is wrong so far. */
  boolean isEmpty() {
    return found.isEmpty();
  }

  /** How many problems so far. */
  int size() {
    return found.size();
  }

  /** The problems in order of position (file-wide ones first), then of discovery. */
  List<Problem> sorted() {
    List<Problem> list = new ArrayList<>(found);
    list.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return list;
  }

  /** Throws when anything was found. */
  void throwIfAny() throws ScenarioException {
    if (!found.isEmpty()) {
      throw new ScenarioException(sorted());
    }
  }
}
