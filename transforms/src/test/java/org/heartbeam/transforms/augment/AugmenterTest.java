package org.heartbeam.transforms.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {
  private static final int ROWS = 24;
  private static final int COLS = 20;

  /** A noisy image with an off-centre disk as the LV: asymmetric, so flips and rotations show. */
  private static TrainingExample disk() {
    float[] pixels = new float[ROWS * COLS];
    byte[] mask = new byte[ROWS * COLS];
    Random random = new Random(7);
    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < COLS; c++) {
        boolean lv = (r - 9) * (r - 9) + (c - 8) * (c - 8) <= 16;
        mask[r * COLS + c] = (byte) (lv ? 1 : 0);
        pixels[r * COLS + c] = (lv ? 0.8f : 0.2f) + 0.1f * random.nextFloat();
      }
    }
    return new TrainingExample("k1", ROWS, COLS, pixels, mask);
  }

  @Test
  void flippingTwiceIsTheIdentity() {
    TrainingExample e = disk();
    assertEquals(e, Augmenter.flipRows(Augmenter.flipRows(e)));
    assertEquals(e, Augmenter.flipColumns(Augmenter.flipColumns(e)));
    assertNotEquals(e, Augmenter.flipRows(e));
    assertNotEquals(e, Augmenter.flipColumns(e));
  }

  @Test
  void flipMovesImageAndMaskTogether() {
    TrainingExample f = Augmenter.flipColumns(disk());
    // The disk centre (9, 8) moves to column COLS-1-8 = 11, in the image and in the mask.
    assertEquals(1, f.mask()[9 * COLS + 11]);
    assertTrue(f.pixels()[9 * COLS + 11] >= 0.8f);
    assertEquals(0, f.mask()[9 * COLS + 8 - 4]);
  }

  @Test
  void rotationByZeroAtScaleOneIsTheIdentity() {
    TrainingExample e = disk();
    TrainingExample same = Augmenter.rotateAndScale(e, 0, 1);
    assertArrayEquals(e.pixels(), same.pixels(), 1e-6f);
    assertArrayEquals(e.mask(), same.mask());
  }

  @Test
  void rotationBy90DegreesMatchesATransposeAndFlip() {
    int n = 16;
    float[] pixels = new float[n * n];
    byte[] mask = new byte[n * n];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = i;
      mask[i] = (byte) ((i / n) < 5 ? 1 : 0); // top rows set
    }
    TrainingExample rotated = Augmenter.rotateAndScale(new TrainingExample("k", n, n, pixels, mask), 90, 1);
    // A quarter turn moves the top rows to one side: the set pixels are now whole columns.
    int setInFirstColumn = 0;
    int setInLastColumn = 0;
    for (int r = 0; r < n; r++) {
      setInFirstColumn += rotated.mask()[r * n];
      setInLastColumn += rotated.mask()[r * n + n - 1];
    }
    assertEquals(n, Math.max(setInFirstColumn, setInLastColumn));
    assertEquals(0, Math.min(setInFirstColumn, setInLastColumn));
  }

  @Test
  void augmentedMasksStayBinaryAndKeepRoughlyTheirArea() {
    TrainingExample e = disk();
    int area = count(e.mask());
    for (long seed = 0; seed < 50; seed++) {
      TrainingExample a = Augmenter.augment(e, AugmentOptions.defaults(), seed);
      for (byte m : a.mask()) {
        assertTrue(m == 0 || m == 1, "mask value " + m);
      }
      // Scale 0.9..1.1 changes the area by at most ~21%, plus rasterisation at this tiny size.
      int augmentedArea = count(a.mask());
      assertTrue(augmentedArea > area * 0.6 && augmentedArea < area * 1.5, "area " + augmentedArea + " vs " + area);
      assertTrue(a.isWellFormed());
    }
  }

  @Test
  void sameSeedSameResultOtherSeedOtherResult() {
    TrainingExample e = disk();
    assertEquals(Augmenter.augment(e, AugmentOptions.defaults(), 11), Augmenter.augment(e, AugmentOptions.defaults(), 11));
    assertNotEquals(Augmenter.augment(e, AugmentOptions.defaults(), 11), Augmenter.augment(e, AugmentOptions.defaults(), 12));
    assertEquals(Augmenter.seedFor(42, 3, "abc"), Augmenter.seedFor(42, 3, "abc"));
    assertNotEquals(Augmenter.seedFor(42, 3, "abc"), Augmenter.seedFor(42, 4, "abc"));
  }

  @Test
  void noAugmentationReturnsTheInput() {
    TrainingExample e = disk();
    assertEquals(e, Augmenter.augment(e, AugmentOptions.none(), 5));
  }

  @Test
  void intensityJitterLeavesTheMaskAndZeroAlone() {
    TrainingExample e = disk();
    TrainingExample j = Augmenter.intensity(e, 1.2, 0.9);
    assertArrayEquals(e.mask(), j.mask());
    assertEquals(0.9 * Math.pow(e.pixels()[0], 1.2), j.pixels()[0], 1e-6);
  }

  @Test
  void coderRoundTrips() throws Exception {
    TrainingExample e = Augmenter.augment(disk(), AugmentOptions.defaults(), 3);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TrainingExampleCoder.of().encode(e, out);
    TrainingExampleCoder.of().encode(disk(), out);
    ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
    assertEquals(e, TrainingExampleCoder.of().decode(in));
    assertEquals(disk(), TrainingExampleCoder.of().decode(in));
  }

  private static int count(byte[] mask) {
    int n = 0;
    for (byte m : mask) {
      n += m;
    }
    return n;
  }
}
