package org.dialsim.stack;

import static org.dialsim.stack.Rfc6724.GLIBC_IPV4_SUBNET_BITS;
import static org.dialsim.stack.Rfc6724.IPV6_PREFIX_BITS;
import static org.dialsim.stack.Rfc6724.NO_LABEL;
import static org.dialsim.stack.Rfc6724.SCOPE_GLOBAL;
import static org.dialsim.stack.Rfc6724.SCOPE_LINK_LOCAL;
import static org.dialsim.stack.Rfc6724.SCOPE_SITE_LOCAL;
import static org.dialsim.stack.Rfc6724.TIE;
import static org.dialsim.stack.Rfc6724.label;
import static org.dialsim.stack.Rfc6724.precedence;
import static org.dialsim.stack.Rfc6724.scope;
import static org.dialsim.stack.Rfc6724.source;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dialsim.model.Address;
import org.dialsim.model.Family;
import org.dialsim.stack.Rfc6724.Decision;
import org.dialsim.stack.Rfc6724.Ipv4Scopes;
import org.dialsim.stack.Rfc6724.Rule9;

/** RFC 6724 section 6 destination rules for {@link Rfc6724}: each destination ranked once, compared rule by rule. */
final class DestinationRules {

  private DestinationRules() {}

  /** One destination with everything the rules compare, worked out once per sort. */
  static final class Ranked {
    final Address dst;
    final Address src; // null: no source of this family (rule 1)
    final boolean virtualSource;
    final int dstScope;
    final int srcScope;
    final int dstLabel;
    final int srcLabel;
    final int precedence;
    final int prefix; // rule 9's common prefix length under the chosen variant
    final boolean srcDeprecated;

    Ranked(Address dst, Address src, boolean virtualSource, int dstScope, int srcScope, int dstLabel, int srcLabel,
        int precedence, int prefix, boolean srcDeprecated) {
      this.dst = dst;
      this.src = src;
      this.virtualSource = virtualSource;
      this.dstScope = dstScope;
      this.srcScope = srcScope;
      this.dstLabel = dstLabel;
      this.srcLabel = srcLabel;
      this.precedence = precedence;
      this.prefix = prefix;
      this.srcDeprecated = srcDeprecated;
    }

    boolean usable() {
      return src != null || virtualSource;
    }
  }

  static Ranked[] rank(List<Address> destinations, List<Address> sources, Set<Address> deprecated,
      List<PolicyRow> table, Rule9 rule9, Ipv4Scopes scopes) {
    Ranked[] out = new Ranked[destinations.size()];
    for (int i = 0; i < out.length; i++) {
      Address d = destinations.get(i);
      int dstLabel = label(d, table);
      int dstScope = scope(d, scopes);
      int precedence = precedence(d, table);
      if (sources.isEmpty()) {
        // the assumed source: global scope, a label that matches, no common prefix
        out[i] = new Ranked(d, null, true, dstScope, SCOPE_GLOBAL, dstLabel, dstLabel, precedence, 0, false);
        continue;
      }
      Address s = source(d, sources, deprecated, table).orElse(null);
      if (s == null) {
        out[i] = new Ranked(d, null, false, dstScope, 0, dstLabel, NO_LABEL, precedence, 0, false);
      } else {
        out[i] = new Ranked(d, s, false, dstScope, scope(s, scopes), dstLabel, label(s, table), precedence,
            rule9Prefix(s, d, rule9), deprecated.contains(s));
      }
    }
    return out;
  }

  private static int rule9Prefix(Address src, Address dst, Rule9 rule9) {
    int cpl = src.commonPrefixLength(dst);
    return switch (rule9) {
      case RFC -> cpl;
      case IPV6_ONLY_64 -> dst.family() == Family.IPV6 ? Math.min(cpl, IPV6_PREFIX_BITS) : 0;
      // glibc rfc3484_sort: fls(dst ^ src) when (src & mask) == (dst & mask), else 0
      case GLIBC -> dst.family() == Family.IPV6 || cpl >= GLIBC_IPV4_SUBNET_BITS ? cpl : 0;
    };
  }

  /** Go's sort.Stable for n <= 20: move each element left while it beats its left neighbour. */
  static void insertionSort(Ranked[] a, Rule9 rule9) {
    for (int i = 1; i < a.length; i++) {
      for (int j = i; j > 0 && compare(a[j], a[j - 1], rule9) > 0; j--) {
        Ranked t = a[j];
        a[j] = a[j - 1];
        a[j - 1] = t;
      }
    }
  }

