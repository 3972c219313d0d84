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
 */
public record Dns(
    Map<String, DnsName> names,
    AnswerOrder answerOrder,
    Delay latencyA,
    Delay latencyAaaa,
    AaaaBehaviour aaaa,
    long resolverTimeoutNs) {
  /** Copies the map. */
  public Dns {
    // keep the written order: reports and messages list names as the scenario does
    names = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(names));
  }
}
