package org.dialsim.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.model.Family;
import org.dialsim.sim.Fixtures;
import org.dialsim.stack.Memory.Kind;
import org.dialsim.stack.Memory.Learn;
import org.junit.jupiter.api.Test;

/**
 * {@link Ordering} works on address numbers in its own arrays. It must give exactly the order the
 * List-based code it replaced gave: filter the families, then {@code order} ({@link Rfc6724#sort}
 * for rfc6724, with glibc's rule 9 and IPv4 scopes for the glibc table and Go's otherwise, as the
 * class documents), then {@link Interleave#interleave(List, int)}, then the memory reorder; and
 * the same explain notes.
 */
class OrderingTest {
  private static final long S = Time.S;
  private static final int ROUNDS = 60;

  /** Destinations that exercise every RFC 6724 rule the sorter models. */
  private static final List<String> POOL = List.of(
      "2001:db8::1", "2001:db8::2", "2001:db8:0:1::7", "2001:db8:1::5", "2600:1f18::1",
      "2002:c000:201::1", "2001:0:53aa:64c::1", "fd00::1", "fc00:1::2", "fe80::1", "::1", "fec0::1",
      "3ffe::1", "::c000:201",
      "192.0.2.1", "192.0.2.77", "198.51.100.3", "203.0.113.9", "10.0.0.5", "10.1.2.3", "172.16.4.4",
      "192.168.1.20", "169.254.7.7", "127.0.0.1", "100.64.0.1");

  /** The client's own addresses: none (an assumed global source per family), and a few hosts. */
  private static final List<List<String>> SOURCES = List.of(
      List.of(),
      List.of("192.168.1.10", "2001:db8::100"),
      List.of("10.0.0.1"),
      List.of("fd00::10", "192.168.1.10"),
      List.of("fe80::10", "10.1.2.1", "2001:db8:0:1::1"),
      List.of("2001:0:53aa:64c::2", "169.254.1.1"),
      List.of("2001:db8::100"));

  /** An /etc/gai.conf that raises IPv4 ("precedence ::ffff:0:0/96 100"): a custom table. */
  private static final List<PolicyRow> IPV4_FIRST_TABLE = ipv4First();

  private record Sort(Order order, List<PolicyRow> table, String tableName) {}

  private static final List<Sort> SORTS = List.of(
      new Sort(Order.DNS, Rfc6724.DEFAULT_TABLE, "rfc6724"),
      new Sort(Order.PREFER_IPV4, Rfc6724.DEFAULT_TABLE, "rfc6724"),
      new Sort(Order.PREFER_IPV6, Rfc6724.DEFAULT_TABLE, "rfc6724"),
      new Sort(Order.SHUFFLE, Rfc6724.DEFAULT_TABLE, "rfc6724"),
      new Sort(Order.RFC6724, Rfc6724.DEFAULT_TABLE, "rfc6724"),
      new Sort(Order.RFC6724, Rfc6724.GLIBC_TABLE, "glibc"),
      new Sort(Order.RFC6724, IPV4_FIRST_TABLE, "custom"));

  private static final List<List<Family>> FAMILIES =
      List.of(List.of(Family.IPV4, Family.IPV6), List.of(Family.IPV6, Family.IPV4), List.of(Family.IPV4), List.of(Family.IPV6));

