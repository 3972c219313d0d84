/**
 * {@code dialsim check}: {@code expect:} assertions judged against a run, a comparison with a
 * baseline results.json, and the JUnit XML and GitHub annotations that CI systems read.
 */
package org.dialsim.check;
