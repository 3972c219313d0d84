package org.dialsim.stack;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.model.Address;
import org.dialsim.model.Family;

/**
 * RFC 8305 section 4 address interleaving: after the "First Address Family Count" addresses of
 * the preferred family, the families alternate, so one broken family cannot hold back every
 * early attempt; what is left of the longer family goes at the end. Within each family the
 * input order is kept.
 *
 * <p>{@link #interleave(List, int)} behaves exactly like CPython's
 * {@code asyncio.base_events._interleave_addrinfos(addrinfos, first_address_family_count)}: the
 * first family is the family of the first address, {@code count - 1} addresses of it are taken,
 * then the two families go round-robin starting with the first family. OkHttp's
 * {@code reorderForHappyEyeballs} ({@code okhttp3/internal/connection/InetAddressOrder.kt})
 * always starts with IPv6 whatever the input's first address, with a count of 1: that is
 * {@link #interleave(List, int, Family)} with {@code (1, IPV6)}.
 */
public final class Interleave {
  private Interleave() {}

  /**
   * Interleaves with the family of the first address first (CPython, RFC 8305 section 4).
   *
   * @param ordered the addresses in their sorted order
   * @param firstFamilyCount how many of the first family lead; 0 or less returns the order unchanged
   * @return a new list with the same addresses
   */
  public static List<Address> interleave(List<Address> ordered, int firstFamilyCount) {
    if (firstFamilyCount <= 0 || ordered.isEmpty()) {
      return new ArrayList<>(ordered);
    }
    return interleave(ordered, firstFamilyCount, ordered.get(0).family());
  }

  /**
   * Interleaves with a given family first, whatever the first address is (OkHttp: IPv6).
   *
   * @param ordered the addresses in their sorted order
   * @param firstFamilyCount how many of {@code firstFamily} lead; 0 or less returns the order unchanged
   * @param firstFamily the family that leads
   * @return a new list with the same addresses; unchanged in order when only one family is present
   */
  public static List<Address> interleave(List<Address> ordered, int firstFamilyCount, Family firstFamily) {
    if (firstFamilyCount <= 0) {
      return new ArrayList<>(ordered);
    }
    List<Address> first = new ArrayList<>();
    List<Address> other = new ArrayList<>();
    for (Address a : ordered) {
      (a.family() == firstFamily ? first : other).add(a);
    }
    List<Address> out = new ArrayList<>(ordered.size());
    int i = 0;
    // CPython: reordered.extend(addrinfos_lists[0][:first_address_family_count - 1]), then roundrobin
    while (i < first.size() && i < firstFamilyCount - 1) {
      out.add(first.get(i++));
    }
    int j = 0;
    while (i < first.size() || j < other.size()) {
      if (i < first.size()) {
        out.add(first.get(i++));
      }
      if (j < other.size()) {
        out.add(other.get(j++));
      }
    }
    return out;
  }
}
