/**
 * Writes what a run found: results.csv, results.json, the charts, index.html, the console
 * table and explain's story of one call; every file is written to a temporary name and moved
 * into place so an interrupted run never leaves half a report. Also the partial results of
 * sharded runs, and their merging.
 */
package org.dialsim.report;
