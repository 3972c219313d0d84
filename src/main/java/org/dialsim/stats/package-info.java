/**
 * Tallies of finished calls that merge exactly (integer counts and a histogram), the SPEC 3
 * metrics computed from them (Wilson intervals, percentiles), and a run's results as rows.
 */
package org.dialsim.stats;
