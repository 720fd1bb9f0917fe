package org.heartbeam.report;

/** One series' LV volumes and ejection fraction (a row of volumes.csv); NaN where not computable. */
public record VolumeRow(String modelVersion, String patientKey, String studyKey, String seriesKey, double edvMl,
    double esvMl, double svMl, double efPercent, boolean computable, String reason) {}