  @Test
  void numbersOrderExactlyAsTheListBasedReferenceForRandomInputs() {
    Random random = new Random(20240607);
    int compared = 0;
    int reordered = 0;
    for (int round = 0; round < ROUNDS; round++) {
      List<Address> pool = new ArrayList<>();
      for (String p : POOL) {
        pool.add(Address.of(p));
      }
      Collections.shuffle(pool, random);
      Address[] table = pool.subList(0, 2 + random.nextInt(11)).toArray(new Address[0]);
      List<Address> sources = SOURCES.get(random.nextInt(SOURCES.size())).stream().map(Address::of).toList();
      int[] received = received(random, table.length);
      List<Family> families = FAMILIES.get(random.nextInt(FAMILIES.size()));
      long ttl = random.nextBoolean() ? Time.NEVER : 30 * S;
      long now = 60 * S;
      long seed = random.nextLong();
      for (Kind kind : Kind.values()) {
        Memory memory = new Memory(kind, ttl);
        Recall recall = new Recall(memory, 2, table.length);
        Map<Integer, long[]> lastGood = remember(random, recall, table.length, now);
        for (Sort sort : SORTS) {
          for (int interleave = 0; interleave <= 3; interleave++) {
            StackConfig st = stack(families, sort, interleave, memory);
            Ordering ordering = new Ordering(st, table, sources, table.length);
            int client = random.nextInt(2);
            int[] out = new int[table.length];
            boolean shuffle = sort.order() == Order.SHUFFLE;
            int n = ordering.order(received, received.length, out, recall, client, now,
                shuffle ? RandomSource.XO_RO_SHI_RO_128_PP.create(seed) : null, null);
            int[] want = reference(st, table, sources, received, recall, client, now, lastGood.get(client),
                RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
            assertArrayEquals(want, java.util.Arrays.copyOf(out, n),
                () -> st.order().key() + " " + sort.tableName() + " interleave " + st.interleave() + " memory "
                    + kind.key() + " sources " + sources + " received " + texts(table, received));
            compared++;
            reordered += java.util.Arrays.equals(want, filtered(st, table, received)) ? 0 : 1;
          }
        }
      }
    }
    assertEquals(ROUNDS * Kind.values().length * SORTS.size() * 4, compared);
    // about a third of the cases move something (measured: 1 703 of 5 040), so the comparison is
    // not one of unchanged lists
    assertTrue(reordered > compared / 4, reordered + " of " + compared + " reordered");
  }

  @Test
  void notesSayWhichFamiliesWereDroppedAndThatTheDnsOrderStands() {
    Address[] table = addresses("2001:db8::1", "192.0.2.1", "2001:db8::2", "192.0.2.2");
    StackConfig st = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).families(Family.IPV4).build();
    List<String> notes = new ArrayList<>();
    int[] out = order(st, table, List.of(), new int[] {0, 1, 2, 3}, none(table), notes);
    assertArrayEquals(new int[] {1, 3}, out);
    assertEquals(List.of("families [ipv4]: 2 address(es) of other families dropped", "order dns: the DNS order stands"), notes);
  }

