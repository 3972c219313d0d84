package org.dialsim.stack;

/**
 * A named stack under test: one row of the results.
 *
 * @param name as the scenario names it
 * @param stack the resolved stack
 */
public record Configuration(String name, StackConfig stack) {}
