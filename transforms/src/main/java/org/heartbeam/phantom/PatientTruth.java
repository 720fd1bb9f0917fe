package org.heartbeam.phantom;

import java.io.Serializable;

/**
 * The known answer for one synthetic study, measured exactly as a perfect segmenter would: Simpson's
 * disc summation of the written i-contour polygons (shoelace area x pixel area x slice spacing).
 *
 * @param patientId DICOM PatientID and folder under {@code dicoms/}
 * @param originalId contour folder under {@code contourfiles/}
 * @param edPhase phase index (0-based) of the largest LV volume
 * @param esPhase phase index (0-based) of the smallest LV volume
 * @param volumesMl LV volume per phase, ml
 */
public record PatientTruth(
    String patientId,
    String originalId,
    int slices,
    int phases,
    int edPhase,
    int esPhase,
    double edvMl,
    double esvMl,
    double[] volumesMl) implements Serializable {

  public double svMl() { return edvMl - esvMl; }

  public double efPercent() { return 100.0 * svMl() / edvMl; }

  /** Builds the truth from per-phase volumes: ED is the largest, ES the smallest (first on ties). */
  static PatientTruth fromVolumes(String patientId, String originalId, int slices, double[] volumesMl) {
    int ed = 0;
    int es = 0;
    for (int p = 1; p < volumesMl.length; p++) {
      if (volumesMl[p] > volumesMl[ed]) {
        ed = p;
      }
      if (volumesMl[p] < volumesMl[es]) {
        es = p;
      }
    }
    return new PatientTruth(patientId, originalId, slices, volumesMl.length, ed, es,
        volumesMl[ed], volumesMl[es], volumesMl.clone());
  }
}
