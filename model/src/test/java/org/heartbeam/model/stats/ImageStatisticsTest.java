package org.heartbeam.model.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.image.PatientKey;
import org.heartbeam.model.image.SegmentedImage;
import org.junit.jupiter.api.Test;

/** Per-image numbers for small masks worked out by hand, on an anisotropic 0.5 x 2 mm grid. */
class ImageStatisticsTest {
  private static final double EPS = 1e-12;

  @Test
  void labelledImageAgainstAKnownLabel() {
    // prediction: rows 0-1 x cols 0-1 (4 px); label: rows 0-1 x cols 0-2 (6 px). TP 4, FP 0, FN 2.
    ImageStatistics s = ImageStatistics.of(SegmentedImage.of(
        LabeledImage.labeled(image(), block(2, 3)), block(2, 2), "lv-unet@7"));
    assertTrue(s.labelled());
    assertEquals(4, s.predictedPixels());
    assertEquals(4.0, s.lvAreaMm2(), EPS); // pixel area 0.5 x 2 = 1 mm^2
    assertEquals(6.0, s.labelAreaMm2(), EPS);
    assertEquals(0.8, s.dice(), EPS); // 2x4 / (4+6)
    assertEquals(9.0 / 11.0, s.smoothedDice(), EPS); // (8+1) / (10+1)
    assertEquals(4.0 / 6.0, s.iou(), EPS);
    assertEquals(1.0, s.precision(), EPS);
    assertEquals(4.0 / 6.0, s.recall(), EPS);
    // Every pixel is a surface pixel. Prediction -> label: 4 x 0. Label -> prediction: 4 x 0 and the
    // two pixels of column 2 at one column (2 mm). Pooled: 8 zeros, 2 twos; h = 0.95 x 9 = 8.55 -> 2.
    assertEquals(2.0, s.hd95Mm(), EPS);
    assertEquals((0.0 + 4.0 / 6.0) / 2, s.assdMm(), EPS); // (mean 0 + mean 2x2/6) / 2
    assertEquals("lv-unet@7", s.modelVersion());
    assertEquals(PatientKey.of("P-1"), s.patientKey());
    assertEquals(ImageStatistics.studyKeyOf("1.2.3"), s.studyKey());
    assertTrue(s.studyKey().startsWith("st-") && !s.studyKey().contains("1.2.3"));
    assertEquals(12.5, s.slicePositionMm(), EPS); // z of the position, axial orientation
    assertEquals(3, s.phaseIndex());
  }

  @Test
  void bothMasksEmptyAgreePerfectly() {
    ImageStatistics s = ImageStatistics.of(SegmentedImage.of(
        LabeledImage.labeled(image(), Mask.empty(4, 4)), Mask.empty(4, 4), "m"));
    assertEquals(1.0, s.dice(), EPS);
    assertEquals(1.0, s.iou(), EPS);
    assertEquals(0.0, s.hd95Mm(), EPS);
    assertEquals(0.0, s.assdMm(), EPS);
    assertEquals(0.0, s.lvAreaMm2(), EPS);
  }

  @Test
  void oneEmptyMaskHasNoSurfaceDistance() {
    ImageStatistics s = ImageStatistics.of(SegmentedImage.of(
        LabeledImage.labeled(image(), block(2, 2)), Mask.empty(4, 4), "m"));
    assertEquals(0.0, s.dice(), EPS);
    assertTrue(Double.isNaN(s.hd95Mm()));
    assertTrue(Double.isNaN(s.precision()));
    assertEquals(0.0, s.recall(), EPS);
  }

  @Test
  void unlabelledImageHasAreaOnly() {
    ImageStatistics s = ImageStatistics.of(SegmentedImage.of(LabeledImage.unlabeled(image()), block(2, 3), "m"));
    assertFalse(s.labelled());
    assertEquals(6.0, s.lvAreaMm2(), EPS);
    for (double v : new double[] {s.labelAreaMm2(), s.dice(), s.smoothedDice(), s.iou(), s.precision(), s.recall(),
        s.hd95Mm(), s.assdMm()}) {
      assertTrue(Double.isNaN(v));
    }
  }

  private static CardiacImage image() {
    ImageGeometry g = new ImageGeometry(0.5, 2.0, 8.0, new double[] {-10, 20, 12.5},
        new double[] {1, 0, 0, 0, 1, 0}, 12.5);
    return CardiacImage.builder().size(4, 4).pixels(new float[16]).geometry(g).phaseIndex(3).triggerTimeMs(120)
        .patientId("P-1").studyInstanceUid("1.2.3").seriesInstanceUid("1.2.3.4").sopInstanceUid("1.2.3.4.5")
        .sourceUri("mem:test").build();
  }

  /** A mask with rows 0..rows-1 x columns 0..columns-1 set on a 4 x 4 grid. */
  private static Mask block(int rows, int columns) {
    byte[] v = new byte[16];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        v[r * 4 + c] = 1;
      }
    }
    return new Mask(4, 4, v);
  }
}
