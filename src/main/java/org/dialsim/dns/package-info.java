/**
 * DNS as the clients see it: a name server that orders each answer (fixed, round-robin,
 * random) and a client's cache of answers for their TTL. Addresses are the simulation's numbers.
 */
package org.dialsim.dns;
