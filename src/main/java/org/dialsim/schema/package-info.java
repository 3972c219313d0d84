/**
 * The JSON Schema of the scenario format for editors, generated from defaults.yaml (keys,
 * defaults, comments as descriptions, {@code a | b} comments as enums) so that it follows it.
 */
package org.dialsim.schema;
