package org.dialsim.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.dialsim.model.Address;
import org.dialsim.model.Family;
import org.dialsim.model.Prefix;

/**
 * RFC 6724 section 6 destination address selection: the order in which a getaddrinfo-style
 * resolver hands a name's addresses to the application, given the client's own addresses.
 *
 * <p>What is modelled: source address selection (section 5 rules 1, 2, 3, 6 and 8), and
 * destination rules 1, 2, 3, 5, 6, 8, 9 and 10; rule 3 needs the caller to say which sources
 * are deprecated (scenarios cannot say so yet, so there it never decides). What is not, and why:
 * <ul>
 *   <li>rule 4 (prefer home addresses): dialsim's source addresses carry no Mobile IPv6 state;
 *   <li>rule 7 (prefer native transport): it is about the path (a tunnel interface), not the
 *       destination prefix. The RFC's own discussion of rule 7 says prefix-identifiable
 *       mechanisms such as 6to4 (2002::/16) and Teredo (2001::/32) are already de-preferred by
 *       their low precedence in the policy table (rule 6); glibc decides rule 7 from the
 *       interface type ({@code __check_native}), which dialsim does not model, and Go
 *       ({@code src/net/addrselect.go}) leaves it unimplemented. So 2002::/16 and 2001::/32
 *       destinations are not treated as encapsulated here.
 * </ul>
 *
 * <p>The sort is stable (rule 10). It is the straight insertion sort Go's {@code sort.Stable}
 * runs on lists of up to 20 elements, so where the rules are not transitive (rule 9 compares
 * only addresses of one family) the order still matches Go's for such lists, and it never
 * fails the way {@code List.sort} may on an inconsistent comparator.
 */
public final class Rfc6724 {

  /** Which rule 9 (longest matching prefix) a stack applies. */
  public enum Rule9 {
    /**
     * RFC 6724 as written: between two destinations of the same family, both IPv4 and IPv6,
     * comparing the full common prefix length with each destination's source.
     */
    RFC,
    /**
     * Go ({@code src/net/addrselect.go}): only when both destinations are IPv6 ("applying this
     * rule to IPv4 addresses causes problems (see issues 13283 and 18518), so limit to IPv6"),
     * and the common prefix is counted over the first 64 bits only ({@code commonPrefixLen}).
     * Two IPv4 destinations are never reordered by this rule.
     */
    IPV6_ONLY_64,
    /**
     * glibc ({@code sysdeps/posix/getaddrinfo.c}, {@code rfc3484_sort}): IPv6 compares the full
     * 128 bits; IPv4 counts the common prefix only when the destination lies inside the
     * source's subnet, otherwise 0. glibc takes the subnet from the interface's prefix length
     * (netlink, {@code check_pf.c}); dialsim has no netmask and assumes a /24
     * ({@link Rfc6724#GLIBC_IPV4_SUBNET_BITS}). When glibc has no interface list (a host without any
     * IPv6 address) its prefix length stays 0 and {@code 0xffffffffu << 32} is undefined in C;
     * x86 masks the shift count, giving an all-ones mask, so IPv4 rule 9 then decides only for a
     * destination equal to the source. That case is not modelled: the /24 is always assumed.
     */
    GLIBC
  }

  /** Which scope IPv4 addresses have (rules 2 and 8); IPv6 scopes are the same in both. */
  public enum Ipv4Scopes {
    /**
     * RFC 6724 section 3.2: 169.254/16 and 127/8 are link-local, every other IPv4 address is
     * global (private 10/8, 172.16/12 and 192.168/16 included).
     */
    RFC6724,
    /**
     * glibc's built-in {@code default_scopes} (getaddrinfo.c, from RFC 3484): 169.254/16 and
     * 127/8 link-local (2), 10/8, 172.16/12 and 192.168/16 site-local (5), the rest global (14).
     * On a NATed host (private IPv4 source, public IPv4 destination) rule 2 then prefers IPv6
     * even when {@code /etc/gai.conf} raises IPv4's precedence.
     */
    GLIBC
  }

  /**
   * Why one destination goes before another.
   *
   * @param preferred the destination that goes first
   * @param other the one that goes after it
   * @param rule the deciding rule, 1 to 10 (10: no rule separated them; input order kept)
   * @param reason the rule and the values it compared, for example
   *     {@code rule 6 (higher precedence: 40 > 35)}
   */
  public record Decision(Address preferred, Address other, int rule, String reason) {
    /** One sentence: {@code 2001:db8::1 goes before 192.0.2.1 by rule 6 (higher precedence: 40 > 35)}. */
    public String sentence() {
      return String.format(Locale.ROOT, "%s %s before %s by %s",
          preferred.text(), rule == TIE ? "stays" : "goes", other.text(), reason);
    }
  }

