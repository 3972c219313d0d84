package org.dialsim.model;

/**
 * How the resolver's queries of one type go ({@code dns.https}, {@code dns.names.N.answers});
 * {@code dns.aaaa} keeps its own three values ({@link AaaaBehaviour}).
 */
public enum Pathology {
  /** Answered with the name's records at the usual latency. */
  NORMAL,
  /** Never answered: the resolver gives up after its timeout. */
  TIMEOUT,
  /** NODATA: an empty answer at the usual latency, cached like any answer. */
  EMPTY,
  /** An error answer (SERVFAIL) at the usual latency: no records, and not cached. */
  SERVFAIL;

  /** The same pathology for AAAA written as {@code dns.aaaa}. */
  public static Pathology of(AaaaBehaviour b) {
    return switch (b) {
      case NORMAL -> NORMAL;
      case TIMEOUT -> TIMEOUT;
      case EMPTY -> EMPTY;
    };
  }
}