  /**
   * The first rule that separates two destinations: +rule when {@code a} goes first, -rule when
   * {@code b} does, 0 when none does (rule 10).
   */
  static int compare(Ranked a, Ranked b, Rule9 rule9) {
    // Rule 1: avoid unusable destinations
    if (a.usable() != b.usable()) {
      return a.usable() ? 1 : -1;
    }
    boolean sourced = a.usable();
    // Rule 2: prefer matching scope (needs sources: skipped between two unusable ones, as glibc does)
    if (sourced) {
      boolean am = a.dstScope == a.srcScope;
      boolean bm = b.dstScope == b.srcScope;
      if (am != bm) {
        return am ? 2 : -2;
      }
    }
    // Rule 3: avoid deprecated addresses (a destination whose source is deprecated goes after)
    if (sourced && a.srcDeprecated != b.srcDeprecated) {
      return a.srcDeprecated ? -3 : 3;
    }
    // Rule 4 (home addresses): not modelled, see the class comment
    // Rule 5: prefer matching label
    if (sourced) {
      boolean am = a.dstLabel == a.srcLabel;
      boolean bm = b.dstLabel == b.srcLabel;
      if (am != bm) {
        return am ? 5 : -5;
      }
    }
    // Rule 6: prefer higher precedence
    if (a.precedence != b.precedence) {
      return a.precedence > b.precedence ? 6 : -6;
    }
    // Rule 7 (native transport): not modelled, see the class comment
    // Rule 8: prefer smaller scope
    if (a.dstScope != b.dstScope) {
      return a.dstScope < b.dstScope ? 8 : -8;
    }
    // Rule 9: longest matching prefix, between destinations of one family only
    if (sourced && a.dst.family() == b.dst.family()
        && !(rule9 == Rule9.IPV6_ONLY_64 && a.dst.family() == Family.IPV4)) {
      if (a.prefix != b.prefix) {
        return a.prefix > b.prefix ? 9 : -9;
      }
    }
    // Rule 10: leave the order unchanged
    return 0;
  }

  static Decision decision(Ranked first, Ranked second, Rule9 rule9) {
    int c = compare(first, second, rule9);
    if (c == 0) {
      return new Decision(first.dst, second.dst, TIE, "rule 10 (tie: input order kept)");
    }
    Ranked w = c > 0 ? first : second;
    Ranked l = c > 0 ? second : first;
    return new Decision(w.dst, l.dst, Math.abs(c), reason(Math.abs(c), w, l));
  }

  private static String reason(int rule, Ranked w, Ranked l) {
    return switch (rule) {
      case 1 -> String.format(Locale.ROOT, "rule 1 (avoid unusable destinations: the client has no %s source address)",
          l.dst.family().key());
      case 2 -> String.format(Locale.ROOT,
          "rule 2 (prefer matching scope: %s source for a %s destination, vs %s source for a %s destination)",
          scopeName(w.srcScope), scopeName(w.dstScope), scopeName(l.srcScope), scopeName(l.dstScope));
      case 3 -> String.format(Locale.ROOT, "rule 3 (avoid deprecated addresses: the source for %s, %s, is deprecated)",
          l.dst.text(), l.src.text());
      case 5 -> String.format(Locale.ROOT,
          "rule 5 (prefer matching label: source label %d = destination label %d, vs %d != %d)",
          w.srcLabel, w.dstLabel, l.srcLabel, l.dstLabel);
      case 6 -> String.format(Locale.ROOT, "rule 6 (higher precedence: %d > %d)", w.precedence, l.precedence);
      case 8 -> String.format(Locale.ROOT, "rule 8 (smaller scope: %s < %s)", scopeName(w.dstScope), scopeName(l.dstScope));
      case 9 -> String.format(Locale.ROOT, "rule 9 (longest matching prefix: %d > %d bits)", w.prefix, l.prefix);
      default -> throw new IllegalStateException("rule " + rule);
    };
  }

  private static String scopeName(int scope) {
    return switch (scope) {
      case 0x1 -> "interface-local";
      case SCOPE_LINK_LOCAL -> "link-local";
      case 0x4 -> "admin-local";
      case SCOPE_SITE_LOCAL -> "site-local";
      case 0x8 -> "organization-local";
      case SCOPE_GLOBAL -> "global";
      default -> "scope " + scope;
    };
  }
}
