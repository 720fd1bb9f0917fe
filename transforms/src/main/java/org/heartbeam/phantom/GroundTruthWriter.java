package org.heartbeam.phantom;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the known answers: {@code ground_truth.csv} (one line per patient: ED/ES phase, EDV, ESV,
 * SV, EF) and {@code ground_truth_volumes.csv} (LV volume per patient and phase). Volumes are ml
 * with 4 decimals, far below any segmentation error, so comparisons can be tight.
 */
final class GroundTruthWriter {
  static final String STUDIES = "ground_truth.csv";
  static final String VOLUMES = "ground_truth_volumes.csv";

  private GroundTruthWriter() {}

  static void write(Path root, List<PatientTruth> truth) throws IOException {
    Files.createDirectories(root);
    try (Writer w = Files.newBufferedWriter(root.resolve(STUDIES), StandardCharsets.US_ASCII)) {
      w.write("patient_id,original_id,slices,phases,ed_phase,es_phase,EDV_ml,ESV_ml,SV_ml,EF_percent\n");
      for (PatientTruth t : truth) {
        w.write(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%.4f,%.4f,%.4f,%.4f\n",
            t.patientId(), t.originalId(), t.slices(), t.phases(), t.edPhase(), t.esPhase(),
            t.edvMl(), t.esvMl(), t.svMl(), t.efPercent()));
      }
    }
    try (Writer w = Files.newBufferedWriter(root.resolve(VOLUMES), StandardCharsets.US_ASCII)) {
      w.write("patient_id,phase,lv_volume_ml\n");
      for (PatientTruth t : truth) {
        for (int phase = 0; phase < t.phases(); phase++) {
          w.write(String.format(Locale.ROOT, "%s,%d,%.4f\n", t.patientId(), phase, t.volumesMl()[phase]));
        }
      }
    }
  }
}
