package org.dialsim.model;

/** How the resolver's AAAA query goes. */
public enum AaaaBehaviour {
  /** Answered like A. */
  NORMAL,
  /** No answer: the resolver gives up after its timeout and continues with A only. */
  TIMEOUT,
  /** NODATA: an empty answer at the usual latency. */
  EMPTY
}
