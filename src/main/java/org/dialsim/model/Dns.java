package org.dialsim.model;

import java.util.Map;

/**
 * The DNS side of a scenario.
 *
 * @param names the names by FQDN
 * @param answerOrder how the server orders each answer
 * @param latencyA delay of an A answer
 * @param latencyAaaa delay of an AAAA answer
 * @param aaaa AAAA pathology
 * @param resolverTimeoutNs how long the resolver waits for an answer that never comes
 * @param latencyHttps delay of an HTTPS answer
 * @param https HTTPS pathology
 */
public record Dns(
    Map<String, DnsName> names,
    AnswerOrder answerOrder,
    Delay latencyA,
    Delay latencyAaaa,
    AaaaBehaviour aaaa,
    long resolverTimeoutNs,
    Delay latencyHttps,
    Pathology https) {
  /** DNS whose HTTPS queries are answered like A queries (the defaults.yaml values). */
  public Dns(Map<String, DnsName> names, AnswerOrder answerOrder, Delay latencyA, Delay latencyAaaa, AaaaBehaviour aaaa,
      long resolverTimeoutNs) {
    this(names, answerOrder, latencyA, latencyAaaa, aaaa, resolverTimeoutNs, latencyA, Pathology.NORMAL);
  }

  /** Copies the map. */
  public Dns {
    // keep the written order: reports and messages list names as the scenario does
    names = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(names));
  }

  /** The latency of an answer of {@code type} for {@code name}: its own, else the resolver's. */
  public Delay latency(DnsName name, RecordType type) {
    Delay own = name.latency().get(type);
    if (own != null) {
      return own;
    }
    return switch (type) {
      case A -> latencyA;
      case AAAA -> latencyAaaa;
      case HTTPS -> latencyHttps;
    };
  }

  /** How a query of {@code type} for {@code name} goes: its own pathology, else the resolver's. */
  public Pathology pathology(DnsName name, RecordType type) {
    Pathology own = name.answers().get(type);
    if (own != null) {
      return own;
    }
    return switch (type) {
      case A -> Pathology.NORMAL;
      case AAAA -> Pathology.of(aaaa);
      case HTTPS -> https;
    };
  }
}
