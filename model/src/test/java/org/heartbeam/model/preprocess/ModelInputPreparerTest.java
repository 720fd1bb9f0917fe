package org.heartbeam.model.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.junit.jupiter.api.Test;

class ModelInputPreparerTest {

  @Test
  void aModelSizedImageIsOnlyNormalizedAndItsLabelIsUntouched() {
    CardiacImage image = image(256, 256, 1.25, 11);
    Mask label = disc(256, 256, 120, 130, 30);
    PreparedImage prepared = ModelInputPreparer.prepare(LabeledImage.labeled(image, label), PreprocessOptions.defaults());
    assertArrayEquals(IntensityNormalization.defaultPercentile().normalize(image.pixels()), prepared.pixels());
    assertEquals(label, prepared.label().orElseThrow());
    assertEquals(label, prepared.toOriginalGrid(prepared.label().orElseThrow()));
    assertEquals(1.25, prepared.modelRowSpacingMm(), 0);
    assertEquals(image.imageKey(), prepared.imageKey());
    assertEquals(image.sourceUri(), prepared.sourceUri());
    assertEquals(image.geometry(), prepared.originalGeometry());
  }

  @Test
  void aTallNarrowImageIsCroppedAndPaddedAndItsLabelComesBackWhereTheWindowCovers() {
    CardiacImage image = image(300, 200, 1.0, 12);
    Mask label = disc(300, 200, 150, 100, 40);
    PreparedImage prepared = ModelInputPreparer.prepare(LabeledImage.labeled(image, label),
        PreprocessOptions.defaults().withNormalization(IntensityNormalization.seedScale()));
    GridMapping m = prepared.mapping();
    assertEquals(22, m.top());
    assertEquals(-28, m.left());
    float[] px = prepared.pixels();
    assertEquals(image.pixel(22, 0) / 1024f, px[28], 0f);
    assertEquals(0f, px[27], 0f, "padding is 0");
    assertEquals(0f, px[256 * 256 - 1], 0f, "padding is 0");
    assertEquals(label.count(), prepared.label().orElseThrow().count(), "the disc lies inside the window");
    assertEquals(label, prepared.toOriginalGrid(prepared.label().orElseThrow()));
  }

  @Test
  void modelDefaultsResampleToOnePointTwoFiveMmAndCentreTheWindow() {
    // 256 px at 1.5 mm = 384 mm; at 1.25 mm that is 307.2 px, of which the centred 160 are kept.
    CardiacImage image = image(256, 256, 1.5, 13);
    Mask label = disc(256, 256, 128, 128, 20);
    PreparedImage prepared = ModelInputPreparer.prepare(LabeledImage.labeled(image, label),
        PreprocessOptions.modelDefaults(160));
    assertEquals(160, prepared.rows());
    assertEquals(160, prepared.columns());
    // The scaled grid has whole pixels (307, not 307.2): the spacing is 384 / 307 mm.
    assertEquals(384.0 / 307, prepared.modelRowSpacingMm(), 1e-9);
    assertEquals(384.0 / 307, prepared.modelColumnSpacingMm(), 1e-9);
    // The disc keeps its physical area (to resampling error) and comes back to its original pixels.
    double ratio = prepared.label().orElseThrow().count() * 1.25 * 1.25 / (label.count() * 1.5 * 1.5);
    assertEquals(1.0, ratio, 0.03);
    Mask back = prepared.toOriginalGrid(prepared.label().orElseThrow());
    assertTrue(org.heartbeam.model.metrics.OverlapMetrics.dice(back, label) > 0.97);
  }

  @Test
  void fitShrinksA512ImageTo256AndDoublesTheSpacing() {
    CardiacImage image = image(512, 512, 0.7, 13);
    Mask label = disc(512, 512, 250, 260, 60);
    PreparedImage prepared = ModelInputPreparer.prepare(LabeledImage.labeled(image, label),
        PreprocessOptions.defaults().withFit());
    GridMapping m = prepared.mapping();
    assertEquals(256, m.scaledRows());
    assertEquals(0, m.top());
    assertEquals(1.4, prepared.modelRowSpacingMm(), 1e-12);
    // Area is preserved up to the disc's boundary pixels.
    double originalArea = label.count() * 0.7 * 0.7;
    double modelArea = prepared.label().orElseThrow().count() * 1.4 * 1.4;
    assertEquals(originalArea, modelArea, 0.03 * originalArea);
    Mask back = prepared.toOriginalGrid(prepared.label().orElseThrow());
    assertEquals(label.count(), back.count(), 0.03 * label.count());
  }

