package org.heartbeam.pipelines.report;

/** One patient's Dice summary (the "dice" rows of patients.csv); NaN where undefined. */
public record PatientRow(String modelVersion, String patientKey, long images, long labelled, double mean, double sd,
    double median, double min, double max) {}
