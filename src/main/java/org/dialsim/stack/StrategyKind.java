package org.dialsim.stack;

import java.util.Locale;

/** The closed set of connection strategies (SPEC 1.4 {@code strategy}). */
public enum StrategyKind {
  /** Only the first address is tried ({@code new Socket(host, port)} in Java). */
  FIRST_ONLY,
  /** One attempt at a time; the next starts when the previous one has failed. */
  SEQUENTIAL,
  /** One sequential racer per family; the second starts after attempt_delay (Go, Chromium). */
  FAMILY_RACE,
  /** RFC 8305 section 5: a new attempt every attempt_delay, earlier ones keep running. */
  STAGGERED,
  /** Each attempt but the last is abandoned after attempt_delay (Node.js autoSelectFamily). */
  ABORT_ADVANCE;

  /** The scenario spelling. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
