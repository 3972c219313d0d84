package org.dialsim.model;

/**
 * A half-open interval [from, to) of simulated time in nanoseconds; {@code to} may be
 * {@link org.dialsim.engine.Time#NEVER}.
 */
public record Window(long fromNs, long toNs) {
  /** Checks the order of the ends. */
  public Window {
    if (fromNs < 0 || toNs < fromNs) {
      throw new IllegalArgumentException("window must have 0 <= from <= to");
    }
  }

  /** True when {@code t} lies in the window. */
  public boolean contains(long t) {
    return t >= fromNs && t < toNs;
  }
}
