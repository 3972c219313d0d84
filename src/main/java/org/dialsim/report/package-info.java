/**
 * Writes what a run found: results.csv, results.json and the console table, each file written
 * to a temporary name and moved into place so an interrupted run never leaves half a report.
 */
package org.dialsim.report;