  /**
   * The RFC 6724 section 2.1 default policy table, in the RFC's row order. IPv4 addresses
   * match the {@code ::ffff:0:0/96} row through their IPv4-mapped form.
   */
  public static final List<PolicyRow> DEFAULT_TABLE = List.of(
      row("::1/128", 50, 0),
      row("::/0", 40, 1),
      new PolicyRow(ipv4Mapped96(), 35, 4),
      row("2002::/16", 30, 2),
      row("2001::/32", 5, 5),
      row("fc00::/7", 3, 13),
      row("::/96", 1, 3),
      row("fec0::/10", 1, 11),
      row("3ffe::/16", 1, 12));

  /**
   * glibc's built-in RFC 3484 table, used when {@code /etc/gai.conf} has no rows
   * ({@code default_labels} and {@code default_precedence} in {@code sysdeps/posix/getaddrinfo.c},
   * read from the bminor/glibc mirror at commit 002be9b8, a release before 2.33; the defaults
   * listed in the comments of glibc's {@code posix/gai.conf}, 2.12 and later copies, agree).
   *
   * <p>glibc keeps two lists. Precedence: ::1/128 50, 2002::/16 30, ::/96 20,
   * ::ffff:0:0/96 10, ::/0 40. Labels: ::1/128 0, 2002::/16 2, ::/96 3, ::ffff:0:0/96 4,
   * fec0::/10 5, fc00::/7 6, 2001::/32 7, ::/0 1. They are merged here into one table: the
   * three prefixes with a label but no precedence row (fec0::/10, fc00::/7 and Teredo
   * 2001::/32) take the precedence of ::/0, 40, exactly what glibc's longest match gives them.
   * So there is no ULA precedence row: a ULA destination has precedence 40 and beats IPv4 (10),
   * though it still needs a ULA source to pass rule 5 (label 6) against an IPv4 destination.
   * Not verified: the newest release's source itself (only the commit above was read).
   */
  public static final List<PolicyRow> GLIBC_TABLE = List.of(
      row("::1/128", 50, 0),
      row("::/0", 40, 1),
      row("2002::/16", 30, 2),
      row("::/96", 20, 3),
      new PolicyRow(ipv4Mapped96(), 10, 4),
      row("fec0::/10", 40, 5),
      row("fc00::/7", 40, 6),
      row("2001::/32", 40, 7));

  /** The IPv4 subnet length {@link Rule9#GLIBC} assumes for the source: a /24. */
  public static final int GLIBC_IPV4_SUBNET_BITS = 24;

  /** Label of an address no table row covers (a custom table without ::/0); no built-in row uses it. */
  public static final int NO_LABEL = -1;

  // RFC 4007 / RFC 6724 section 3.1 scope values (the multicast scope field's numbers)
  static final int SCOPE_LINK_LOCAL = 0x2;
  static final int SCOPE_SITE_LOCAL = 0x5;
  static final int SCOPE_GLOBAL = 0xe;

  static final int TIE = 10;
  // RFC 6724 section 2.2: CommonPrefixLen stops at the source's prefix; Go and this model take /64
  static final int IPV6_PREFIX_BITS = 64;

  private Rfc6724() {}

  /**
   * Orders destinations by RFC 6724 section 6 with RFC 6724 section 3.2 IPv4 scopes.
   *
   * @param destinations the resolved addresses, in the order received (rule 10 keeps it on ties)
   * @param sources the client's own addresses, the candidate source addresses; empty means
   *     "one suitable global source per family, sharing no prefix with anything", so rules 2
   *     and 5 see a matching source and rule 9 never decides
   * @param table the policy table, for example {@link #DEFAULT_TABLE}
   * @param rule9 which rule 9 to apply
   * @return a new list: usable destinations first, destinations of a family the client has no
   *     source for last (rule 1), never dropped
   */
  public static List<Address> sort(List<Address> destinations, List<Address> sources, List<PolicyRow> table, Rule9 rule9) {
    return sort(destinations, sources, table, rule9, Ipv4Scopes.RFC6724);
  }

  /** As {@link #sort(List, List, List, Rule9)}, with a choice of IPv4 scopes (glibc's for {@code linux-glibc}). */
  public static List<Address> sort(List<Address> destinations, List<Address> sources, List<PolicyRow> table,
      Rule9 rule9, Ipv4Scopes scopes) {
    return sort(destinations, sources, Set.of(), table, rule9, scopes);
  }

