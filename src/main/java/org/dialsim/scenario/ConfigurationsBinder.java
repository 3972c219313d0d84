package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.scenario.Node.Mapping;
import org.dialsim.scenario.Node.Scalar;
import org.dialsim.stack.Configuration;
import org.dialsim.stack.StackConfig;

/** Binds {@code configurations:}: the stacks under test, each with its own name. */
final class ConfigurationsBinder {
  private static final String ONE = "{ name: UCMA 4.0, stack: ucma-4 }";

  private ConfigurationsBinder() {}

  /** The configurations in written order, or null when the list is unusable. */
  static List<Configuration> bind(Key key) {
    List<Key> items = key.nonEmptyItems("[" + ONE + "]", "list at least one, e.g. - " + ONE);
    if (items == null) {
      return null;
    }
    List<Configuration> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Section f = Section.of(items.get(i), Defaults.configuration(), ONE);
      if (f == null) {
        continue;
      }
      Key nameKey = f.required("name", "UCMA 4.0");
      String name = nameKey.text();
      if (name != null && name.isBlank()) {
        nameKey.problem("empty; give the configuration a name");
        name = null;
      }
      if (name != null) {
        Integer first = seen.putIfAbsent(name, i);
        if (first != null) {
          nameKey.problem(Messages.quote(name) + " is already the name of configurations[" + first
              + "]; give each configuration its own name");
        }
      }
      Key stackKey = f.required("stack", "ucma-4");
      StackConfig stack = stackKey.present() ? StackBinder.bind(stackKey) : null;
      if (name != null && stack != null) {
        out.add(new Configuration(name, stack));
      }
    }
    return out;
  }

  /**
   * The names in {@code configurations:} as written, for references; null when the list or one
   * of its entries has no name to read, so that a reference is not reported as unknown because
   * the entry it names already failed (one mistake, one message).
   */
  static List<String> writtenNames(Mapping root) {
    if (!(root.get("configurations") instanceof Node.Sequence s)) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Node item : s.items()) {
      if (!(item instanceof Mapping m && m.get("name") instanceof Scalar n && !n.isNull())) {
        return null;
      }
      names.add(n.text());
    }
    return names;
  }
}
