package org.dialsim.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.dialsim.model.Address;
import org.dialsim.model.Family;

/**
 * Turns the addresses a resolver returned into the order a stack tries them: family filter,
 * then {@code order}, then RFC 8305 section 4 interleaving, then what the client remembers
 * ({@code memory}). With {@code explain} it says, step by step, what moved and why.
 */
public final class Ordering {
  /**
   * The ordered addresses and, when asked for, the reasons.
   *
   * @param order address numbers in the order they will be tried
   * @param notes one sentence per step that changed something
   */
  public record Result(int[] order, List<String> notes) {}

  private Ordering() {}

  /**
   * Orders one call's addresses.
   *
   * @param stack the stack
   * @param received address numbers as the resolver returned them
   * @param addresses the address table the numbers index
   * @param sources the client's own addresses (RFC 6724)
   * @param recall what this client remembers
   * @param now the current time
   * @param shuffle the client's shuffle stream, asked for only by {@code order: shuffle}
   * @param explain true to collect notes
   */
  public static Result order(StackConfig stack, int[] received, Address[] addresses, List<Address> sources,
      Recall recall, long now, Supplier<UniformRandomProvider> shuffle, boolean explain) {
    List<String> notes = explain ? new ArrayList<>() : List.of();
    int[] order = Arrays.stream(received).filter(a -> stack.allows(addresses[a].family())).toArray();
    if (explain && order.length < received.length) {
      notes.add("families " + familiesText(stack) + ": " + (received.length - order.length) + " address(es) of other families dropped");
    }
    int[] before = order.clone();
    switch (stack.order()) {
      case DNS -> { }
      case PREFER_IPV4 -> order = preferFamily(order, addresses, Family.IPV4);
      case PREFER_IPV6 -> order = preferFamily(order, addresses, Family.IPV6);
      case SHUFFLE -> shuffle(order, shuffle.get());
      case RFC6724 -> order = Rfc6724Order.sort(stack, order, addresses, sources, notes, explain);
    }
    if (explain && stack.order() != Order.RFC6724) {
      notes.add(Arrays.equals(before, order) ? "order " + stack.order().key() + ": the DNS order stands"
          : "order " + stack.order().key() + ": " + list(order, addresses));
    }
    if (stack.interleave() > 0) {
      int[] mixed = interleave(order, addresses, stack.interleave());
      if (explain && !Arrays.equals(mixed, order)) {
        notes.add("interleave " + stack.interleave() + " (RFC 8305 section 4): " + list(mixed, addresses));
      }
      order = mixed;
    }
    // memory last, as OkHttp's RouteSelector does: interleave, then postpone failed routes, so a
    // failed address cannot come back second; without interleaving the order makes no difference
    int[] remembered = order.clone();
    if (recall.reorder(remembered, remembered.length, now)) {
      if (explain) {
        notes.add("memory " + stack.memory().kind().key() + ": " + list(remembered, addresses) + memoryWhy(stack, remembered, addresses, recall, now));
      }
      order = remembered;
    }
    return new Result(order, notes);
  }

  /** A stable partition: {@code first}'s addresses ahead, each family in its own order. */
  static int[] preferFamily(int[] order, Address[] addresses, Family first) {
    int[] out = new int[order.length];
    int k = 0;
    for (int a : order) {
      if (addresses[a].family() == first) {
        out[k++] = a;
      }
    }
    for (int a : order) {
      if (addresses[a].family() != first) {
        out[k++] = a;
      }
    }
    return out;
  }

  private static void shuffle(int[] order, UniformRandomProvider rng) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  private static int[] interleave(int[] order, Address[] addresses, int firstFamilyCount) {
    List<Address> list = new ArrayList<>(order.length);
    for (int a : order) {
      list.add(addresses[a]);
    }
    return numbersOf(Interleave.interleave(list, firstFamilyCount), order, addresses);
  }

  /** The address numbers of {@code reordered}, a permutation of the addresses of {@code order}. */
  static int[] numbersOf(List<Address> reordered, int[] order, Address[] addresses) {
    int[] out = new int[order.length];
    boolean[] used = new boolean[order.length];
    for (int k = 0; k < reordered.size(); k++) {
      for (int i = 0; i < order.length; i++) {
        if (!used[i] && addresses[order[i]].equals(reordered.get(k))) {
          used[i] = true;
          out[k] = order[i];
          break;
        }
      }
    }
    return out;
  }

  private static String memoryWhy(StackConfig stack, int[] order, Address[] addresses, Recall recall, long now) {
    if (stack.memory().kind() != Memory.Kind.AVOID_FAILED) {
      return " (the address that connected last goes first)";
    }
    List<String> avoided = new ArrayList<>();
    for (int a : order) {
      if (recall.avoided(a, now)) {
        avoided.add(addresses[a].text());
      }
    }
    return " (" + String.join(", ", avoided) + (avoided.size() == 1 ? " failed before and goes last)" : " failed before and go last)");
  }

  static String list(int[] order, Address[] addresses) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < order.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(addresses[order[i]].text());
    }
    return sb.toString();
  }

  private static String familiesText(StackConfig stack) {
    StringBuilder sb = new StringBuilder("[");
    for (Family f : stack.families()) {
      sb.append(sb.length() > 1 ? ", " : "").append(f.key());
    }
    return sb.append(']').toString();
  }
}
