package org.heartbeam.report;

/**
 * A true ejection fraction to show next to a measured one.
 *
 * @param seriesKey the series it is the truth of; empty when it holds for the patient's study (the
 *     phantom's ground_truth.csv has one row per patient)
 * @param source what the truth is, as the report names it
 */
public record EfTruth(String patientKey, String seriesKey, double efPercent, String source) {
  static final String PHANTOM = "phantom truth";
  static final String EXPERT = "expert contours";

  boolean isTruthOf(VolumeRow measured) {
    return patientKey.equals(measured.patientKey()) && (seriesKey.isEmpty() || seriesKey.equals(measured.seriesKey()));
  }
}
