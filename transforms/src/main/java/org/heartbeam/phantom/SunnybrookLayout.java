package org.heartbeam.phantom;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * File names of the Sunnybrook Cardiac Data release, which the synthetic studies copy exactly:
 * {@code link.csv}, {@code dicoms/<patient_id>/<N>.dcm} and
 * {@code contourfiles/<original_id>/{i,o}-contours/IM-0001-<NNNN>-{i,o}contour-manual.txt}.
 */
final class SunnybrookLayout {
  private final Path root;

  SunnybrookLayout(Path root) {
    this.root = root;
  }

  Path dicomDir(String patientId) {
    return root.resolve("dicoms").resolve(patientId);
  }

  Path innerContour(String originalId, int instance) {
    return contour(originalId, instance, "i");
  }

  Path outerContour(String originalId, int instance) {
    return contour(originalId, instance, "o");
  }

  private Path contour(String originalId, int instance, String kind) {
    return root.resolve("contourfiles").resolve(originalId).resolve(kind + "-contours")
        .resolve(String.format(Locale.ROOT, "IM-0001-%04d-%scontour-manual.txt", instance, kind));
  }

  /** Writes {@code link.csv}: patient_id,original_id, one line per patient. */
  void writeLink(List<PatientTruth> patients) throws IOException {
    Files.createDirectories(root);
    try (Writer w = Files.newBufferedWriter(root.resolve("link.csv"), StandardCharsets.US_ASCII)) {
      w.write("patient_id,original_id\n");
      for (PatientTruth p : patients) {
        w.write(p.patientId() + "," + p.originalId() + "\n");
      }
    }
  }
}
