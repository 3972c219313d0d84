/**
 * Tallies of finished calls that merge exactly (integer counts and a histogram), and the
 * SPEC 3 metrics computed from them: Wilson intervals for rates, percentiles of establishment.
 */
package org.dialsim.stats;
