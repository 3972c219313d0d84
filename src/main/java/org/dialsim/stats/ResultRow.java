package org.dialsim.stats;

import java.util.Map;
import org.dialsim.stack.StackConfig;

/**
 * One row of the results: a configuration at a sweep point.
 *
 * @param configuration the configuration's name
 * @param point swept parameter path to value as written; empty without a sweep
 * @param metrics its metrics
 * @param stack the configuration's resolved stack at this point (for chart markers: the
 *     per-attempt limit and the deadline)
 */
public record ResultRow(String configuration, Map<String, String> point, Metrics metrics, StackConfig stack) {}
