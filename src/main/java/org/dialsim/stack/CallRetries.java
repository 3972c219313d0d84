package org.dialsim.stack;

/**
 * Application retries of a whole failed call; {@code max} 2 means up to 3 tries in all.
 *
 * @param max retries after the first try
 * @param backoffNs wait before each retry
 */
public record CallRetries(int max, long backoffNs) {}
