package org.heartbeam.report;

/**
 * One segmented image of an inference run (a row of images.csv). Keys are the pipeline's hashed,
 * PHI-free keys; the source file path is deliberately not read (folder names can carry patient IDs).
 *
 * @param dice NaN when the image has no expert label
 */
public record ImageRow(String imageKey, String patientKey, String studyKey, String seriesKey, String modelVersion,
    double slicePositionMm, int phaseIndex, double lvAreaMm2, boolean labelled, double dice) {

  boolean hasDice() { return labelled && !Double.isNaN(dice); }
}
