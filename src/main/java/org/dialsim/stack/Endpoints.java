package org.dialsim.stack;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.dialsim.dns.NameServer;
import org.dialsim.dns.ServiceNames;
import org.dialsim.dns.ServiceResolution;
import org.dialsim.model.Family;

/**
 * The Happy Eyeballs v3 endpoint list of one try, built from scratch from what its resolution
 * holds, as draft-ietf-happy-happyeyeballs-v3-04 ("the draft") sections 5 to 7 describe:
 * <ol>
 *   <li>groups (sections 5.1 and 5.2): one per applying HTTPS record, lowest SvcPriority first
 *       ({@link ServiceResolution} chose and ordered them), then the origin's own addresses no
 *       "." record covers ({@code origin_fallback: unassociated}), or all of them as a last tier
 *       ({@code always}, the reference crate); without service information, the origin's
 *       addresses alone;
 *   <li>a group's addresses: its TargetName's A/AAAA answers, else its hints ({@code hints:
 *       replace}, RFC 9460 section 7.3), or the answers then the hints ({@code fallback});
 *   <li>within a group (section 5.3): the stack's {@link Ordering} (family filter, RFC 6724 or
 *       its own order, interleaving, memory);
 *   <li>QUIC and TCP (sections 3 and 5.1.1 leave their order to the client, so {@code
 *       quic.order} decides): {@code round-robin} deals queues of (protocol, family), QUIC first,
 *       one endpoint each per round, as mozilla/happy-eyeballs 0.11.0 {@code
 *       interleave_endpoints} does; {@code quic-first} and {@code parallel} put every QUIC
 *       endpoint before every TCP one;
 *   <li>each endpoint once: the same address, transport and port again is dropped (the crate's
 *       fallback tier is its own).
 * </ol>
 * One instance serves every call of one stack on one thread, in its own scratch arrays; only a
 * traced call's notes allocate.
 */
public final class Endpoints {
  private final ServiceNames names;
  private final StackConfig stack;
  private final Ordering ordering;
  private final Family[] families; // by address number
  private final int[] received;
  private final int[] ordered;
  private final int[] groupStart; // into groupAddresses, per group built
  private final int[] groupRecord; // record number, or -1 for the origin's group
  private final boolean[] groupTier;
  private final int[] groupAddresses;
  private final int[] a4;
  private final int[] a6;
  private int groups;
  private ServiceResolution res;
  private int[] outAddress;
  private int[] outMeta;
  private int count;

  /**
   * A builder for one stack.
   *
   * @param names the plan's names
   * @param stack the stack
   * @param ordering the stack's ordering (with room for every address of a name)
   * @param families the family of each address number of the plan
   */
  public Endpoints(ServiceNames names, StackConfig stack, Ordering ordering, Family[] families) {
    this.names = names;
    this.stack = stack;
    this.ordering = ordering;
    this.families = families.clone();
    int room = Math.max(1, families.length);
    this.received = new int[room];
    this.ordered = new int[room];
    this.a4 = new int[room];
    this.a6 = new int[room];
    int most = names.recordCount() + 1;
    this.groupStart = new int[most + 1];
    this.groupRecord = new int[most];
    this.groupTier = new boolean[most];
    this.groupAddresses = new int[Math.multiplyExact(most, room)];
  }

  /**
   * The most endpoints one try can hold: each address over both transports to each port, and
   * once more in the crate's fallback tier.
   */
  public static int capacity(ServiceNames names, int addresses) {
    return Math.max(1, Math.addExact(Math.multiplyExact(Math.multiplyExact(2, addresses), names.portCount()), addresses));
  }

  /**
   * Builds the list into {@code address[0..)} and {@code meta[0..)} (packed {@link Endpoint}s).
   *
   * @param res the try's resolution
   * @param recall what the clients remember
   * @param client the client
   * @param now the current time
   * @param shuffle the client's stream for {@code order: shuffle}, or null
   * @param notes null, or where each step that moved something is said
   * @return how many endpoints
   */
  public int build(ServiceResolution res, Recall recall, int client, long now, UniformRandomProvider shuffle,
      int[] address, int[] meta, List<String> notes) {
    this.res = res;
    outAddress = address;
    outMeta = meta;
    count = 0;
    groups = 0;
    groupStart[0] = 0;
    boolean records = res.service() == ServiceResolution.Service.RECORDS;
    boolean originCovered = false;
    if (records) {
      for (int i = 0; i < res.usableCount(); i++) {
        int r = res.usable(i);
        originCovered |= names.target(r) == 0;
        addGroup(res, r, false, recall, client, now, shuffle, notes);
      }
    }
    if (res.originIncluded()) {
      boolean always = records && stack.https().originFallback() == Https.OriginFallback.ALWAYS;
      if (!originCovered || always) {
        addGroup(res, -1, always && originCovered, recall, client, now, shuffle, notes);
      }
    }
    Quic.QuicOrder order = stack.quic().order();
    if (order == Quic.QuicOrder.ROUND_ROBIN) {
      for (int g = 0; g < groups; g++) {
        deal(g, true, true);
      }
    } else {
      for (int g = 0; g < groups; g++) {
        deal(g, true, false);
      }
      for (int g = 0; g < groups; g++) {
        deal(g, false, true);
      }
    }
    return count;
  }

