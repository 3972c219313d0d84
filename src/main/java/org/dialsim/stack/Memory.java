package org.dialsim.stack;

import java.util.Locale;

/**
 * What a client instance learns across calls.
 *
 * @param kind the rule
 * @param ttlNs how long a learned fact holds ({@link org.dialsim.engine.Time#NEVER}: for the
 *     client's life)
 */
public record Memory(Kind kind, long ttlNs) {
  /** The learning rules. */
  public enum Kind {
    /** Nothing is remembered. */
    NONE,
    /** An address that failed goes last until it succeeds again or ttl passes. */
    AVOID_FAILED,
    /** The last address that connected goes first for ttl. */
    PREFER_LAST_GOOD;

    /** The scenario spelling. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
