package org.heartbeam.transforms.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.preprocess.ModelInputPreparer;
import org.heartbeam.model.preprocess.PreparedImage;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.UNetConfig;
import org.heartbeam.testing.SharedData;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.transforms.sunnybrook.ReadSunnybrook;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence behind the default model's fixed centre window (160x160 at 1.25 mm = 200 mm): every
 * expert LV contour, of the real Sunnybrook patients and of phantom patients placed at random, lies
 * inside the window with at least {@value #MIN_MARGIN_MM} mm to spare, and the window keeps the
 * whole contoured area (resampling changes it by no more than a few percent). A crop that cut the
 * LV would lose area or touch the border.
 */
@ExtendWith(TestPipelineExtension.class)
class DefaultModelRegionTest {
  static final double MIN_MARGIN_MM = 20;
  static final PreprocessOptions DEFAULTS = PreprocessOptions.modelDefaults(UNetConfig.DEFAULT_INPUT_SIZE);

  @Tag("realdata")
  @Test
  void sunnybrookContoursLieWellInsideTheDefaultWindow(TestPipeline pipeline) {
    WithDeadLetters<LabeledImage> read = pipeline.apply(ReadSunnybrook.from(SharedData.sunnybrook().toString()));
    PAssert.that(read.output()).satisfies(images -> assertAllInside(images, 56));
    pipeline.run().waitUntilFinish();
  }

  @Tag("slow")
  @Test
  void phantomContoursLieWellInsideTheDefaultWindow(TestPipeline pipeline, @TempDir Path dir) throws Exception {
    // 12 patients: the phantom moves the heart up to 15% of the half field of view off centre.
    SyntheticStudyGenerator.generate(SynthOptions.builder().patients(12).slices(3).phases(4).seed(5).build(), dir);
    WithDeadLetters<LabeledImage> read = pipeline.apply(ReadSunnybrook.from(dir.toString()));
    PAssert.that(read.output()).satisfies(images -> assertAllInside(images, -1));
    pipeline.run().waitUntilFinish();
  }

  /** @param expected labelled images expected, or -1 for "at least ED and ES of every phantom slice" */
  private static Void assertAllInside(Iterable<LabeledImage> images, int expected) {
    int n = 0;
    double worstMarginMm = Double.MAX_VALUE;
    double worstAreaRatio = 1;
    for (LabeledImage labeled : images) {
      if (!labeled.isLabeled()) {
        continue;
      }
      n++;
      CardiacImage image = labeled.image();
      PreparedImage prepared = ModelInputPreparer.prepare(labeled, DEFAULTS);
      Mask window = prepared.label().get();
      double marginMm = marginPx(window) * PreprocessOptions.MODEL_SPACING_MM;
      double originalMm2 = labeled.label().get().count() * image.geometry().pixelAreaMm2();
      double windowMm2 = window.count() * PreprocessOptions.MODEL_SPACING_MM * PreprocessOptions.MODEL_SPACING_MM;
      double ratio = windowMm2 / originalMm2;
      assertTrue(marginMm >= MIN_MARGIN_MM, image.imageKey() + ": LV " + marginMm + " mm from the window's edge");
      assertTrue(Math.abs(ratio - 1) <= 0.06, image.imageKey() + ": area in window / original = " + ratio);
      worstMarginMm = Math.min(worstMarginMm, marginMm);
      worstAreaRatio = Math.abs(ratio - 1) > Math.abs(worstAreaRatio - 1) ? ratio : worstAreaRatio;
    }
    if (expected >= 0) {
      assertEquals(expected, n);
    } else {
      assertTrue(n >= 12 * 3 * 2, "contoured phantom images: " + n); // at least ED and ES of every slice
    }
    System.out.printf("%d contours: smallest margin to the 160x160 window %.1f mm, worst area ratio %.4f%n",
        n, worstMarginMm, worstAreaRatio);
    return null;
  }

  /** Pixels between the mask's bounding box and the nearest window edge (-1 when empty). */
  private static int marginPx(Mask mask) {
    int margin = Integer.MAX_VALUE;
    for (int r = 0; r < mask.rows(); r++) {
      for (int c = 0; c < mask.columns(); c++) {
        if (mask.get(r, c)) {
          margin = Math.min(margin, Math.min(Math.min(r, c), Math.min(mask.rows() - 1 - r, mask.columns() - 1 - c)));
        }
      }
    }
    return margin == Integer.MAX_VALUE ? -1 : margin;
  }
}
