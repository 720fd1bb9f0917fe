package org.heartbeam.model.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.Mask;
import org.junit.jupiter.api.Test;

class GridMappingTest {

  @Test
  void centringRoundsLikeTensorflowResizeWithCropOrPad() {
    // tf.image.resize_with_crop_or_pad: crop offset (h - target) // 2, pad offset (target - h) // 2.
    assertEquals(1, GridMapping.centred(5, 5, 2, 2).top()); // rows 1..2 kept: the odd row leaves at the bottom
    assertEquals(-1, GridMapping.centred(3, 3, 6, 6).top()); // 1 row padded above, 2 below
    assertEquals(-28, GridMapping.centred(256, 200, 256, 256).left());
    assertEquals(22, GridMapping.centred(300, 256, 256, 256).top());
    assertFalse(GridMapping.centred(300, 200, 256, 256).isResampled());
  }

  @Test
  void cropPadOnlyCopiesPixelsExactlyAndPadsWithZero() {
    Random random = new Random(1);
    for (int trial = 0; trial < 200; trial++) {
      int rows = 1 + random.nextInt(40);
      int columns = 1 + random.nextInt(40);
      GridMapping m = randomUnscaledMapping(random, rows, columns);
      float[] pixels = new float[rows * columns];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = random.nextFloat() * 1000 - 300;
      }
      float[] model = m.imageToModel(pixels);
      for (int i = 0; i < m.modelRows(); i++) {
        for (int j = 0; j < m.modelColumns(); j++) {
          int r = i + m.top();
          int c = j + m.left();
          boolean inside = r >= 0 && r < rows && c >= 0 && c < columns;
          assertEquals(inside ? pixels[r * columns + c] : 0f, model[i * m.modelColumns() + j], 0f,
              m + " at " + i + "," + j);
        }
      }
    }
  }

  @Test
  void cropPadOnlyRoundTripIsIdentityInsideTheWindowAndZeroOutside() {
    Random random = new Random(2);
    for (int trial = 0; trial < 500; trial++) {
      int rows = 1 + random.nextInt(60);
      int columns = 1 + random.nextInt(60);
      GridMapping m = randomUnscaledMapping(random, rows, columns);
      Mask mask = randomMask(random, rows, columns);
      Mask back = m.maskToOriginal(m.maskToModel(mask));
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          boolean inside = r - m.top() >= 0 && r - m.top() < m.modelRows()
              && c - m.left() >= 0 && c - m.left() < m.modelColumns();
          assertEquals(inside && mask.get(r, c), back.get(r, c), m + " at " + r + "," + c);
        }
      }
    }
  }

  @Test
  void modelToOriginalToModelIsIdentityOnCoveredModelPixels() {
    // The other direction: a prediction survives a trip to the original grid and back wherever the
    // model pixel lies on the image (padding pixels have no original pixel to go to).
    Random random = new Random(3);
    for (int trial = 0; trial < 300; trial++) {
      int rows = 1 + random.nextInt(50);
      int columns = 1 + random.nextInt(50);
      GridMapping m = randomUnscaledMapping(random, rows, columns);
      Mask prediction = randomMask(random, m.modelRows(), m.modelColumns());
      Mask again = m.maskToModel(m.maskToOriginal(prediction));
      for (int i = 0; i < m.modelRows(); i++) {
        for (int j = 0; j < m.modelColumns(); j++) {
          int r = i + m.top();
          int c = j + m.left();
          boolean onImage = r >= 0 && r < rows && c >= 0 && c < columns;
          assertEquals(onImage && prediction.get(i, j), again.get(i, j), m + " at " + i + "," + j);
        }
      }
    }
  }

  @Test
  void integerUpscaleRoundTripIsIdentity() {
    Random random = new Random(4);
    for (int k = 1; k <= 5; k++) {
      for (int trial = 0; trial < 40; trial++) {
        int rows = 1 + random.nextInt(30);
        int columns = 1 + random.nextInt(30);
        // The model grid holds the whole scaled image, with odd padding on some trials.
        GridMapping m = GridMapping.centredScaled(rows, columns, k * rows, k * columns,
            k * rows + random.nextInt(3), k * columns + random.nextInt(3));
        Mask mask = randomMask(random, rows, columns);
        Mask model = m.maskToModel(mask);
        assertEquals((long) mask.count() * k * k, model.count(), "each pixel becomes k x k: " + m);
        assertEquals(mask, m.maskToOriginal(model), m.toString());
      }
    }
  }

  @Test
  void anyUpscaleRoundTripIsIdentityEvenWithNonIntegerFactorsAndOddSizes() {
    Random random = new Random(5);
    for (int trial = 0; trial < 400; trial++) {
      int rows = 1 + random.nextInt(40);
      int columns = 1 + random.nextInt(40);
      int scaledRows = rows + random.nextInt(2 * rows + 3);
      int scaledColumns = columns + random.nextInt(2 * columns + 3);
      GridMapping m = GridMapping.centredScaled(rows, columns, scaledRows, scaledColumns, scaledRows, scaledColumns);
      Mask mask = randomMask(random, rows, columns);
      assertEquals(mask, m.maskToOriginal(m.maskToModel(mask)), m.toString());
    }
  }

  @Test
  void upscaleWithAWindowKeepsExactlyThePixelsWhoseCentresFallInside() {
    Random random = new Random(6);
    for (int trial = 0; trial < 200; trial++) {
      int k = 2 + random.nextInt(3);
      int rows = 1 + random.nextInt(30);
      int columns = 1 + random.nextInt(30);
      int h = 1 + random.nextInt(k * rows + 10);
      int w = 1 + random.nextInt(k * columns + 10);
      GridMapping m = GridMapping.windowScaled(rows, columns, k * rows, k * columns,
          random.nextInt(k * rows + h - 1) - (h - 1), random.nextInt(k * columns + w - 1) - (w - 1), h, w);
      Mask mask = randomMask(random, rows, columns);
      Mask back = m.maskToOriginal(m.maskToModel(mask));
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          int i = r * k + k / 2 - m.top(); // scaled pixel holding the original centre, on the model grid
          int j = c * k + k / 2 - m.left();
          boolean inside = i >= 0 && i < h && j >= 0 && j < w;
          assertEquals(inside && mask.get(r, c), back.get(r, c), m + " at " + r + "," + c);
        }
      }
    }
  }

  @Test
  void halvingAveragesEachTwoByTwoBlockAndDoublesTheSpacing() {
    int n = 8;
    float[] pixels = new float[n * n];
    Random random = new Random(7);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextInt(1000);
    }
    GridMapping m = GridMapping.centredScaled(n, n, n / 2, n / 2, n / 2, n / 2);
    float[] model = m.imageToModel(pixels);
    for (int i = 0; i < n / 2; i++) {
      for (int j = 0; j < n / 2; j++) {
        float mean = (pixels[2 * i * n + 2 * j] + pixels[2 * i * n + 2 * j + 1]
            + pixels[(2 * i + 1) * n + 2 * j] + pixels[(2 * i + 1) * n + 2 * j + 1]) / 4;
        assertEquals(mean, model[i * (n / 2) + j], 1e-3f);
      }
    }
    ImageGeometry g = ImageGeometry.ofSpacing(0.7);
    assertEquals(1.4, m.modelRowSpacingMm(g), 1e-12);
    assertEquals(1.4, m.modelColumnSpacingMm(g), 1e-12);
    assertEquals(1.96, m.modelPixelAreaMm2(g), 1e-12);
  }

  @Test
  void bilinearUpscaleReproducesALinearRampAwayFromTheEdges() {
    int rows = 10;
    int columns = 7;
    float[] ramp = new float[rows * columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        ramp[r * columns + c] = 3 * r - 5 * c + 100;
      }
    }
    int scaledRows = 25;
    int scaledColumns = 16;
    GridMapping m = GridMapping.centredScaled(rows, columns, scaledRows, scaledColumns, scaledRows, scaledColumns);
    float[] model = m.imageToModel(ramp);
    int checked = 0;
    for (int i = 0; i < scaledRows; i++) {
      double u = (i + 0.5) * rows / scaledRows - 0.5;
      for (int j = 0; j < scaledColumns; j++) {
        double v = (j + 0.5) * columns / scaledColumns - 0.5;
        if (u >= 0 && u <= rows - 1 && v >= 0 && v <= columns - 1) {
          assertEquals(3 * u - 5 * v + 100, model[i * scaledColumns + j], 1e-4, i + "," + j);
          checked++;
        }
      }
    }
    assertTrue(checked > scaledRows * scaledColumns / 2, "checked " + checked);
  }

  @Test
  void aWindowAroundAPointPutsThatPixelAtTheModelCentre() {
    GridMapping m = GridMapping.around(256, 256, 256, 256, 100, 50, 64, 64);
    Mask heart = singlePixel(256, 256, 100, 50);
    Mask model = m.maskToModel(heart);
    assertTrue(model.get(32, 32), m.toString());
    assertEquals(1, model.count());
    // After doubling, the pixel becomes a 2x2 block whose centre is the model grid's centre (32.0, 32.0).
    GridMapping scaled = GridMapping.around(256, 256, 512, 512, 100, 50, 64, 64);
    Mask block = scaled.maskToModel(heart);
    assertEquals(4, block.count());
    assertTrue(block.get(31, 31) && block.get(32, 32) && block.get(31, 32) && block.get(32, 31), scaled.toString());
    assertEquals(heart, scaled.maskToOriginal(block));
  }

  @Test
  void aWindowEntirelyOutsideTheImageIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> GridMapping.window(100, 100, 100, 0, 64, 64));
    assertThrows(IllegalArgumentException.class, () -> GridMapping.window(100, 100, -64, 0, 64, 64));
    assertThrows(IllegalArgumentException.class, () -> GridMapping.window(100, 100, 0, 100, 64, 64));
    assertThrows(IllegalArgumentException.class, () -> GridMapping.window(100, 100, 0, -64, 64, 64));
    // One row of overlap is enough.
    assertEquals(-63, GridMapping.window(100, 100, -63, 99, 64, 64).top());
  }

  @Test
  void sizesThatDoNotMatchTheMappingAreRefused() {
    GridMapping m = GridMapping.centred(10, 12, 8, 8);
    assertThrows(IllegalArgumentException.class, () -> m.imageToModel(new float[10 * 11]));
    assertThrows(IllegalArgumentException.class, () -> m.maskToModel(Mask.empty(12, 10)));
    assertThrows(IllegalArgumentException.class, () -> m.maskToOriginal(Mask.empty(10, 12)));
    assertThrows(IllegalArgumentException.class, () -> GridMapping.centred(0, 12, 8, 8));
    assertThrows(IllegalArgumentException.class, () -> GridMapping.scaledLength(10, 0));
    assertThrows(IllegalArgumentException.class, () -> GridMapping.scaledLength(4096, 1000));
  }

  @Test
  void mappingSurvivesJavaSerialization() throws Exception {
    GridMapping m = GridMapping.windowScaled(300, 200, 150, 100, -3, 7, 64, 32);
    assertEquals(m, IntensityNormalizationTest.roundTrip(m));
  }

  /** Centred (half the trials) or a random window with at least one row and column of overlap. */
  static GridMapping randomUnscaledMapping(Random random, int rows, int columns) {
    int h = 1 + random.nextInt(2 * rows + 5);
    int w = 1 + random.nextInt(2 * columns + 5);
    if (random.nextBoolean()) {
      return GridMapping.centred(rows, columns, h, w);
    }
    int top = random.nextInt(rows + h - 1) - (h - 1);
    int left = random.nextInt(columns + w - 1) - (w - 1);
    return GridMapping.window(rows, columns, top, left, h, w);
  }

  static Mask randomMask(Random random, int rows, int columns) {
    byte[] values = new byte[rows * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] = (byte) (random.nextBoolean() ? 1 : 0);
    }
    return new Mask(rows, columns, values);
  }

  static Mask singlePixel(int rows, int columns, int r, int c) {
    byte[] values = new byte[rows * columns];
    values[r * columns + c] = 1;
    return new Mask(rows, columns, values);
  }
}
