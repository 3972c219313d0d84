package org.dialsim.stack;

import static org.dialsim.stack.Rfc6724.IPV6_PREFIX_BITS;
import static org.dialsim.stack.Rfc6724.label;
import static org.dialsim.stack.Rfc6724.scope;

import java.util.List;
import java.util.Set;
import org.dialsim.model.Address;
import org.dialsim.model.Family;

/** RFC 6724 section 5's source address rules for {@link Rfc6724#source(Address, List, Set, List)}. */
final class SourceRules {

  private SourceRules() {}

  /** RFC 6724 section 5: true when SA is strictly better than SB for destination D. */
  static boolean betterSource(Address sa, Address sb, Address d, Set<Address> deprecated, List<PolicyRow> table) {
    // Rule 1: prefer same address
    if (sa.equals(d) != sb.equals(d)) {
      return sa.equals(d);
    }
    // Rule 2: prefer appropriate scope (the kernel picks sources: RFC scopes, never glibc's)
    int sca = scope(sa);
    int scb = scope(sb);
    int scd = scope(d);
    if (sca < scb) {
      return sca >= scd; // SA is smaller: keep it only if it still reaches D's scope
    }
    if (scb < sca) {
      return scb < scd;
    }
    // Rule 3: avoid deprecated addresses
    boolean da = deprecated.contains(sa);
    boolean db = deprecated.contains(sb);
    if (da != db) {
      return !da;
    }
    // Rule 6: prefer matching label
    int ld = label(d, table);
    boolean la = label(sa, table) == ld;
    boolean lb = label(sb, table) == ld;
    if (la != lb) {
      return la;
    }
    // Rule 8: longest matching prefix, up to the source's prefix (section 2.2)
    return sourcePrefix(sa, d) > sourcePrefix(sb, d);
  }

  private static int sourcePrefix(Address s, Address d) {
    int cpl = s.commonPrefixLength(d);
    return s.family() == Family.IPV6 ? Math.min(cpl, IPV6_PREFIX_BITS) : cpl;
  }

  static boolean unicast(Address a) {
    if (a.family() == Family.IPV4) {
      int first = (int) (a.lo() >>> 24) & 0xff;
      return a.lo() != 0 && (first < 224 || first > 239);
    }
    return !(a.hi() == 0 && a.lo() == 0) && (a.hi() >>> 56) != 0xff;
  }
}
