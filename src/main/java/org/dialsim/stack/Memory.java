package org.dialsim.stack;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a client instance learns across calls.
 *
 * @param kind the rule
 * @param ttlNs how long a learned fact holds ({@link org.dialsim.engine.Time#NEVER}: for the
 *     client's life)
 * @param learn which failed attempts {@code avoid-failed} remembers
 */
public record Memory(Kind kind, long ttlNs, Set<Learn> learn) {
  /**
   * The failures that came back with an answer or ran out their own timer: what dialsim's
   * memory learnt before {@code learn} was a key (and what defaults.yaml gives it).
   */
  public static final Set<Learn> ANSWERED = Collections.unmodifiableSet(EnumSet.of(Learn.TIMEOUT, Learn.REFUSED,
      Learn.UNREACHABLE));

  /** Copies the set, in a fixed order. */
  public Memory {
    learn = learn.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Learn.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(learn));
  }

  /** A memory that learns {@link #ANSWERED} failures (for stacks built in code, such as tests). */
  public Memory(Kind kind, long ttlNs) {
    this(kind, ttlNs, ANSWERED);
  }

  /** True when a failure of this kind is remembered. */
  public boolean learns(Learn why) {
    return learn.contains(why);
  }

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

  /** How an attempt failed, as far as memory is concerned (the scenario's {@code learn} list). */
  public enum Learn {
    /** The SYN schedule, attempt_timeout or a timeout split ran out. */
    TIMEOUT,
    /** A RST came back: nothing listens on that family. */
    REFUSED,
    /** An ICMP error came back, or there was no route. */
    UNREACHABLE,
    /**
     * The call's deadline cut the attempt off while it waited: it never got an answer. (An
     * attempt stopped because another one connected is never learned.)
     */
    CUT;

    /** The scenario spelling. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
