/**
 * The simulation of one replication (clients, DNS, attempts as events on the engine) and the
 * runner that spreads replications over threads and merges their tallies deterministically.
 */
package org.dialsim.sim;
