package org.heartbeam.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.heartbeam.model.contour.ContourMask;
import org.heartbeam.model.contour.ContourParser;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.volume.CineVolumes;
import org.heartbeam.model.volume.SliceArea;
import org.heartbeam.dicom.DicomFrameDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The volume and EF arithmetic against the phantom's known answer: the phantom's own i-contours,
 * rasterized and measured as a perfect segmenter's masks would be, must give its EDV, ESV and EF.
 */
class PhantomEjectionFractionTest {
  @Test
  void perfectMasksReproduceTheKnownEjectionFraction(@TempDir Path out) throws Exception {
    SynthSummary summary = SyntheticStudyGenerator.generate(
        SynthOptions.builder().patients(2).slices(6).phases(8).seed(11).build(), out);
    for (PatientTruth truth : summary.truth()) {
      List<SliceArea> areas = new ArrayList<>();
      for (int n = 1; n <= truth.slices() * truth.phases(); n++) {
        Path dicom = out.resolve("dicoms").resolve(truth.patientId()).resolve(n + ".dcm");
        CardiacImage image = DicomFrameDecoder.decode(Files.readAllBytes(dicom), dicom.toString()).get(0);
        Path contour = out.resolve("contourfiles").resolve(truth.originalId())
            .resolve(String.format("i-contours/IM-0001-%04d-icontour-manual.txt", n));
        int pixels = ContourMask.fill(ContourParser.parse(Files.readAllBytes(contour)), image.rows(), image.columns())
            .count();
        areas.add(new SliceArea(image.geometry().positionAlongNormalMm(), image.phaseIndex(), image.triggerTimeMs(),
            pixels * image.geometry().pixelAreaMm2()));
      }
      CineVolumes measured = CineVolumes.of(areas);
      assertEquals(truth.edPhase(), measured.edPhase(), truth.patientId());
      assertEquals(truth.esPhase(), measured.esPhase(), truth.patientId());
      // pixel-centre rasterization vs polygon area: within 2 % of volume and 1 EF point
      assertEquals(truth.edvMl(), measured.edvMl(), 0.02 * truth.edvMl(), truth.patientId() + " EDV");
      assertEquals(truth.esvMl(), measured.esvMl(), 0.02 * truth.esvMl(), truth.patientId() + " ESV");
      assertEquals(truth.efPercent(), measured.ejectionFractionPercent(), 1.0, truth.patientId() + " EF");
    }
  }
}
