package org.dialsim.dns;

import static org.dialsim.dns.Resolution.Step.CONNECT;
import static org.dialsim.dns.Resolution.Step.START_DELAY;
import static org.dialsim.dns.Resolution.Step.WAIT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dialsim.engine.Time;
import org.junit.jupiter.api.Test;

/**
 * {@link Resolution}: what a try does after each answer. A getaddrinfo-style stack
 * (resolution_delay none) waits for both; a Happy Eyeballs stack (RFC 8305 section 3, its
 * recommended 50 ms Resolution Delay) connects on a usable AAAA answer, starts the delay once on
 * an A answer (from the network, or from the cache at the start of the try: {@code next(-1)}),
 * and stops waiting on an empty or timed-out AAAA answer.
 */
class ResolutionTest {
  private static final int A = NameServer.A;
  private static final int AAAA = NameServer.AAAA;
  private static final int START = -1;
  private static final long DELAY = 50 * Time.MS;

  private static Resolution getaddrinfo() {
    Resolution r = new Resolution(Time.NEVER, 3, 2);
    r.begin(true, true);
    return r;
  }

  private static Resolution happyEyeballs() {
    Resolution r = new Resolution(DELAY, 3, 2);
    r.begin(true, true);
    return r;
  }

  @Test
  void getaddrinfoWaitsForBothAnswersInEitherOrder() {
    Resolution r = getaddrinfo();
    assertEquals(WAIT, r.next(START));
    r.answer(A, new int[] {20, 21}, 2);
    assertEquals(WAIT, r.next(A), "no Resolution Delay: A alone is not enough");
    r.answer(AAAA, new int[] {10}, 1);
    assertEquals(CONNECT, r.next(AAAA));
    assertArrayEquals(new int[] {20, 21}, Arrays.copyOf(r.answers(A), r.length(A)));
    assertArrayEquals(new int[] {10}, Arrays.copyOf(r.answers(AAAA), r.length(AAAA)));
    Resolution v6First = getaddrinfo();
    v6First.answer(AAAA, new int[] {10, 11}, 2);
    assertEquals(WAIT, v6First.next(AAAA), "a usable AAAA is not enough either");
    v6First.answer(A, new int[] {20}, 1);
    assertEquals(CONNECT, v6First.next(A));
  }

  @Test
  void happyEyeballsConnectsOnAUsableAaaaWithoutWaitingForA() {
    Resolution r = happyEyeballs();
    assertEquals(WAIT, r.next(START));
    r.answer(AAAA, new int[] {10}, 1);
    assertEquals(CONNECT, r.next(AAAA));
    assertFalse(r.complete(), "A is still outstanding: a late answer may add to the list");
  }

  @Test
  void anAAnswerStartsTheResolutionDelayOnceAndAUsableAaaaEndsIt() {
    Resolution r = happyEyeballs();
    r.answer(A, new int[] {20, 21, 22}, 3);
    assertEquals(START_DELAY, r.next(A));
    assertEquals(WAIT, r.next(START), "already started: not again");
    assertEquals(WAIT, r.next(A));
    r.answer(AAAA, new int[] {10, 11}, 2);
    assertEquals(CONNECT, r.next(AAAA), "the AAAA came within the delay");
  }

  @Test
  void anEmptyOrTimedOutAaaaEndsTheWait() {
    Resolution empty = happyEyeballs();
    empty.answer(A, new int[] {20}, 1);
    assertEquals(START_DELAY, empty.next(A));
    empty.answer(AAAA, new int[0], 0); // NODATA
    assertEquals(CONNECT, empty.next(AAAA));
    Resolution timedOut = happyEyeballs();
    timedOut.answer(A, new int[] {20}, 1);
    assertEquals(START_DELAY, timedOut.next(A));
    timedOut.noAnswer(AAAA);
    assertTrue(timedOut.answered(AAAA));
    assertEquals(0, timedOut.length(AAAA));
    assertEquals(CONNECT, timedOut.next(AAAA));
    // an empty AAAA first: nothing to wait for once A comes, so no delay either
    Resolution emptyFirst = happyEyeballs();
    emptyFirst.answer(AAAA, new int[0], 0);
    assertEquals(WAIT, emptyFirst.next(AAAA));
    emptyFirst.answer(A, new int[] {20}, 1);
    assertEquals(CONNECT, emptyFirst.next(A));
    // the synchronous resolver treats a timeout as an empty answer as well
    Resolution sync = getaddrinfo();
    sync.answer(A, new int[] {20}, 1);
    assertEquals(WAIT, sync.next(A));
    sync.noAnswer(AAAA);
    assertEquals(CONNECT, sync.next(AAAA));
  }

  @Test
  void answersFromTheCacheAtTheStartOfATryCountLikeAnswersThatJustCame() {
    Resolution cachedA = happyEyeballs();
    cachedA.answer(A, new int[] {20}, 1);
    assertEquals(START_DELAY, cachedA.next(START));
    Resolution cachedAaaa = happyEyeballs();
    cachedAaaa.answer(AAAA, new int[] {10}, 1);
    assertEquals(CONNECT, cachedAaaa.next(START));
    Resolution cachedBoth = getaddrinfo();
    cachedBoth.answer(A, new int[] {20}, 1);
    cachedBoth.answer(AAAA, new int[] {10}, 1);
    assertEquals(CONNECT, cachedBoth.next(START));
  }

  @Test
  void aTypeTheTryDoesNotNeedCountsAsAnsweredEmpty() {
    // an IPv4 hint: no AAAA query, so the A answer completes the resolution at once
    Resolution v4 = new Resolution(DELAY, 3, 2);
    v4.begin(true, false);
    assertTrue(v4.answered(AAAA));
    assertEquals(0, v4.length(AAAA));
    v4.answer(A, new int[] {20}, 1);
    assertEquals(CONNECT, v4.next(A));
    Resolution v6 = new Resolution(Time.NEVER, 3, 2);
    v6.begin(false, true);
    v6.answer(AAAA, new int[] {10}, 1);
    assertEquals(CONNECT, v6.next(AAAA));
  }

  @Test
  void beginStartsATryAfresh() {
    Resolution r = happyEyeballs();
    r.answer(A, new int[] {20, 21}, 2);
    assertEquals(START_DELAY, r.next(A));
    // the try fails with the delay still pending; the retry of the call has nothing answered
    // yet, and its delay may start again
    r.begin(true, true);
    assertFalse(r.answered(A));
    assertFalse(r.answered(AAAA));
    assertEquals(0, r.length(A));
    assertEquals(WAIT, r.next(START));
    r.answer(A, new int[] {21}, 1);
    assertEquals(START_DELAY, r.next(A), "once per try, and this is a new try");
    assertArrayEquals(new int[] {21}, Arrays.copyOf(r.answers(A), r.length(A)));
  }
}
