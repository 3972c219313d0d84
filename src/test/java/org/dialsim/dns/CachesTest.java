package org.dialsim.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dialsim.engine.Time;
import org.junit.jupiter.api.Test;

/**
 * {@link Caches}: every client's cached A and AAAA answers in one table, each fresh until its
 * expiry (the name's TTL after the answer came). Three clients of a name with 3 A and 2 AAAA
 * records, a 5-minute TTL.
 */
class CachesTest {
  private static final long TTL = 5 * Time.M;
  private static final int A = NameServer.A;
  private static final int AAAA = NameServer.AAAA;

  private static int[] cached(Caches c, int client, int type) {
    int from = c.offset(client, type);
    return Arrays.copyOfRange(c.data(), from, from + c.length(client, type));
  }

  @Test
  void anAnswerIsFreshUntilItsExpiryForItsClientAndTypeOnly() {
    Caches c = new Caches(3, 3, 2);
    assertFalse(c.fresh(1, A, 0), "cold");
    long at = 7 * Time.S;
    c.store(1, A, new int[] {20, 21, 22}, 3, at + TTL);
    assertTrue(c.fresh(1, A, at));
    assertTrue(c.fresh(1, A, at + TTL - 1));
    assertFalse(c.fresh(1, A, at + TTL), "expired at its expiry: a query goes out then");
    assertFalse(c.fresh(1, AAAA, at), "the other type is not cached");
    assertFalse(c.fresh(0, A, at), "nor is another client");
    assertFalse(c.fresh(2, A, at));
    assertArrayEquals(new int[] {20, 21, 22}, cached(c, 1, A));
  }

  @Test
  void theCacheKeepsACopyAndNeighboursDoNotOverlap() {
    Caches c = new Caches(3, 3, 2);
    int[] answer = {22, 20, 21};
    c.store(1, A, answer, 3, TTL);
    answer[0] = 99; // the query's buffer is reused for the next query
    assertArrayEquals(new int[] {22, 20, 21}, cached(c, 1, A));
    // fill the neighbouring rows and the other type: client 1's A answer stays as it was
    c.store(0, AAAA, new int[] {10, 11}, 2, TTL);
    c.store(1, AAAA, new int[] {11, 10}, 2, TTL);
    c.store(2, A, new int[] {21, 22, 20}, 3, TTL);
    assertArrayEquals(new int[] {22, 20, 21}, cached(c, 1, A));
    assertArrayEquals(new int[] {10, 11}, cached(c, 0, AAAA));
    assertArrayEquals(new int[] {11, 10}, cached(c, 1, AAAA));
    assertArrayEquals(new int[] {21, 22, 20}, cached(c, 2, A));
    // a shorter answer later (NODATA: empty) replaces the longer one
    c.store(1, AAAA, new int[0], 0, 2 * TTL);
    assertEquals(0, c.length(1, AAAA));
    assertTrue(c.fresh(1, AAAA, TTL), "an empty answer is cached too, until its own expiry");
  }

  @Test
  void clearMakesEveryClientCold() {
    Caches c = new Caches(2, 1, 1);
    c.store(0, A, new int[] {5}, 1, Time.NEVER);
    c.store(1, AAAA, new int[] {6}, 1, Time.NEVER);
    c.clear();
    assertFalse(c.fresh(0, A, 0));
    assertFalse(c.fresh(1, AAAA, 0));
  }
}
