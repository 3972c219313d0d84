/**
 * Scenario files: YAML read into a position-keeping tree, merged with the documented defaults
 * and built-in profiles, validated with file:line:col messages, and bound to model records.
 */
package org.dialsim.scenario;
