package org.dialsim.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.dialsim.model.Address;
import org.dialsim.model.Family;

/**
 * Turns the addresses a resolver returned into the order a stack tries them: family filter,
 * then {@code order}, then RFC 8305 section 4 interleaving, then what the client remembers
 * ({@code memory}). Asked for notes, it says step by step what moved and why.
 *
 * <p>One instance serves every call of one stack on one thread: it works on address numbers in
 * its own scratch arrays and allocates nothing unless notes are asked for (only the call that
 * {@code explain} traces). RFC 6724's per-destination ranks are worked out once, in the
 * constructor.
 */
public final class Ordering {
  private final StackConfig stack;
  private final Address[] addresses;
  private final List<Address> sources;
  private final boolean[] allowed; // by address number
  private final Family[] families; // by address number
  private final Rfc6724.Rule9 rule9;
  private final Rfc6724.Ipv4Scopes scopes;
  private final Rfc6724.Ranking ranking; // null unless order: rfc6724
  private final int[] scratch;
  private final int[] first;
  private final int[] other;

  /**
   * An ordering for one stack over a plan's address table.
   *
   * @param stack the stack
   * @param addresses the address table the numbers index
   * @param sources the client's own addresses (RFC 6724)
   * @param capacity the most addresses one call can hold
   */
  public Ordering(StackConfig stack, Address[] addresses, List<Address> sources, int capacity) {
    this.stack = stack;
    this.addresses = addresses.clone();
    this.sources = List.copyOf(sources);
    this.allowed = new boolean[addresses.length];
    this.families = new Family[addresses.length];
    for (int a = 0; a < addresses.length; a++) {
      families[a] = addresses[a].family();
      allowed[a] = stack.allows(families[a]);
    }
    // glibc's getaddrinfo sorts with its own rule 9 and IPv4 scopes; with any other table dialsim
    // sorts as Go's net package does (rule 9 only between IPv6 destinations, over 64 bits), which
    // is what most stacks mean by "RFC 6724 order" in practice
    boolean glibc = "glibc".equals(stack.policyTableName());
    this.rule9 = glibc ? Rfc6724.Rule9.GLIBC : Rfc6724.Rule9.IPV6_ONLY_64;
    this.scopes = glibc ? Rfc6724.Ipv4Scopes.GLIBC : Rfc6724.Ipv4Scopes.RFC6724;
    this.ranking = stack.order() == Order.RFC6724
        ? Rfc6724.ranking(List.of(addresses), sources, stack.policyTable(), rule9, scopes) : null;
    this.scratch = new int[capacity];
    this.first = new int[capacity];
    this.other = new int[capacity];
  }

