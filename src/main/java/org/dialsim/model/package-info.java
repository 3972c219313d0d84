/**
 * What a scenario describes, as immutable values: hosts and their addresses, network path
 * rules, DNS names, the workload. It knows nothing of YAML and nothing of events.
 */
package org.dialsim.model;
