package org.dialsim.stack;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.model.Address;

/**
 * {@code order: rfc6724} for the simulation: maps address numbers through {@link Rfc6724}.
 *
 * <p>With {@code policy_table: glibc} it sorts as glibc's getaddrinfo does (its rule 9 and its
 * IPv4 scopes); with any other table as Go's net package does (rule 9 only between IPv6
 * destinations, over 64 bits), which is what the issue tracker and most stacks mean by
 * "RFC 6724 order" in practice.
 */
final class Rfc6724Order {
  private Rfc6724Order() {}

  static int[] sort(StackConfig stack, int[] order, Address[] addresses, List<Address> sources, List<String> notes, boolean explain) {
    boolean glibc = "glibc".equals(stack.policyTableName());
    Rfc6724.Rule9 rule9 = glibc ? Rfc6724.Rule9.GLIBC : Rfc6724.Rule9.IPV6_ONLY_64;
    Rfc6724.Ipv4Scopes scopes = glibc ? Rfc6724.Ipv4Scopes.GLIBC : Rfc6724.Ipv4Scopes.RFC6724;
    List<Address> dests = new ArrayList<>(order.length);
    for (int a : order) {
      dests.add(addresses[a]);
    }
    int[] out = Ordering.numbersOf(Rfc6724.sort(dests, sources, stack.policyTable(), rule9, scopes), order, addresses);
    if (explain) {
      notes.add("order rfc6724 (policy table " + stack.policyTableName() + "): " + Ordering.list(out, addresses));
      for (Rfc6724.Decision d : Rfc6724.explain(dests, sources, stack.policyTable(), rule9, scopes)) {
        notes.add("  " + d.sentence());
      }
    }
    return out;
  }
}
