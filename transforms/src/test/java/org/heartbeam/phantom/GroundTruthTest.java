package org.heartbeam.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The truth CSVs equal an independent Simpson's-rule measurement of the written files: shoelace
 * area of each i-contour x pixel area (PixelSpacing) x slice spacing (from ImagePositionPatient
 * along the slice normal), read back with PixelMed.
 */
class GroundTruthTest {
  private static final int PATIENTS = 6;
  private static final int SLICES = 5;
  private static final int PHASES = 8;

  @TempDir static Path dir;
  private static SynthSummary summary;

  @BeforeAll
  static void generate() throws Exception {
    summary = SyntheticStudyGenerator.generate(SynthOptions.builder()
        .patients(PATIENTS).slices(SLICES).phases(PHASES).seed(11).rows(128).cols(128).build(), dir);
  }

  @Test
  void truthCsvMatchesVolumesRecomputedFromFiles() throws Exception {
    List<Map<String, String>> rows = SynthFiles.csv(dir.resolve("ground_truth.csv"));
    List<Map<String, String>> volumeRows = SynthFiles.csv(dir.resolve("ground_truth_volumes.csv"));
    assertEquals(PATIENTS, rows.size());
    assertEquals(PATIENTS * PHASES, volumeRows.size());
    for (int p = 0; p < PATIENTS; p++) {
      Map<String, String> row = rows.get(p);
      String patientId = row.get("patient_id");
      double[] volumes = measuredVolumes(patientId, row.get("original_id"));
      int ed = argMax(volumes);
      int es = argMin(volumes);
      assertEquals(ed, Integer.parseInt(row.get("ed_phase")), patientId);
      assertEquals(es, Integer.parseInt(row.get("es_phase")), patientId);
      assertEquals(0, ed, "ED is the first phase");
      assertEquals(volumes[ed], Double.parseDouble(row.get("EDV_ml")), 1e-3, patientId);
      assertEquals(volumes[es], Double.parseDouble(row.get("ESV_ml")), 1e-3, patientId);
      assertEquals(volumes[ed] - volumes[es], Double.parseDouble(row.get("SV_ml")), 1e-3, patientId);
      double ef = 100 * (volumes[ed] - volumes[es]) / volumes[ed];
      assertEquals(ef, Double.parseDouble(row.get("EF_percent")), 1e-3, patientId);
      assertEquals(ef, summary.truth().get(p).efPercent(), 1e-9, patientId);
      for (int phase = 0; phase < PHASES; phase++) {
        Map<String, String> v = volumeRows.get(p * PHASES + phase);
        assertEquals(patientId, v.get("patient_id"));
        assertEquals(phase, Integer.parseInt(v.get("phase")));
        assertEquals(volumes[phase], Double.parseDouble(v.get("lv_volume_ml")), 1e-3);
      }
      // ES falls at 35-40 % of the cycle, i.e. phase 2.8-3.2 of 8.
      assertTrue(es == 3, "ES phase " + es);
    }
  }

  @Test
  void ejectionFractionsAreSpreadLikeAClinicalCohort() {
    double min = summary.truth().stream().mapToDouble(PatientTruth::efPercent).min().orElseThrow();
    double max = summary.truth().stream().mapToDouble(PatientTruth::efPercent).max().orElseThrow();
    assertTrue(min > 20 && max < 80, String.format(Locale.ROOT, "EF range %.1f-%.1f", min, max));
    assertTrue(max - min > 10, String.format(Locale.ROOT, "EF spread too narrow: %.1f-%.1f", min, max));
  }

  private static double[] measuredVolumes(String patientId, String originalId) throws Exception {
    AttributeList first = SynthFiles.read(dir.resolve("dicoms/" + patientId + "/1.dcm"));
    AttributeList second = SynthFiles.read(dir.resolve("dicoms/" + patientId + "/" + (PHASES + 1) + ".dcm"));
    double[] spacing = SynthFiles.doubles(first, TagFromName.PixelSpacing);
    double[] iop = SynthFiles.doubles(first, TagFromName.ImageOrientationPatient);
    double[] normal = {
        iop[1] * iop[5] - iop[2] * iop[4], iop[2] * iop[3] - iop[0] * iop[5], iop[0] * iop[4] - iop[1] * iop[3]};
    double[] a = SynthFiles.doubles(first, TagFromName.ImagePositionPatient);
    double[] b = SynthFiles.doubles(second, TagFromName.ImagePositionPatient);
    double sliceSpacing = Math.abs((b[0] - a[0]) * normal[0] + (b[1] - a[1]) * normal[1] + (b[2] - a[2]) * normal[2]);
    assertEquals(SynthFiles.doubles(first, TagFromName.SpacingBetweenSlices)[0], sliceSpacing, 1e-3);
    double[] volumes = new double[PHASES];
    for (int phase = 0; phase < PHASES; phase++) {
      double area = 0;
      for (int slice = 0; slice < SLICES; slice++) {
        int n = slice * PHASES + phase + 1;
        area += SynthFiles.shoelace(SynthFiles.contour(dir.resolve(String.format(Locale.ROOT,
            "contourfiles/%s/i-contours/IM-0001-%04d-icontour-manual.txt", originalId, n))));
      }
      volumes[phase] = area * spacing[0] * spacing[1] * sliceSpacing / 1000;
    }
    return volumes;
  }

  private static int argMax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] > v[best] ? i : best;
    }
    return best;
  }

  private static int argMin(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] < v[best] ? i : best;
    }
    return best;
  }
}
