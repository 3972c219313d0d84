package org.dialsim.model;

/** How a DNS server orders the records of one answer. */
public enum AnswerOrder {
  /** As written in the scenario. */
  FIXED,
  /** Rotated by one for every query of that type (the server's counter, shared by all clients). */
  ROUND_ROBIN,
  /** A fresh random permutation per query. */
  RANDOM
}