  /**
   * As {@link #sort(List, List, List, Rule9, Ipv4Scopes)}, with some sources deprecated (their
   * preferred lifetime over): section 5 rule 3 avoids them as sources, section 6 rule 3 puts
   * destinations that would use one after those that would not.
   */
  public static List<Address> sort(List<Address> destinations, List<Address> sources, Set<Address> deprecated,
      List<PolicyRow> table, Rule9 rule9, Ipv4Scopes scopes) {
    DestinationRules.Ranked[] ranked = DestinationRules.rank(destinations, sources, deprecated, table, rule9, scopes);
    DestinationRules.insertionSort(ranked, rule9);
    List<Address> out = new ArrayList<>(ranked.length);
    for (DestinationRules.Ranked r : ranked) {
      out.add(r.dst);
    }
    return out;
  }

  /**
   * Precomputes everything the rules compare for a fixed table of destinations (a plan's
   * address numbers), so that sorting one call's addresses allocates nothing.
   *
   * @param destinations the addresses, indexed by their numbers
   * @param sources the client's own addresses, as for {@link #sort(List, List, List, Rule9, Ipv4Scopes)}
   * @param table the policy table
   * @param rule9 which rule 9 to apply
   * @param scopes which IPv4 scopes to apply
   */
  public static Ranking ranking(List<Address> destinations, List<Address> sources, List<PolicyRow> table,
      Rule9 rule9, Ipv4Scopes scopes) {
    return new Ranking(DestinationRules.rank(destinations, sources, Set.of(), table, rule9, scopes), rule9);
  }

  /**
   * The ranks of a plan's destinations: sorts address numbers exactly as
   * {@link #sort(List, List, List, Rule9, Ipv4Scopes)} sorts the addresses they stand for
   * (each destination's rank depends only on it and the sources, never on the other
   * destinations, so ranking the whole table once is the same as ranking each call's list).
   */
  public static final class Ranking {
    private final DestinationRules.Ranked[] byNumber;
    private final Rule9 rule9;

    private Ranking(DestinationRules.Ranked[] byNumber, Rule9 rule9) {
      this.byNumber = byNumber;
      this.rule9 = rule9;
    }

    /** Sorts the address numbers {@code order[0..n)} in place (stable: rule 10 keeps ties). */
    public void sort(int[] order, int n) {
      for (int i = 1; i < n; i++) {
        for (int j = i; j > 0 && DestinationRules.compare(byNumber[order[j]], byNumber[order[j - 1]], rule9) > 0; j--) {
          int t = order[j];
          order[j] = order[j - 1];
          order[j - 1] = t;
        }
      }
    }
  }

  /**
   * The rule that decides between two destinations, for teaching: for example
   * {@code "rule 6 (higher precedence: 40 > 35)"}, the winner's value first whatever the argument
   * order; null when no rule separates them (rule 10 keeps their input order).
   */
  public static String decidingRule(Address a, Address b, List<Address> sources, List<PolicyRow> table, Rule9 rule9) {
    Decision d = decide(a, b, sources, table, rule9, Ipv4Scopes.RFC6724);
    return d.rule() == TIE ? null : d.reason();
  }

  /**
   * Which of two destinations goes first and why; {@code a} is taken as the earlier one in
   * the input, so a tie keeps {@code a} first.
   */
  public static Decision decide(Address a, Address b, List<Address> sources, List<PolicyRow> table,
      Rule9 rule9, Ipv4Scopes scopes) {
    DestinationRules.Ranked[] r = DestinationRules.rank(List.of(a, b), sources, Set.of(), table, rule9, scopes);
    return DestinationRules.decision(r[0], r[1], rule9);
  }

  /**
   * Sorts and says, for each neighbouring pair of the result, which rule put the first ahead of
   * the second: {@code size() - 1} decisions, in the sorted order.
   */
  public static List<Decision> explain(List<Address> destinations, List<Address> sources, List<PolicyRow> table,
      Rule9 rule9, Ipv4Scopes scopes) {
    DestinationRules.Ranked[] ranked = DestinationRules.rank(destinations, sources, Set.of(), table, rule9, scopes);
    DestinationRules.insertionSort(ranked, rule9);
    List<Decision> out = new ArrayList<>();
    for (int i = 0; i + 1 < ranked.length; i++) {
      out.add(DestinationRules.decision(ranked[i], ranked[i + 1], rule9));
    }
    return out;
  }

  /**
   * The source address RFC 6724 section 5 picks for a destination from the candidates of its
   * family; empty when the client has no address of that family. Rules applied: 1 (same
   * address), 2 (appropriate scope), 6 (matching label), 8 (longest matching prefix, IPv6 counted
   * over the /64 prefix); 3, 4, 5, 5.5 and 7 need interface, lifetime or mobility state dialsim
   * does not have. Remaining ties go to the candidate listed first.
   */
  public static Optional<Address> source(Address destination, List<Address> sources, List<PolicyRow> table) {
    return source(destination, sources, Set.of(), table);
  }

