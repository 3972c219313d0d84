package org.dialsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dialsim.scenario.Node.Scalar;

/** Spellings shared by the binders: enum constants as scenario keywords, and "expected" messages. */
final class Convert {
  /** The keyword that means "no limit" where a key allows it. */
  static final String NONE = "none";

  private Convert() {}

  /** {@code expected WHAT, got DESCRIPTION}. */
  static String expected(String what, Node got) {
    return "expected " + what + ", got " + got.describe();
  }

  /** True for the keyword {@code none}. */
  static boolean isNone(Node n) {
    return n instanceof Scalar s && NONE.equals(s.text());
  }

  /** The spellings of an enum's constants: lower case, '_' as '-' ({@code ROUND_ROBIN} is {@code round-robin}). */
  static <E extends Enum<E>> Map<String, E> spellings(Class<E> type) {
    Map<String, E> m = new LinkedHashMap<>();
    for (E e : type.getEnumConstants()) {
      m.put(spelling(e), e);
    }
    return Collections.unmodifiableMap(m);
  }

  /** One enum constant's scenario spelling. */
  static String spelling(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
