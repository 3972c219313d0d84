package org.dialsim.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dialsim.model.AnswerOrder;
import org.junit.jupiter.api.Test;

class NameServerTest {
  // records written AAAA 10, AAAA 11, A 20, A 21, A 22
  private static final int[] A = {20, 21, 22};
  private static final int[] AAAA = {10, 11};
  private static final int[] LAYOUT = {NameServer.AAAA, NameServer.AAAA, NameServer.A, NameServer.A, NameServer.A};

  @Test
  void roundRobinRotatesOnePerQueryOfEachTypeForEveryClient() {
    NameServer s = new NameServer(A, AAAA, LAYOUT, AnswerOrder.ROUND_ROBIN, 1, 0);
    assertArrayEquals(new int[] {21, 22, 20}, s.answer(NameServer.A, null));
    assertArrayEquals(new int[] {22, 20, 21}, s.answer(NameServer.A, null), "the next query, whoever asks");
    assertArrayEquals(new int[] {10, 11}, s.answer(NameServer.AAAA, null), "AAAA has its own counter");
    assertArrayEquals(new int[] {20, 21, 22}, s.answer(NameServer.A, null));
  }

  @Test
  void fixedAnswersAsWrittenAndRandomPermutes() {
    NameServer fixed = new NameServer(A, AAAA, LAYOUT, AnswerOrder.FIXED, 5, 5);
    assertArrayEquals(A, fixed.answer(NameServer.A, null));
    NameServer random = new NameServer(A, AAAA, LAYOUT, AnswerOrder.RANDOM, 0, 0);
    var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int[] a = random.answer(NameServer.A, rng);
      int[] sorted = a.clone();
      Arrays.sort(sorted);
      assertArrayEquals(A, sorted, "a permutation");
      seen.add(Arrays.toString(a));
    }
    assertEquals(6, seen.size(), "all 3! orders occur");
  }

  @Test
  void mergeKeepsTheWrittenFamilyLayout() {
    NameServer s = new NameServer(A, AAAA, LAYOUT, AnswerOrder.FIXED, 0, 0);
    assertArrayEquals(new int[] {11, 10, 22, 20, 21}, s.merge(new int[] {22, 20, 21}, new int[] {11, 10}));
    // only A answered (an IPv4 hint, or AAAA empty): the A records fill the list
    assertArrayEquals(new int[] {20, 21, 22}, s.merge(A, new int[0]));
  }
  @Test
  void answersGoIntoTheCallersArrayAndRoundRobinIsSharedPerType() {
    NameServer s = new NameServer(A, AAAA, LAYOUT, AnswerOrder.ROUND_ROBIN, 2, 1);
    int[] out = {-1, -1, -1, -1};
    Draws none = new Draws(1);
    // A starts at offset 2, AAAA at 1; each query of a type moves that type's counter by one,
    // whichever client asks (the caller passes no client at all)
    assertEquals(3, s.answer(NameServer.A, none, out));
    assertArrayEquals(new int[] {22, 20, 21, -1}, out, "only the first n are written");
    assertEquals(2, s.answer(NameServer.AAAA, none, out));
    assertArrayEquals(new int[] {11, 10}, Arrays.copyOf(out, 2));
    assertEquals(3, s.answer(NameServer.A, none, out));
    assertArrayEquals(new int[] {20, 21, 22}, Arrays.copyOf(out, 3));
    assertEquals(2, s.answer(NameServer.AAAA, none, out));
    assertArrayEquals(new int[] {10, 11}, Arrays.copyOf(out, 2));
    // a new replication starts the counters where it is told
    s.reset(0, 0);
    s.answer(NameServer.A, none, out);
    assertArrayEquals(new int[] {20, 21, 22}, Arrays.copyOf(out, 3));
    assertEquals(0, none.count, "round-robin draws nothing from the client's stream");
    new NameServer(A, AAAA, LAYOUT, AnswerOrder.FIXED, 0, 0).answer(NameServer.A, none, out);
    assertEquals(0, none.count, "nor does a fixed order");
  }

  @Test
  void aRandomOrderIsAFisherYatesShuffleOfTheClientsStreamAndDrawsNothingMore() {
    NameServer s = new NameServer(A, AAAA, LAYOUT, AnswerOrder.RANDOM, 0, 0);
    Draws stream = new Draws(99);
    UniformRandomProvider shadow = RandomSource.XO_RO_SHI_RO_128_PP.create(99L);
    int[] out = new int[3];
    for (int q = 0; q < 20; q++) {
      assertEquals(3, s.answer(NameServer.A, stream, out));
      int[] want = A.clone();
      for (int i = want.length - 1; i > 0; i--) {
        int j = shadow.nextInt(i + 1);
        int t = want[i];
        want[i] = want[j];
        want[j] = t;
      }
      assertArrayEquals(want, out);
    }
    assertEquals(shadow.nextLong(), stream.nextLong(), "the next draw of both streams is the same one");
    // one record: nothing to shuffle, nothing drawn
    Draws single = new Draws(1);
    new NameServer(new int[] {20}, new int[0], new int[] {NameServer.A}, AnswerOrder.RANDOM, 0, 0)
        .answer(NameServer.A, single, out);
    assertEquals(0, single.count);
  }

  @Test
  void mergeIntoTheCallersArrayKeepsTheWrittenLayout() {
    // written AAAA, A, AAAA, A, A: each family fills its own slots in its own answer order
    int[] layout = {NameServer.AAAA, NameServer.A, NameServer.AAAA, NameServer.A, NameServer.A};
    NameServer s = new NameServer(A, AAAA, layout, AnswerOrder.ROUND_ROBIN, 0, 0);
    int[] out = new int[5];
    assertEquals(5, s.merge(new int[] {21, 22, 20}, 3, new int[] {11, 10}, 2, out));
    assertArrayEquals(new int[] {11, 21, 10, 22, 20}, out);
    // only the first n of each buffer count (a query's buffer is longer than its answer)
    int[] none = new int[5];
    assertEquals(3, s.merge(new int[] {21, 22, 20}, 3, new int[] {11, 10}, 0, none));
    assertArrayEquals(new int[] {21, 22, 20}, Arrays.copyOf(none, 3));
    assertEquals(2, s.merge(new int[] {21, 22, 20}, 0, new int[] {10, 11}, 2, none));
    assertArrayEquals(new int[] {10, 11}, Arrays.copyOf(none, 2));
  }

  /** A seeded XoRoShiRo128++ stream that counts the draws made from it (every other draw is built on these two). */
  private static final class Draws implements UniformRandomProvider {
    private final UniformRandomProvider rng;
    int count;

    Draws(long seed) {
      rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    @Override
    public long nextLong() {
      count++;
      return rng.nextLong();
    }

    @Override
    public int nextInt() {
      count++;
      return rng.nextInt();
    }
  }
}
