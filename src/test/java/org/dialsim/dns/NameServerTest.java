package org.dialsim.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
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
}