  /**
   * Orders one call's addresses.
   *
   * @param received address numbers as the resolver returned them, {@code received[0..n)}
   * @param n how many
   * @param out where the order goes (room for {@code n})
   * @param recall what the clients remember
   * @param client the client whose call this is
   * @param now the current time
   * @param shuffle the client's shuffle stream; drawn from only by {@code order: shuffle}
   * @param notes null, or a list that receives one sentence per step that changed something
   * @return how many addresses {@code out} holds
   */
  public int order(int[] received, int n, int[] out, Recall recall, int client, long now, UniformRandomProvider shuffle,
      List<String> notes) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (allowed[received[i]]) {
        out[k++] = received[i];
      }
    }
    if (notes != null && k < n) {
      notes.add("families " + familiesText() + ": " + (n - k) + " address(es) of other families dropped");
    }
    int[] before = notes != null ? Arrays.copyOf(out, k) : null;
    switch (stack.order()) {
      case DNS -> { }
      case PREFER_IPV4 -> preferFamily(out, k, Family.IPV4);
      case PREFER_IPV6 -> preferFamily(out, k, Family.IPV6);
      case SHUFFLE -> shuffle(out, k, shuffle);
      case RFC6724 -> {
        ranking.sort(out, k);
        if (notes != null) {
          rfc6724Notes(before, out, k, notes);
        }
      }
    }
    if (notes != null && stack.order() != Order.RFC6724) {
      notes.add(Arrays.equals(before, 0, k, out, 0, k) ? "order " + stack.order().key() + ": the DNS order stands"
          : "order " + stack.order().key() + ": " + list(out, k));
    }
    if (stack.interleave() > 0 && k > 0) {
      boolean moved = interleave(out, k, stack.interleave());
      if (notes != null && moved) {
        notes.add("interleave " + stack.interleave() + " (RFC 8305 section 4): " + list(out, k));
      }
    }
    // memory last, as OkHttp's RouteSelector does: interleave, then postpone failed routes, so a
    // failed address cannot come back second; without interleaving the order makes no difference
    if (recall.reorder(client, out, k, now) && notes != null) {
      notes.add("memory " + stack.memory().kind().key() + ": " + list(out, k) + memoryWhy(out, k, recall, client, now));
    }
    return k;
  }

  /** A stable partition of {@code order[0..n)}: {@code lead}'s addresses ahead, each family in its own order. */
  private void preferFamily(int[] order, int n, Family lead) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (families[order[i]] == lead) {
        scratch[k++] = order[i];
      }
    }
    for (int i = 0; i < n; i++) {
      if (families[order[i]] != lead) {
        scratch[k++] = order[i];
      }
    }
    System.arraycopy(scratch, 0, order, 0, n);
  }

  private static void shuffle(int[] order, int n, UniformRandomProvider rng) {
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /**
   * RFC 8305 section 4 on address numbers, exactly as {@link Interleave#interleave(List, int)}:
   * the family of the first address leads with {@code count - 1} of its addresses, then the
   * families alternate. Returns true when something moved.
   */
  private boolean interleave(int[] order, int n, int count) {
    Family lead = families[order[0]];
    int nf = 0;
    int no = 0;
    for (int i = 0; i < n; i++) {
      if (families[order[i]] == lead) {
        first[nf++] = order[i];
      } else {
        other[no++] = order[i];
      }
    }
    int k = 0;
    int i = 0;
    while (i < nf && i < count - 1) {
      scratch[k++] = first[i++];
    }
    int j = 0;
    while (i < nf || j < no) {
      if (i < nf) {
        scratch[k++] = first[i++];
      }
      if (j < no) {
        scratch[k++] = other[j++];
      }
    }
    boolean moved = !Arrays.equals(scratch, 0, n, order, 0, n);
    System.arraycopy(scratch, 0, order, 0, n);
    return moved;
  }

  private void rfc6724Notes(int[] before, int[] sorted, int n, List<String> notes) {
    List<Address> dests = new ArrayList<>(n);
    for (int a : before) {
      dests.add(addresses[a]);
    }
    notes.add("order rfc6724 (policy table " + stack.policyTableName() + "): " + list(sorted, n));
    for (Rfc6724.Decision d : Rfc6724.explain(dests, sources, stack.policyTable(), rule9, scopes)) {
      notes.add("  " + d.sentence());
    }
  }

  private String memoryWhy(int[] order, int n, Recall recall, int client, long now) {
    if (stack.memory().kind() != Memory.Kind.AVOID_FAILED) {
      return " (the address that connected last goes first)";
    }
    List<String> avoided = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (recall.avoided(client, order[i], now)) {
        avoided.add(addresses[order[i]].text());
      }
    }
    return " (" + String.join(", ", avoided) + (avoided.size() == 1 ? " failed before and goes last)" : " failed before and go last)");
  }

  private String list(int[] order, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ", ").append(addresses[order[i]].text());
    }
    return sb.toString();
  }

  private String familiesText() {
    StringBuilder sb = new StringBuilder("[");
    for (Family f : stack.families()) {
      sb.append(sb.length() > 1 ? ", " : "").append(f.key());
    }
    return sb.append(']').toString();
  }
}