  /** Orders one group's addresses and keeps them for dealing. */
  private void addGroup(ServiceResolution res, int r, boolean tier, Recall recall, int client, long now,
      UniformRandomProvider shuffle, List<String> notes) {
    int target = r < 0 ? 0 : names.target(r);
    int n4 = family(res, r, target, ServiceNames.A, a4);
    int n6 = family(res, r, target, ServiceNames.AAAA, a6);
    int k = NameServer.merge(names.slotTypes(target), a4, n4, a6, n6, received);
    if (notes != null) {
      notes.add(groupNote(res, r, tier, target, k));
    }
    int start = groupStart[groups];
    int m = ordering.order(received, k, ordered, recall, client, now, shuffle, notes);
    System.arraycopy(ordered, 0, groupAddresses, start, m);
    groupRecord[groups] = r;
    groupTier[groups] = tier;
    groups++;
    groupStart[groups] = start + m;
  }

  /** One family's addresses of a group: its answer, its hints, or both (hints after, not repeated). */
  private int family(ServiceResolution res, int r, int target, int type, int[] out) {
    int n = 0;
    boolean answered = res.positiveAnswer(target, type);
    if (answered) {
      int[] a = res.answers(target, type);
      int len = res.length(target, type);
      System.arraycopy(a, 0, out, 0, len);
      n = len;
    }
    if (r >= 0 && (!answered || stack.https().hints() == Https.Hints.FALLBACK)) {
      for (int h : names.hints(r, type)) {
        if (!contains(out, n, h)) {
          out[n++] = h;
        }
      }
    }
    return n;
  }

  /**
   * Deals group {@code g}'s endpoints: queues (QUIC, preferred family), (QUIC, other), (TCP,
   * preferred), (TCP, other), each in the group's order, one from each per round (the
   * preferred family's queues give {@code interleave} per round; without interleaving the
   * families are not split).
   */
  private void deal(int g, boolean quic, boolean tcp) {
    int r = groupRecord[g];
    int bits = r < 0 ? ServiceNames.H2 | ServiceNames.HTTP11 : names.alpn(r);
    boolean q = quic && r >= 0 && (bits & ServiceNames.H3) != 0 && res.quicUsable();
    boolean t = tcp && (bits & (ServiceNames.H2 | ServiceNames.HTTP11)) != 0;
    int start = groupStart[g];
    int end = groupStart[g + 1];
    if (start == end || !(q || t)) {
      return;
    }
    int port = r < 0 ? 0 : names.portIndex(r);
    int group = r + 1;
    int label = r < 0 ? Endpoint.LABEL_DEFAULT
        : Endpoint.tcpLabel((bits & ServiceNames.H2) != 0, (bits & ServiceNames.HTTP11) != 0);
    boolean split = stack.interleave() > 0;
    int lead = split ? stack.interleave() : 1;
    Family preferred = family(groupAddresses[start]);
    // cursors into the group's addresses per queue: QUIC preferred/other, TCP preferred/other
    int qp = start;
    int qo = start;
    int tp = start;
    int to = start;
    boolean more = true;
    while (more) {
      more = false;
      if (q) {
        for (int i = 0; i < lead && (qp = next(qp, end, preferred, split, true)) < end; i++) {
          add(groupAddresses[qp++], true, port, Endpoint.LABEL_H3, g, group);
          more = true;
        }
        if (split && (qo = next(qo, end, preferred, true, false)) < end) {
          add(groupAddresses[qo++], true, port, Endpoint.LABEL_H3, g, group);
          more = true;
        }
      }
      if (t) {
        for (int i = 0; i < lead && (tp = next(tp, end, preferred, split, true)) < end; i++) {
          add(groupAddresses[tp++], false, port, label, g, group);
          more = true;
        }
        if (split && (to = next(to, end, preferred, true, false)) < end) {
          add(groupAddresses[to++], false, port, label, g, group);
          more = true;
        }
      }
    }
  }

  /** The next position from {@code i} whose address is of the preferred family ({@code want}) or not; any when not split. */
  private int next(int i, int end, Family preferred, boolean split, boolean want) {
    while (i < end && split && (family(groupAddresses[i]) == preferred) != want) {
      i++;
    }
    return i;
  }

  private Family family(int a) {
    return families[a];
  }

  private void add(int a, boolean quic, int port, int label, int g, int group) {
    int e = Endpoint.of(quic, port, label, source(groupRecord[g], a), groupTier[g], group);
    for (int i = 0; i < count; i++) {
      if (outAddress[i] == a && Endpoint.same(outMeta[i], e)) {
        return;
      }
    }
    outAddress[count] = a;
    outMeta[count] = e;
    count++;
  }

  /** Where address {@code a} of record {@code r}'s group came from: an answer (which wins over an equal hint) or a hint. */
  private Endpoint.Source source(int r, int a) {
    if (r < 0) {
      return Endpoint.Source.ORIGIN;
    }
    int type = families[a] == Family.IPV4 ? ServiceNames.A : ServiceNames.AAAA;
    int t = names.target(r);
    boolean answered = res.positiveAnswer(t, type) && contains(res.answers(t, type), res.length(t, type), a);
    return answered ? Endpoint.Source.ANSWER : Endpoint.Source.HINT;
  }

  private static boolean contains(int[] a, int n, int x) {
    for (int i = 0; i < n; i++) {
      if (a[i] == x) {
        return true;
      }
    }
    return false;
  }

  private String groupNote(ServiceResolution res, int r, boolean tier, int target, int k) {
    if (r < 0) {
      String what = res.service() == ServiceResolution.Service.RECORDS
          ? (tier ? "origin fallback (origin_fallback always): " : "addresses no \".\" record covers, last: ")
          : "no HTTPS service information: ";
      return what + names.name(0) + "'s own A/AAAA, TCP with the default ALPN h2,http/1.1 (" + k + " address"
          + (k == 1 ? ")" : "es)");
    }
    return "group: HTTPS record " + names.name(res.serviceName()) + " " + names.text(r) + " -> " + names.name(target)
        + " (" + k + " address" + (k == 1 ? ")" : "es)");
  }
}
