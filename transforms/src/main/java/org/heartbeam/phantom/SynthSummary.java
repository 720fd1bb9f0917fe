package org.heartbeam.phantom;

import java.util.List;

/**
 * What one {@link SyntheticStudyGenerator#generate} run wrote.
 *
 * @param patients studies written
 * @param images DICOM files written
 * @param contourFiles i- plus o-contour files written
 * @param truth per-patient volumes and ejection fraction, in patient order
 */
public record SynthSummary(int patients, int images, int contourFiles, List<PatientTruth> truth) {
  public SynthSummary {
    truth = List.copyOf(truth);
  }
}
