package org.dialsim.stats;

import java.util.Map;

/**
 * One row of the results: a configuration at a sweep point.
 *
 * @param configuration the configuration's name
 * @param point swept parameter path to value as written; empty without a sweep
 * @param metrics its metrics
 * @param attemptLimitNs the longest one attempt of this configuration may last (its SYN
 *     schedule or attempt_timeout), {@link org.dialsim.engine.Time#NEVER} when unlimited
 * @param deadlineNs its call deadline, or {@link org.dialsim.engine.Time#NEVER}
 */
public record ResultRow(String configuration, Map<String, String> point, Metrics metrics, long attemptLimitNs,
    long deadlineNs) {}
