package org.dialsim.stats;

/**
 * One line of a {@code dialsim check} verdict, as its report shows it: an assertion of the
 * scenario's {@code expect:} or a metric that regressed against the baseline.
 *
 * @param passed true when it holds
 * @param where the row it is about ({@code UCMA 4.0}, or with a sweep point)
 * @param details the metric, its value, the bound and the interval, as the console prints them
 * @param reason why it failed; empty when it passed
 */
public record CheckedLine(boolean passed, String where, String details, String reason) {}
