package org.heartbeam.transforms.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.image.SegmentedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskPngRendererTest {
  private static List<LabeledImage> phantom;

  @BeforeAll
  static void phantom(@TempDir Path dir) throws Exception {
    phantom = PhantomSegmentations.labelled(dir);
  }

  @Test
  void maskPngIsTheMaskBitForBit() throws Exception {
    for (SegmentedImage s : PhantomSegmentations.shifted(phantom)) {
      BufferedImage png = ImageIO.read(new ByteArrayInputStream(MaskPngRenderer.maskPng(s)));
      Mask mask = s.predicted();
      assertEquals(BufferedImage.TYPE_BYTE_GRAY, png.getType());
      assertEquals(mask.columns(), png.getWidth());
      assertEquals(mask.rows(), png.getHeight());
      for (int r = 0; r < mask.rows(); r++) {
        for (int c = 0; c < mask.columns(); c++) {
          assertEquals(mask.get(r, c) ? 255 : 0, png.getRaster().getSample(c, r, 0), "pixel " + r + "," + c);
        }
      }
      assertTrue(mask.count() > 50, "the phantom LV should cover pixels: " + mask.count());
    }
  }

  @Test
  void pngsRecordModelVersionAndImageKey() throws Exception {
    SegmentedImage s = PhantomSegmentations.exact(phantom).get(0);
    for (byte[] png : List.of(MaskPngRenderer.maskPng(s), MaskPngRenderer.overlayPng(s))) {
      Map<String, String> text = PngEncoding.readText(png);
      assertEquals(PhantomSegmentations.MODEL, text.get(MaskPngRenderer.MODEL_VERSION_KEY));
      assertEquals(s.imageKey(), text.get(MaskPngRenderer.IMAGE_KEY_KEY));
    }
  }

  @Test
  void overlayDrawsBothContoursOnTheWindowedImage() throws Exception {
    SegmentedImage s = PhantomSegmentations.shifted(phantom).get(5);
    BufferedImage overlay = ImageIO.read(new ByteArrayInputStream(MaskPngRenderer.overlayPng(s)));
    assertEquals(s.image().columns(), overlay.getWidth());
    assertEquals(s.image().rows(), overlay.getHeight());
    boolean[] predicted = MaskBoundary.of(s.predicted());
    boolean[] expert = MaskBoundary.of(s.label().orElseThrow());
    int red = 0;
    int green = 0;
    int cols = s.image().columns();
    for (int i = 0; i < predicted.length; i++) {
      int rgb = overlay.getRGB(i % cols, i / cols) & 0xFFFFFF;
      if (predicted[i] && expert[i]) {
        assertEquals(MaskPngRenderer.BOTH, rgb);
      } else if (predicted[i]) {
        assertEquals(MaskPngRenderer.PREDICTED, rgb);
        red++;
      } else if (expert[i]) {
        assertEquals(MaskPngRenderer.EXPERT, rgb);
        green++;
      } else {
        int r = rgb >> 16;
        assertTrue(r == ((rgb >> 8) & 0xFF) && r == (rgb & 0xFF), "off-contour pixels are grey: " + Integer.toHexString(rgb));
      }
    }
    // A 3-column shift separates the left and right arcs of the two contours.
    assertTrue(red > 10 && green > 10, "red " + red + ", green " + green);
  }

  @Test
  void overlayWithoutLabelHasOnlyThePredictedContour() {
    SegmentedImage labelled = PhantomSegmentations.exact(phantom).get(0);
    SegmentedImage s = SegmentedImage.of(LabeledImage.unlabeled(labelled.image()), labelled.predicted(), "m");
    BufferedImage overlay = MaskPngRenderer.overlay(s);
    boolean[] predicted = MaskBoundary.of(s.predicted());
    int cols = s.image().columns();
    for (int i = 0; i < predicted.length; i++) {
      int rgb = overlay.getRGB(i % cols, i / cols) & 0xFFFFFF;
      assertEquals(predicted[i], rgb == MaskPngRenderer.PREDICTED, "pixel " + i);
    }
  }

  @Test
  void windowSpreadsTheMiddlePercentiles() {
    float[] pixels = new float[1000];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = i;
    }
    pixels[999] = 1e6f;
    double[] window = MaskPngRenderer.percentileWindow(pixels);
    assertEquals(9, window[0], 1e-9);
    assertEquals(989, window[1], 1e-9);
    assertEquals(6, MaskPngRenderer.percentileWindow(new float[] {5, 5, 5})[1], 1e-9);
  }
}
