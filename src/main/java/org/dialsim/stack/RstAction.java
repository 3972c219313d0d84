package org.dialsim.stack;

/** What a stack does when a SYN is answered by a RST. */
public enum RstAction {
  /** Report "connection refused" at once (Linux, BSD). */
  FAIL,
  /** Retransmit the SYN on the schedule and report refused after the retries (Windows). */
  RETRY
}
