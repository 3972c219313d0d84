package org.dialsim.scenario;

import java.util.Map;

/**
 * One {@code expect:} assertion.
 *
 * @param configuration the configuration it applies to, or null for every configuration
 * @param metric a SPEC 3 metric name, e.g. {@code first_call_failure_rate}
 * @param max upper bound, or null
 * @param min lower bound, or null
 * @param confidence true: fail only when the whole 95 % interval lies beyond the bound
 * @param at sweep point it applies to (path to value as written); empty = every point
 * @param line 1-based line of the assertion in the file
 * @param column 1-based column
 */
public record Expectation(
    String configuration,
    String metric,
    Double max,
    Double min,
    boolean confidence,
    Map<String, String> at,
    int line,
    int column) {}
