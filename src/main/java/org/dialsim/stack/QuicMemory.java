package org.dialsim.stack;

import java.util.Locale;
import org.dialsim.engine.Time;

/**
 * What a client learns from failed QUIC attempts ({@code quic.memory}): Chromium's
 * BrokenAlternativeServices, per origin; dialsim's calls all go to one origin, so per client.
 *
 * @param kind the rule
 * @param when which failures mark QUIC broken
 * @param ttlNs how long the first mark lasts ({@link Time#NEVER}: for the client's life)
 * @param backoff how later marks grow
 * @param maxTtlNs the longest a mark lasts under the backoff
 */
public record QuicMemory(Kind kind, When when, long ttlNs, Backoff backoff, long maxTtlNs) {
  /** Nothing learnt: the defaults.yaml values with {@code kind: none}. */
  public static final QuicMemory NONE = new QuicMemory(Kind.NONE, When.LOST_RACE, 5 * Time.M, Backoff.NONE, 48 * Time.H);

  /**
   * How long the mark made with {@code count} earlier marks lasts. Chromium's
   * ComputeBrokenAlternativeServiceExpirationDelay (net/http/broken_alternative_services.cc):
   * the initial delay for the first, then {@code initial x 2^(count - 1)}, capped.
   */
  public long markNs(int count) {
    if (backoff == Backoff.NONE || count == 0 || ttlNs == Time.NEVER) {
      return ttlNs;
    }
    // kBrokenDelayMaxShift = 18 bounds the shift
    int shift = Math.min(count - 1, 18);
    long d = ttlNs > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : ttlNs << shift;
    return Math.min(d, maxTtlNs);
  }

  /** The learning rules. */
  public enum Kind {
    /** Nothing is remembered. */
    NONE,
    /** QUIC to the origin is not attempted while marked broken. */
    MARK_BROKEN;

    /** The scenario spelling. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Which failures mark QUIC broken. */
  public enum When {
    /** QUIC failed (or would have) and TCP connected (Chromium's MaybeReportBrokenAlternativeService). */
    LOST_RACE,
    /** Any failed QUIC attempt. */
    FAILED;

    /** The scenario spelling. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** How later marks grow. */
  public enum Backoff {
    /** Every mark lasts ttl. */
    NONE,
    /** ttl, ttl, 2 ttl, 4 ttl ... up to max_ttl; a QUIC success starts over (Chromium). */
    CHROMIUM;

    /** The scenario spelling. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
