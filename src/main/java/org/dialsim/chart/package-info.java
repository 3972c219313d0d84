/**
 * The report's charts: a pure model per chart (datasets, axis ranges, markers), built into
 * JFreeChart objects with one shared {@link org.dialsim.chart.Theme}, rendered to PNG and SVG.
 */
package org.dialsim.chart;