  @Test
  void notesFollowOrderThenInterleaveThenMemory() {
    Address[] table = addresses("192.0.2.1", "192.0.2.2", "2001:db8::1", "2001:db8::2");
    Memory memory = new Memory(Kind.AVOID_FAILED, 10 * Time.M);
    StackConfig st = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).order(Order.PREFER_IPV6).interleave(1).memory(memory)
        .build();
    Recall one = new Recall(memory, 1, table.length);
    one.failed(0, 2, 0, Learn.TIMEOUT);
    List<String> notes = new ArrayList<>();
    int[] out = order(st, table, List.of(), new int[] {0, 1, 2, 3}, one, notes);
    // prefer-ipv6: v6 a, v6 b, v4 a, v4 b; interleave 1: v6 a, v4 a, v6 b, v4 b; v6 a failed: last
    assertArrayEquals(new int[] {0, 3, 1, 2}, out);
    assertEquals(List.of(
        "order prefer-ipv6: 2001:db8::1, 2001:db8::2, 192.0.2.1, 192.0.2.2",
        "interleave 1 (RFC 8305 section 4): 2001:db8::1, 192.0.2.1, 2001:db8::2, 192.0.2.2",
        "memory avoid-failed: 192.0.2.1, 2001:db8::2, 192.0.2.2, 2001:db8::1 (2001:db8::1 failed before and goes last)"),
        notes);
    // two failed: the plural
    Recall two = new Recall(memory, 1, table.length);
    two.failed(0, 2, 0, Learn.TIMEOUT);
    two.failed(0, 0, 0, Learn.REFUSED);
    notes.clear();
    order(st, table, List.of(), new int[] {0, 1, 2, 3}, two, notes);
    assertEquals("memory avoid-failed: 2001:db8::2, 192.0.2.2, 2001:db8::1, 192.0.2.1"
        + " (2001:db8::1, 192.0.2.1 failed before and go last)", notes.get(2));
  }

  @Test
  void notesOfPreferLastGood() {
    Address[] table = addresses("192.0.2.1", "192.0.2.2", "192.0.2.3");
    Memory memory = new Memory(Kind.PREFER_LAST_GOOD, 10 * Time.M);
    StackConfig st = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).memory(memory).build();
    Recall recall = new Recall(memory, 1, table.length);
    recall.connected(0, 2, 0);
    List<String> notes = new ArrayList<>();
    assertArrayEquals(new int[] {2, 0, 1}, order(st, table, List.of(), new int[] {0, 1, 2}, recall, notes));
    assertEquals(List.of("order dns: the DNS order stands",
        "memory prefer-last-good: 192.0.2.3, 192.0.2.1, 192.0.2.2 (the address that connected last goes first)"), notes);
  }

  @Test
  void notesOfRfc6724NameTheTableAndEachDecidingRule() {
    // no sources: an assumed global source per family, so rules 2 and 5 pass both and rule 6
    // decides on the default table's precedence, ::/0 40 against ::ffff:0:0/96 35
    Address[] table = addresses("192.0.2.1", "2001:db8::1", "2001:db8::2");
    StackConfig st = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).order(Order.RFC6724).build();
    List<String> notes = new ArrayList<>();
    assertArrayEquals(new int[] {1, 2, 0}, order(st, table, List.of(), new int[] {0, 1, 2}, none(table), notes));
    assertEquals(List.of("order rfc6724 (policy table rfc6724): 2001:db8::1, 2001:db8::2, 192.0.2.1",
        "  2001:db8::1 stays before 2001:db8::2 by rule 10 (tie: input order kept)",
        "  2001:db8::2 goes before 192.0.2.1 by rule 6 (higher precedence: 40 > 35)"), notes);
    // glibc's table gives IPv4 precedence 10
    StackConfig glibc = withTable(st, Rfc6724.GLIBC_TABLE, "glibc");
    notes.clear();
    assertArrayEquals(new int[] {1, 0}, order(glibc, table, List.of(), new int[] {0, 1}, none(table), notes));
    assertEquals(List.of("order rfc6724 (policy table glibc): 2001:db8::1, 192.0.2.1",
        "  2001:db8::1 goes before 192.0.2.1 by rule 6 (higher precedence: 40 > 10)"), notes);
  }

  // ---- the reference: the List-based steps of the code Ordering replaced ----------------------

  private static int[] reference(StackConfig st, Address[] table, List<Address> sources, int[] received, Recall recall,
      int client, long now, long[] lastGood, UniformRandomProvider shuffle) {
    List<Address> list = new ArrayList<>();
    for (int a : received) {
      if (st.allows(table[a].family())) {
        list.add(table[a]);
      }
    }
    switch (st.order()) {
      case DNS -> { }
      case PREFER_IPV4 -> list = preferFamily(list, Family.IPV4);
      case PREFER_IPV6 -> list = preferFamily(list, Family.IPV6);
      case SHUFFLE -> {
        for (int i = list.size() - 1; i > 0; i--) {
          Collections.swap(list, i, shuffle.nextInt(i + 1));
        }
      }
      case RFC6724 -> {
        boolean glibc = "glibc".equals(st.policyTableName());
        list = Rfc6724.sort(list, sources, st.policyTable(), glibc ? Rfc6724.Rule9.GLIBC : Rfc6724.Rule9.IPV6_ONLY_64,
            glibc ? Rfc6724.Ipv4Scopes.GLIBC : Rfc6724.Ipv4Scopes.RFC6724);
      }
    }
    if (st.interleave() > 0) {
      list = Interleave.interleave(list, st.interleave());
    }
    Map<Address, Integer> number = new HashMap<>();
    for (int a = 0; a < table.length; a++) {
      number.put(table[a], a);
    }
    List<Integer> numbers = new ArrayList<>();
    for (Address a : list) {
      numbers.add(number.get(a));
    }
    switch (st.memory().kind()) {
      case NONE -> { }
      case AVOID_FAILED -> {
        List<Integer> kept = new ArrayList<>();
        List<Integer> avoided = new ArrayList<>();
        for (int a : numbers) {
          (recall.avoided(client, a, now) ? avoided : kept).add(a);
        }
        kept.addAll(avoided);
        numbers = kept;
      }
      case PREFER_LAST_GOOD -> {
        long ttl = st.memory().ttlNs();
        if (lastGood != null && (ttl == Time.NEVER || now < lastGood[1] + ttl) && numbers.remove(Integer.valueOf((int) lastGood[0]))) {
          numbers.add(0, (int) lastGood[0]);
        }
      }
    }
    return numbers.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<Address> preferFamily(List<Address> list, Family lead) {
    List<Address> out = new ArrayList<>();
    for (Address a : list) {
      if (a.family() == lead) {
        out.add(a);
      }
    }
    for (Address a : list) {
      if (a.family() != lead) {
        out.add(a);
      }
    }
    return out;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** The received addresses of the stack's families, in the order received. */
  private static int[] filtered(StackConfig st, Address[] table, int[] received) {
    return java.util.Arrays.stream(received).filter(a -> st.allows(table[a].family())).toArray();
  }

  /** A random DNS answer: distinct address numbers in a random order, possibly none. */
  private static int[] received(Random random, int size) {
    List<Integer> all = new ArrayList<>();
    for (int a = 0; a < size; a++) {
      all.add(a);
    }
    Collections.shuffle(all, random);
    return all.subList(0, random.nextInt(size + 1)).stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * A random history of failures and connections for clients 0 and 1 over the first 60 s, fed
   * to {@code recall}; returns each client's last good address and when, as {@code {address, at}}.
   */
  private static Map<Integer, long[]> remember(Random random, Recall recall, int addresses, long until) {
    Map<Integer, long[]> lastGood = new HashMap<>();
    long t = 0;
    for (int e = random.nextInt(8); e > 0; e--) {
      t += random.nextInt((int) (until / S / 4)) * S;
      if (t >= until) {
        break;
      }
      int client = random.nextInt(2);
      int a = random.nextInt(addresses);
      if (random.nextInt(3) == 0) {
        recall.connected(client, a, t);
        lastGood.put(client, new long[] {a, t});
      } else {
        recall.failed(client, a, t, Learn.values()[random.nextInt(3)]);
      }
    }
    return lastGood;
  }

  private static StackConfig stack(List<Family> families, Sort sort, int interleave, Memory memory) {
    StackConfig s = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).families(families.toArray(new Family[0]))
        .order(sort.order()).interleave(interleave).memory(memory).build();
    return withTable(s, sort.table(), sort.tableName());
  }

  private static StackConfig withTable(StackConfig s, List<PolicyRow> table, String name) {
    return new StackConfig(s.base(), s.families(), s.order(), table, name, s.interleave(), s.strategy(), s.attemptDelayNs(),
        s.resolutionDelayNs(), s.maxConcurrent(), s.syn(), s.rst(), s.attemptTimeoutNs(), s.timeoutSplit(), s.deadlineNs(),
        s.memory(), s.callRetries(), s.advance(), s.wakeupEveryNs(), s.backupJobNs());
  }

  private static int[] order(StackConfig st, Address[] table, List<Address> sources, int[] received, Recall recall,
      List<String> notes) {
    int[] out = new int[table.length];
    int n = new Ordering(st, table, sources, table.length).order(received, received.length, out, recall, 0, 60 * S, null, notes);
    return java.util.Arrays.copyOf(out, n);
  }

  private static Recall none(Address[] table) {
    return new Recall(new Memory(Kind.NONE, 0), 1, table.length);
  }

  private static Address[] addresses(String... literals) {
    Address[] out = new Address[literals.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Address.of(literals[i]);
    }
    return out;
  }

  private static List<String> texts(Address[] table, int[] numbers) {
    List<String> out = new ArrayList<>();
    for (int a : numbers) {
      out.add(table[a].text());
    }
    return out;
  }

  private static List<PolicyRow> ipv4First() {
    List<PolicyRow> rows = new ArrayList<>(Rfc6724.DEFAULT_TABLE);
    PolicyRow mapped = rows.get(2); // ::ffff:0:0/96, precedence 35, label 4
    rows.set(2, new PolicyRow(mapped.prefix(), 100, mapped.label()));
    return List.copyOf(rows);
  }
}
