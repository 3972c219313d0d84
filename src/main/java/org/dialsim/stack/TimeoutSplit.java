package org.dialsim.stack;

/** How the remaining time before the deadline is shared among addresses. */
public enum TimeoutSplit {
  /** Every attempt may run to its own timeout. */
  NONE,
  /** Go's partialDeadline: remaining time / addresses left, at least 2 s. */
  EVEN,
  /** curl up to 8.14: half the remaining time for each non-last address of a family. */
  HALVE
}
