package org.dialsim.stats;

import java.util.Map;

/**
 * A configuration's first failed call, told for the report: which call it was, the verdict
 * sentence, the attempt-by-attempt text and the timeline picture, already rendered (this
 * package knows nothing of traces or charts).
 *
 * @param configuration the configuration's name
 * @param point the sweep point it failed at (empty without a sweep)
 * @param replication its replication, from 0
 * @param client its client, from 0
 * @param call its call of that client, from 1
 * @param verdict the one-sentence verdict, as {@code dialsim explain} gives it
 * @param text the whole explanation, as {@code dialsim explain} prints it
 * @param timelinePng the timeline chart as PNG
 */
public record FailedCall(String configuration, Map<String, String> point, int replication, int client, int call,
    String verdict, String text, byte[] timelinePng) {
  /** Copies the map. */
  public FailedCall {
    point = Map.copyOf(point);
  }
}
