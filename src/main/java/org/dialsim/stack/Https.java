package org.dialsim.stack;

import java.util.Locale;

/**
 * How a stack uses HTTPS (SVCB) records, RFC 9460, and when it starts connecting, as Happy
 * Eyeballs version 3 (draft-ietf-happy-happyeyeballs-v3-04) describes it ({@code stack.https}).
 * Every value of {@link #OFF} is the draft's, except {@code query}: a stack that sends no HTTPS
 * query is the A/AAAA stack of RFC 8305 and every other key is unused.
 *
 * @param query send an HTTPS query beside AAAA and A (draft section 4.1)
 * @param waitFor when to stop waiting for the HTTPS answer once addresses are in
 * @param reliant SVCB-reliant (RFC 9460 section 3, draft section 6.3): no attempt before the HTTPS
 *     answer, and a failed HTTPS resolution fails the try (RFC 9460 section 3.1)
 * @param waitForPreferred draft section 4.2 (a): move on only once the preferred family is answered
 * @param hintsAnswerFamily an ipv6hint (ipv4hint) counts as the AAAA (A) answer (draft section
 *     4.2.2, example 6); the reference crate waits for the query
 * @param hints what a hint becomes once A/AAAA of its TargetName arrive
 * @param delayFrom what starts the Resolution Delay
 * @param originFallback which of the origin's own addresses form the last group
 * @param shuffleEqualPriority shuffle records of equal SvcPriority (RFC 9460 section 2.4.1, draft
 *     section 5.2)
 * @param ech what an {@code ech} record does to the list
 */
public record Https(boolean query, Wait waitFor, boolean reliant, boolean waitForPreferred, boolean hintsAnswerFamily,
    Hints hints, DelayFrom delayFrom, OriginFallback originFallback, boolean shuffleEqualPriority, Ech ech) {
  /** No HTTPS query: today's A/AAAA stack. */
  public static final Https OFF = new Https(false, new Wait.ResolutionDelay(), false, true, true, Hints.REPLACE,
      DelayFrom.FIRST_ADDRESS, OriginFallback.UNASSOCIATED, true, Ech.IGNORE);

  /** When a stack stops waiting for the HTTPS answer (the closed set of {@code https.wait}). */
  public sealed interface Wait {
    /** Draft -04 section 4.2: move on when (a) or (b) holds; (b) is the Resolution Delay. */
    record ResolutionDelay() implements Wait {}

    /** Wait for every answer, HTTPS included (a resolver that returns everything at once). */
    record Answer() implements Wait {}

    /**
     * Chromium's resolver: wait for A and AAAA; if HTTPS is still out, give it {@code percent}
     * of the time since the queries went out, at least {@code minNs} and at most {@code maxNs},
     * then go without it.
     *
     * @param percent share of the elapsed resolution time, 0 to 100
     * @param minNs least extra time
     * @param maxNs most extra time
     */
    record Extra(int percent, long minNs, long maxNs) implements Wait {}
  }

  /** What a hint becomes once the A/AAAA answer of its TargetName arrives. */
  public enum Hints {
    /** Replaced by the answer (RFC 9460 section 7.3; draft section 4.2.1 and 7). */
    REPLACE,
    /** Kept after the answer's addresses, tried last (mozilla/happy-eyeballs 0.11, pull request 128). */
    FALLBACK;

    /** The scenario spelling. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What starts the Resolution Delay. */
  public enum DelayFrom {
    /** The first positive address answer (draft section 4.2.2, examples 2 to 5). */
    FIRST_ADDRESS,
    /** The first answer of any kind, empty ones too (the reference crate's {@code delay}). */
    FIRST_ANSWER;

    /** The scenario spelling. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Which of the origin's own A/AAAA addresses form the last group. */
  public enum OriginFallback {
    /** Only addresses no "." ServiceMode record covers (draft section 5.2). */
    UNASSOCIATED,
    /** All of them, as TCP endpoints with the client's default ALPN, even when a record covers them (the crate). */
    ALWAYS;

    /** The scenario spelling. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What a record with an {@code ech} SvcParam does to the list. */
  public enum Ech {
    /** Nothing: ECH is not a reason to group (draft section 5.1.1). */
    IGNORE,
    /** When any record has ech, only ech records are used and the origin fallback is dropped (the crate, Chromium). */
    PREFER;

    /** The scenario spelling. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