  /** As {@link #source(Address, List, List)}, avoiding deprecated sources (section 5 rule 3). */
  public static Optional<Address> source(Address destination, List<Address> sources, Set<Address> deprecated,
      List<PolicyRow> table) {
    Address best = null;
    for (Address s : sources) {
      if (s.family() != destination.family() || !SourceRules.unicast(s)) {
        continue; // section 4: multicast and unspecified addresses are never candidates
      }
      if (best == null || SourceRules.betterSource(s, best, destination, deprecated, table)) {
        best = s;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Precedence(A): the precedence of the longest table row that covers A (IPv4 as ::ffff:a.b.c.d); 0 if none. */
  public static int precedence(Address a, List<PolicyRow> table) {
    PolicyRow r = lookup(a, table);
    return r == null ? 0 : r.precedence();
  }

  /** Label(A), as {@link #precedence}; {@link #NO_LABEL} if no row covers A. */
  public static int label(Address a, List<PolicyRow> table) {
    PolicyRow r = lookup(a, table);
    return r == null ? NO_LABEL : r.label();
  }

  /**
   * Scope(A) as RFC 6724 section 3.1 numbers it: 2 link-local (fe80::/10, ::1, 169.254/16,
   * 127/8), 5 site-local (deprecated fec0::/10), the multicast scope field for ff00::/8, 14 global.
   */
  public static int scope(Address a) {
    return scope(a, Ipv4Scopes.RFC6724);
  }

  /** Scope(A) with a choice of IPv4 scopes. */
  public static int scope(Address a, Ipv4Scopes scopes) {
    if (a.family() == Family.IPV4) {
      int v = (int) a.lo();
      int first = v >>> 24;
      if (first == 127 || (v >>> 16) == 0xa9fe) {
        return SCOPE_LINK_LOCAL; // RFC 6724 section 3.2; glibc default_scopes agrees
      }
      if (scopes == Ipv4Scopes.GLIBC
          && (first == 10 || (v >>> 20) == 0xac1 || (v >>> 16) == 0xc0a8)) {
        return SCOPE_SITE_LOCAL; // glibc default_scopes: 10/8, 172.16/12, 192.168/16
      }
      return SCOPE_GLOBAL;
    }
    int top = (int) (a.hi() >>> 48);
    if ((top >>> 8) == 0xff) {
      return top & 0xf; // multicast: the scope field (RFC 4291 section 2.7)
    }
    if ((top & 0xffc0) == 0xfe80 || (a.hi() == 0 && a.lo() == 1)) {
      return SCOPE_LINK_LOCAL; // RFC 4007 section 4: the loopback address is link-local
    }
    if ((top & 0xffc0) == 0xfec0) {
      return SCOPE_SITE_LOCAL; // RFC 3879 deprecated site-local
    }
    return SCOPE_GLOBAL;
  }

  // ---- policy table --------------------------------------------------------------------------

  /** The longest row covering {@code a}; the first of equal rows. IPv4 is looked up as ::ffff:a.b.c.d. */
  private static PolicyRow lookup(Address a, List<PolicyRow> table) {
    Address key = a.family() == Family.IPV4 ? mapped(a) : a;
    PolicyRow best = null;
    int bestLength = -1;
    for (PolicyRow r : table) {
      Prefix p = r.prefix();
      int length;
      if (p.network().family() == Family.IPV6) {
        if (!p.contains(key)) {
          continue;
        }
        length = p.length();
      } else {
        // a row written as an IPv4 prefix (a.b.c.d/n) means ::ffff:a.b.c.d/(96 + n)
        if (a.family() != Family.IPV4 || !p.contains(a)) {
          continue;
        }
        length = 96 + p.length();
      }
      if (length > bestLength) {
        best = r;
        bestLength = length;
      }
    }
    return best;
  }

  /** The IPv4-mapped IPv6 form ::ffff:a.b.c.d (RFC 4291 section 2.5.5.2). */
  private static Address mapped(Address v4) {
    return new Address("::ffff:" + v4.text(), Family.IPV6, 0L, 0xffff_0000_0000L | (v4.lo() & 0xffff_ffffL));
  }

  /**
   * ::ffff:0:0/96, built by hand: {@code Address.parse} turns an IPv4-mapped literal into IPv4,
   * so {@code Prefix.of("::ffff:0:0/96")} would be a 96-bit IPv4 prefix and fail.
   */
  private static Prefix ipv4Mapped96() {
    return new Prefix(new Address("::ffff:0:0", Family.IPV6, 0L, 0xffff_0000_0000L), 96);
  }

  private static PolicyRow row(String prefix, int precedence, int label) {
    return new PolicyRow(Prefix.of(prefix), precedence, label);
  }
}
