package org.dialsim.scenario;

import java.util.List;
import java.util.Map;
import org.dialsim.model.Topology;
import org.dialsim.stack.Configuration;

/**
 * One fully resolved, validated scenario at one sweep point (or the only point when there is
 * no sweep).
 *
 * @param name the scenario's name (also the default report folder)
 * @param title a one-line title
 * @param description what the scenario shows
 * @param seed the root of every random stream
 * @param replications independent repetitions of the whole workload
 * @param topology hosts, network, DNS and workload
 * @param configurations the stacks under test, in the order written
 * @param point swept parameter path to its value as written ({@code deadline} to {@code 20s});
 *     empty without a sweep
 */
public record Scenario(
    String name,
    String title,
    String description,
    long seed,
    int replications,
    Topology topology,
    List<Configuration> configurations,
    Map<String, String> point) {
  /** Copies the collections. */
  public Scenario {
    configurations = List.copyOf(configurations);
    point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
  }
}
