package org.dialsim.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.dialsim.engine.Time;
import org.dialsim.stack.Memory.Kind;
import org.dialsim.stack.Memory.Learn;
import org.junit.jupiter.api.Test;

/**
 * {@link Recall}, the table of what every client remembers: {@code avoid-failed} postpones the
 * addresses that failed (OkHttp's RouteDatabase) until ttl passes or they connect;
 * {@code prefer-last-good} puts the address that connected last first while ttl lasts. Address
 * numbers 0..4, two or three clients, a 10-minute ttl (the defaults.yaml value).
 */
class RecallTest {
  private static final long S = Time.S;
  private static final long TTL = 10 * Time.M;
  private static final int ADDRESSES = 5;

  /** {@code client}'s order of {@code order} at {@code now}, and whether anything moved. */
  private static int[] reorder(Recall r, int client, long now, boolean moves, int... order) {
    int[] out = order.clone();
    boolean moved = r.reorder(client, out, out.length, now);
    assertEquals(moves, moved, "whether something moved");
    return out;
  }

  @Test
  void avoidFailedPostponesFailedAddressesAndKeepsTheOrderAmongEquals() {
    Recall r = new Recall(new Memory(Kind.AVOID_FAILED, TTL), 2, ADDRESSES);
    r.failed(0, 1, 0, Learn.TIMEOUT); // a failure at time 0 counts (no "unset" confusion)
    r.failed(0, 3, 5 * S, Learn.REFUSED);
    // 1 and 3 go last, in the order the stack had them; 0, 2, 4 keep theirs
    assertArrayEquals(new int[] {0, 2, 4, 1, 3}, reorder(r, 0, 10 * S, true, 0, 1, 2, 3, 4));
    assertArrayEquals(new int[] {4, 2, 0, 3, 1}, reorder(r, 0, 10 * S, true, 4, 3, 2, 1, 0));
    // failed addresses already last: nothing moved (explain writes no note then)
    assertArrayEquals(new int[] {0, 2, 1, 3}, reorder(r, 0, 10 * S, false, 0, 2, 1, 3));
    assertTrue(r.avoided(0, 1, 10 * S));
    assertFalse(r.avoided(0, 0, 10 * S));
  }

  @Test
  void avoidFailedForgetsAfterTtlOrASuccess() {
    Recall r = new Recall(new Memory(Kind.AVOID_FAILED, TTL), 1, ADDRESSES);
    r.failed(0, 1, 5 * S, Learn.TIMEOUT);
    r.failed(0, 2, 5 * S, Learn.TIMEOUT);
    // avoided while now < failed + ttl: up to 10 min 5 s, exclusive
    assertTrue(r.avoided(0, 1, 5 * S + TTL - 1));
    assertFalse(r.avoided(0, 1, 5 * S + TTL));
    assertArrayEquals(new int[] {1, 2, 3}, reorder(r, 0, 5 * S + TTL, false, 1, 2, 3));
    // a connection clears the mark at once
    r.connected(0, 2, 6 * S);
    assertFalse(r.avoided(0, 2, 6 * S));
    assertArrayEquals(new int[] {2, 3, 1}, reorder(r, 0, 7 * S, true, 1, 2, 3));
  }

  @Test
  void avoidFailedWithoutTtlRemembersForTheClientsLife() {
    Recall r = new Recall(new Memory(Kind.AVOID_FAILED, Time.NEVER), 1, ADDRESSES);
    r.failed(0, 0, 5 * S, Learn.UNREACHABLE);
    assertTrue(r.avoided(0, 0, Long.MAX_VALUE - 1));
  }

  @Test
  void preferLastGoodMovesTheLastGoodFirstWithinItsTtl() {
    Recall r = new Recall(new Memory(Kind.PREFER_LAST_GOOD, TTL), 1, ADDRESSES);
    assertArrayEquals(new int[] {0, 1, 2, 3}, reorder(r, 0, 0, false, 0, 1, 2, 3), "nothing connected yet");
    r.connected(0, 1, 10 * S);
    r.connected(0, 3, 20 * S); // the last one counts
    // 3 goes first, the others keep their order behind it
    assertArrayEquals(new int[] {3, 0, 1, 2}, reorder(r, 0, 30 * S, true, 0, 1, 2, 3));
    assertArrayEquals(new int[] {3, 0, 1}, reorder(r, 0, 30 * S, false, 3, 0, 1), "already first");
    assertArrayEquals(new int[] {0, 1, 2}, reorder(r, 0, 30 * S, false, 0, 1, 2), "not in this list");
    // at 20 s + ttl it is forgotten
    assertArrayEquals(new int[] {3, 0, 1, 2}, reorder(r, 0, 20 * S + TTL - 1, true, 0, 1, 2, 3));
    assertArrayEquals(new int[] {0, 1, 2, 3}, reorder(r, 0, 20 * S + TTL, false, 0, 1, 2, 3));
    // prefer-last-good does not postpone failures
    r.failed(0, 0, 30 * S, Learn.TIMEOUT);
    assertArrayEquals(new int[] {0, 1}, reorder(r, 0, 31 * S, false, 0, 1));
  }