  @Test
  void fitNeverEnlargesAndKeepsTheAspectRatio() {
    GridMapping small = ModelInputPreparer.mappingFor(image(100, 120, 1, 1), PreprocessOptions.defaults().withFit());
    assertFalse(small.isResampled());
    GridMapping wide = ModelInputPreparer.mappingFor(image(300, 600, 1, 1), PreprocessOptions.defaults().withFit());
    assertEquals(128, wide.scaledRows());
    assertEquals(256, wide.scaledColumns());
    assertEquals(-64, wide.top());
  }

  @Test
  void toSpacingResamplesEachAxisToTheTargetSpacing() {
    CardiacImage image = CardiacImage.builder().size(200, 160).pixels(new float[200 * 160])
        .geometry(new ImageGeometry(1.25, 1.5, 8, null, null, Double.NaN)).sourceUri("test://aniso").build();
    PreparedImage prepared = ModelInputPreparer.prepare(LabeledImage.unlabeled(image),
        PreprocessOptions.defaults().withSpacing(1.0));
    assertEquals(250, prepared.mapping().scaledRows());
    assertEquals(240, prepared.mapping().scaledColumns());
    assertEquals(1.0, prepared.modelRowSpacingMm(), 1e-12);
    assertEquals(1.0, prepared.modelColumnSpacingMm(), 1e-12);
    assertFalse(prepared.isLabeled());
  }

  @Test
  void aFixedWindowIsUsedAsGivenAndOneOutsideTheImageIsRefused() {
    CardiacImage image = image(256, 256, 1, 14);
    GridMapping m = ModelInputPreparer.mappingFor(image,
        PreprocessOptions.defaults().withTargetSize(128, 128).withWindow(64, 32));
    assertEquals(64, m.top());
    assertEquals(32, m.left());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelInputPreparer.prepare(
        LabeledImage.unlabeled(image), PreprocessOptions.defaults().withWindow(300, 0)));
    assertTrue(e.getMessage().contains("entirely outside"), e.getMessage());
  }

  @Test
  void aGivenMappingWinsOverTheOptionsGeometry() {
    CardiacImage image = image(256, 256, 1, 15);
    GridMapping around = GridMapping.around(256, 256, 256, 256, 120, 140, 96, 96);
    PreparedImage prepared = ModelInputPreparer.prepare(LabeledImage.unlabeled(image),
        IntensityNormalization.seedScale(), around);
    assertEquals(96 * 96, prepared.pixels().length);
    assertEquals(image.pixel(120, 140) / 1024f, prepared.pixels()[48 * 96 + 48], 0f);
    assertThrows(IllegalArgumentException.class, () -> ModelInputPreparer.prepare(
        LabeledImage.unlabeled(image(200, 256, 1, 1)), IntensityNormalization.seedScale(), around));
  }

  @Test
  void absurdSizesAreRefusedWithAOneLineReason() {
    CardiacImage huge = CardiacImage.builder().size(4097, 2).pixels(new float[4097 * 2])
        .geometry(ImageGeometry.ofSpacing(1)).sourceUri("test://huge").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelInputPreparer.prepare(LabeledImage.unlabeled(huge), PreprocessOptions.defaults()));
    assertTrue(e.getMessage().contains("4096"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PreprocessOptions.defaults().withTargetSize(5000, 256));
    assertThrows(IllegalArgumentException.class, () -> PreprocessOptions.defaults().withSpacing(0));
  }

  @Test
  void preparedImagesAndOptionsSurviveJavaSerialization() throws Exception {
    CardiacImage image = image(64, 80, 1.5, 16);
    PreparedImage prepared = ModelInputPreparer.prepare(LabeledImage.labeled(image, disc(64, 80, 30, 40, 10)),
        PreprocessOptions.defaults().withTargetSize(96, 96));
    assertEquals(prepared, IntensityNormalizationTest.roundTrip(prepared));
    PreprocessOptions options = PreprocessOptions.defaults().withSpacing(1.2).withWindow(3, 4);
    assertEquals(options, IntensityNormalizationTest.roundTrip(options));
  }

  static CardiacImage image(int rows, int columns, double spacingMm, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[rows * columns];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextInt(2000) - 100;
    }
    return CardiacImage.builder().size(rows, columns).pixels(pixels).geometry(ImageGeometry.ofSpacing(spacingMm))
        .sopInstanceUid("1.2.3." + seed).sourceUri("test://image-" + seed).build();
  }

  static Mask disc(int rows, int columns, int centreRow, int centreColumn, int radius) {
    byte[] values = new byte[rows * columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        int dr = r - centreRow;
        int dc = c - centreColumn;
        values[r * columns + c] = (byte) (dr * dr + dc * dc <= radius * radius ? 1 : 0);
      }
    }
    return new Mask(rows, columns, values);
  }
}
