/**
 * The HTML report of a training or inference run folder ({@code heartbeam report}): reads the run's files and
 * writes one self-contained {@code report.html} with charts.
 *
 * <p>No Beam and no other HeartBeam package: it reads run folders as files. Depends on Jackson and JFreeChart.
 */
package org.heartbeam.report;