  @Test
  void memoryNoneKeepsNothing() {
    // no rows at all: any client number is fine and nothing is touched
    Recall r = new Recall(new Memory(Kind.NONE, TTL), 1000, ADDRESSES);
    r.failed(7, 1, 5 * S, Learn.TIMEOUT);
    r.connected(7, 2, 6 * S);
    assertFalse(r.avoided(7, 1, 6 * S));
    assertArrayEquals(new int[] {0, 1, 2, 3}, reorder(r, 7, 7 * S, false, 0, 1, 2, 3));
  }

  @Test
  void oneClientsMemoryNeverReachesAnother() {
    Recall avoid = new Recall(new Memory(Kind.AVOID_FAILED, TTL), 3, ADDRESSES);
    avoid.failed(1, 0, 5 * S, Learn.TIMEOUT);
    assertArrayEquals(new int[] {0, 1}, reorder(avoid, 0, 6 * S, false, 0, 1));
    assertArrayEquals(new int[] {1, 0}, reorder(avoid, 1, 6 * S, true, 0, 1));
    assertArrayEquals(new int[] {0, 1}, reorder(avoid, 2, 6 * S, false, 0, 1));
    // the last address of client 0's row and the first of client 1's are neighbours in the table
    avoid.failed(0, ADDRESSES - 1, 5 * S, Learn.TIMEOUT);
    assertFalse(avoid.avoided(1, ADDRESSES - 1, 6 * S));
    assertFalse(avoid.avoided(1, 1, 6 * S));
    Recall good = new Recall(new Memory(Kind.PREFER_LAST_GOOD, TTL), 3, ADDRESSES);
    good.connected(2, 4, 5 * S);
    assertArrayEquals(new int[] {0, 4}, reorder(good, 1, 6 * S, false, 0, 4));
    assertArrayEquals(new int[] {4, 0}, reorder(good, 2, 6 * S, true, 0, 4));
  }

  @Test
  void resetForgetsEveryClient() {
    Recall avoid = new Recall(new Memory(Kind.AVOID_FAILED, TTL), 2, ADDRESSES);
    avoid.failed(0, 1, 5 * S, Learn.TIMEOUT);
    avoid.failed(1, 2, 5 * S, Learn.TIMEOUT);
    avoid.reset();
    assertFalse(avoid.avoided(0, 1, 6 * S));
    assertFalse(avoid.avoided(1, 2, 6 * S));
    Recall good = new Recall(new Memory(Kind.PREFER_LAST_GOOD, TTL), 2, ADDRESSES);
    good.connected(1, 3, 5 * S);
    good.reset();
    assertArrayEquals(new int[] {0, 3}, reorder(good, 1, 6 * S, false, 0, 3));
  }

  @Test
  void onlyTheReasonsListedInLearnAreRemembered() {
    Recall cutOnly = new Recall(new Memory(Kind.AVOID_FAILED, TTL, Set.of(Learn.CUT)), 1, ADDRESSES);
    cutOnly.failed(0, 0, 5 * S, Learn.TIMEOUT);
    cutOnly.failed(0, 1, 5 * S, Learn.REFUSED);
    cutOnly.failed(0, 2, 5 * S, Learn.UNREACHABLE);
    cutOnly.failed(0, 3, 5 * S, Learn.CUT);
    assertFalse(cutOnly.avoided(0, 0, 6 * S));
    assertFalse(cutOnly.avoided(0, 1, 6 * S));
    assertFalse(cutOnly.avoided(0, 2, 6 * S));
    assertTrue(cutOnly.avoided(0, 3, 6 * S));
    // the default (defaults.yaml learn: [timeout, refused, unreachable]) leaves out cut
    Recall answered = new Recall(new Memory(Kind.AVOID_FAILED, TTL), 1, ADDRESSES);
    answered.failed(0, 0, 5 * S, Learn.CUT);
    answered.failed(0, 1, 5 * S, Learn.REFUSED);
    assertFalse(answered.avoided(0, 0, 6 * S));
    assertTrue(answered.avoided(0, 1, 6 * S));
    Recall nothing = new Recall(new Memory(Kind.AVOID_FAILED, TTL, Set.of()), 1, ADDRESSES);
    nothing.failed(0, 0, 5 * S, Learn.TIMEOUT);
    assertFalse(nothing.avoided(0, 0, 6 * S));
  }
}
