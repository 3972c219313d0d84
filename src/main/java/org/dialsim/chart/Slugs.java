package org.dialsim.chart;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** File-name-safe forms of configuration names: {@code UCMA 4.0 + IPv4 hint} becomes {@code ucma-4-0-ipv4-hint}. */
public final class Slugs {
  private Slugs() {}

  /** One name's slug: ASCII letters and digits joined by single hyphens; {@code configuration} if nothing is left. */
  public static String of(String name) {
    // accents off (é -> e) so names in other languages keep their letters
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "configuration" : s;
  }

  /** Slugs for {@code names}, in order, made unique with {@code -2}, {@code -3} ... where two collide. */
  public static List<String> unique(List<String> names) {
    Set<String> used = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String base = of(n);
      String s = base;
      for (int k = 2; !used.add(s); k++) {
        s = base + "-" + k;
      }
      out.add(s);
    }
    return out;
  }
}
