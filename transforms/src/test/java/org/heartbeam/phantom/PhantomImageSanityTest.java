package org.heartbeam.phantom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pixels look like cine MR where the contours say: bright pool, darker wall, noise, motion. */
class PhantomImageSanityTest {
  private static final int PATIENTS = 3;
  private static final int SLICES = 4;
  private static final int PHASES = 6;

  @TempDir static Path dir;
  private static SynthSummary summary;

  @BeforeAll
  static void generate() throws Exception {
    summary = SyntheticStudyGenerator.generate(SynthOptions.builder()
        .patients(PATIENTS).slices(SLICES).phases(PHASES).seed(3).build(), dir);
  }

  @Test
  void bloodPoolIsBrighterThanMyocardiumAndNoiseIsPresent() throws Exception {
    for (int p = 0; p < PATIENTS; p++) {
      PatientTruth truth = summary.truth().get(p);
      for (int slice = 0; slice < SLICES; slice++) {
        int n = slice * PHASES + truth.edPhase() + 1;
        AttributeList image = SynthFiles.read(dir.resolve("dicoms/" + truth.patientId() + "/" + n + ".dcm"));
        short[] pixels = SynthFiles.pixels(image);
        double[][] inner = SynthFiles.contour(contour(truth.originalId(), "i", n));
        double[][] outer = SynthFiles.contour(contour(truth.originalId(), "o", n));
        double blood = 0;
        double blood2 = 0;
        int bloodCount = 0;
        double wall = 0;
        int wallCount = 0;
        for (int r = 0; r < 256; r++) {
          for (int c = 0; c < 256; c++) {
            double v = pixels[r * 256 + c];
            if (SynthFiles.inside(inner, c, r)) {
              blood += v;
              blood2 += v * v;
              bloodCount++;
            } else if (SynthFiles.inside(outer, c, r)) {
              wall += v;
              wallCount++;
            }
          }
        }
        double bloodMean = blood / bloodCount;
        double wallMean = wall / wallCount;
        double bloodSd = Math.sqrt(blood2 / bloodCount - bloodMean * bloodMean);
        String where = String.format(Locale.ROOT, "patient %d slice %d: blood %.0f wall %.0f sd %.1f",
            p, slice, bloodMean, wallMean, bloodSd);
        assertTrue(bloodCount > 20 && wallCount > 20, where);
        assertTrue(bloodMean > 1.8 * wallMean, where);
        assertTrue(bloodSd > 0.01 * bloodMean, "no noise in the blood pool: " + where);
      }
    }
  }

  @Test
  void contoursAreInsideTheImageAndMoveWithTheHeart() throws Exception {
    for (PatientTruth truth : summary.truth()) {
      double[] edArea = new double[SLICES];
      for (int slice = 0; slice < SLICES; slice++) {
        for (int phase = 0; phase < PHASES; phase++) {
          for (String kind : new String[] {"i", "o"}) {
            for (double[] xy : SynthFiles.contour(contour(truth.originalId(), kind, slice * PHASES + phase + 1))) {
              assertTrue(xy[0] >= 0 && xy[0] <= 255 && xy[1] >= 0 && xy[1] <= 255, "vertex outside image");
            }
          }
        }
        double ed = area(truth.originalId(), slice * PHASES + truth.edPhase() + 1);
        double es = area(truth.originalId(), slice * PHASES + truth.esPhase() + 1);
        assertTrue(es < 0.9 * ed, "slice " + slice + ": ES area " + es + " vs ED " + ed);
        edArea[slice] = ed;
      }
      assertTrue(edArea[SLICES - 1] < 0.6 * edArea[0], "apex area not smaller than base");
    }
  }

  @Test
  void backgroundIsNotConstant() throws Exception {
    AttributeList image = SynthFiles.read(dir.resolve("dicoms/SYN0001/1.dcm"));
    java.util.Set<Short> values = new java.util.HashSet<>();
    for (short v : SynthFiles.pixels(image)) {
      values.add(v);
    }
    assertTrue(values.size() > 300, "only " + values.size() + " distinct pixel values");
  }

  private static double area(String originalId, int n) throws Exception {
    return SynthFiles.shoelace(SynthFiles.contour(contour(originalId, "i", n)));
  }

  private static Path contour(String originalId, String kind, int n) {
    return dir.resolve(String.format(Locale.ROOT, "contourfiles/%s/%s-contours/IM-0001-%04d-%scontour-manual.txt",
        originalId, kind, n, kind));
  }
}
