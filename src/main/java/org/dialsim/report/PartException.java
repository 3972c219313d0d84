package org.dialsim.report;

/**
 * Partial results cannot be merged: a part is missing, unreadable or not a partial result, or
 * the parts do not belong together (another run or version, mixed or repeated shards).
 */
public final class PartException extends Exception {
  private final boolean unreadable;

  /**
   * An exception with a message of one line per problem, each starting with what it is about.
   *
   * @param message the problems
   * @param unreadable true when a file could not be read at all (an I/O error), false when its
   *     content is wrong
   */
  public PartException(String message, boolean unreadable) {
    super(message, null, false, false); // the message is the product; a stack trace would be noise
    this.unreadable = unreadable;
  }

  /** True when a file could not be read (an I/O error rather than a wrong part). */
  public boolean unreadable() {
    return unreadable;
  }
}
