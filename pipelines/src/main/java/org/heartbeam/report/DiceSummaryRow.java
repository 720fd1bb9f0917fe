package org.heartbeam.report;

/**
 * A Dice summary: the "dice" row of patients.csv (one per model version and patient) or of run.csv
 * (one per model version; patient key empty). NaN where undefined.
 */
public record DiceSummaryRow(String modelVersion, String patientKey, long images, long labelled, double mean,
    double sd, double median, double min, double max) {}
