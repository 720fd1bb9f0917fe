package org.heartbeam.model.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IntensityNormalizationTest {

  @Test
  void seedScaleDividesBy1024WithoutClipping() {
    float[] in = {-2048f, -1f, 0f, 512f, 1024f, 4096f, 1f};
    float[] out = IntensityNormalization.seedScale().normalize(in);
    assertArrayEquals(new float[] {-2f, -1f / 1024, 0f, 0.5f, 1f, 4f, 1f / 1024}, out);
    assertEquals(-2048f, in[0], "input is not modified");
  }

  @Test
  void percentileMapsExactPercentilesToZeroAndOneOnAKnownArray() {
    // 0..100 shuffled: with 101 values the 1st and 99th percentiles are exactly 1 and 99.
    float[] values = shuffled(101, 7);
    float[] out = IntensityNormalization.percentile(1, 99).normalize(values);
    for (int i = 0; i < values.length; i++) {
      float expected = (float) Math.min(1, Math.max(0, (values[i] - 1) / 98.0));
      assertEquals(expected, out[i], 1e-6f, "pixel value " + values[i]);
    }
    float[] sortedOut = out.clone();
    Arrays.sort(sortedOut);
    assertEquals(0f, sortedOut[0]);
    assertEquals(0f, sortedOut[1], "the 1st percentile maps to 0");
    assertEquals(1f, sortedOut[99], "the 99th percentile maps to 1");
    assertEquals(1f, sortedOut[100], "above the 99th percentile is clipped to 1");
  }

  @Test
  void percentilesInterpolateBetweenOrderStatisticsLikeNumpy() {
    float[] values = {40, 10, 30, 20};
    // numpy.percentile([10,20,30,40], [0, 1, 50, 100]) == [10, 10.3, 25, 40]
    double[] p = ExactPercentile.of(values, 0, 1, 50, 100);
    assertEquals(10.0, p[0], 0);
    assertEquals(10.3, p[1], 1e-12);
    assertEquals(25.0, p[2], 0);
    assertEquals(40.0, p[3], 0);
    assertArrayEquals(new float[] {40, 10, 30, 20}, values, "input is not modified");
  }

  @Test
  void selectionMatchesAFullSortOnRandomArraysWithDuplicates() {
    Random random = new Random(42);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + random.nextInt(trial < 150 ? 50 : 5000);
      int distinct = 1 + random.nextInt(trial % 3 == 0 ? 4 : 100_000);
      float[] values = new float[n];
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(distinct) - distinct / 2f;
      }
      double low = random.nextDouble() * 50;
      double high = 50 + random.nextDouble() * 50;
      double[] exact = ExactPercentile.of(values, low, high);
      assertEquals(bySorting(values, low), exact[0], 0, "trial " + trial);
      assertEquals(bySorting(values, high), exact[1], 0, "trial " + trial);
    }
  }

  @Test
  void selectionStaysExactOnAdversarialOrders() {
    int n = 65536;
    float[] ascending = new float[n];
    float[] organPipe = new float[n];
    for (int i = 0; i < n; i++) {
      ascending[i] = i;
      organPipe[i] = Math.min(i, n - 1 - i);
    }
    for (float[] values : new float[][] {ascending, organPipe}) {
      assertEquals(bySorting(values, 1), ExactPercentile.of(values, 1)[0], 0);
      assertEquals(bySorting(values, 99), ExactPercentile.of(values, 99)[0], 0);
    }
  }

  @Test
  void constantImagesMapToZeroWithoutNaN() {
    for (float level : new float[] {0f, 312f, -50f}) {
      float[] in = new float[256];
      Arrays.fill(in, level);
      float[] out = IntensityNormalization.defaultPercentile().normalize(in);
      assertArrayEquals(new float[256], out, "constant " + level);
    }
  }

  @Test
  void aZeroWidthWindowSplitsAtTheCommonPercentile() {
    // 998 of 1000 pixels are background: the 1st and 99th percentiles are both 0, yet 2 pixels are bright.
    float[] in = new float[1000];
    in[10] = 500;
    in[20] = 900;
    float[] out = IntensityNormalization.defaultPercentile().normalize(in);
    for (int i = 0; i < in.length; i++) {
      assertEquals(in[i] > 0 ? 1f : 0f, out[i], 0f, "pixel " + i);
    }
  }

  @Test
  void negativeValuesNormalizeLikeAnyOther() {
    float[] in = new float[101];
    for (int i = 0; i < in.length; i++) {
      in[i] = -1000 + 10 * i; // -1000..0
    }
    float[] out = IntensityNormalization.percentile(0, 100).normalize(in);
    for (int i = 0; i < in.length; i++) {
      assertEquals(i / 100f, out[i], 1e-6f, "pixel " + i);
    }
    out = IntensityNormalization.percentile(10, 90).normalize(in);
    assertEquals(0f, out[5]); // -950, below the 10th percentile (-900): clipped
    assertEquals(0.5f, out[50], 1e-6f); // -500, halfway between -900 and -100
    assertEquals(1f, out[95]);
  }

  @Test
  void aSinglePixelImageIsConstant() {
    assertArrayEquals(new float[] {0f}, IntensityNormalization.defaultPercentile().normalize(new float[] {7f}));
  }

  @Test
  void percentileRefusesNonFinitePixels() {
    assertThrows(IllegalArgumentException.class,
        () -> IntensityNormalization.defaultPercentile().normalize(new float[] {1, Float.NaN, 3}));
  }

  @Test
  void specsRoundTripThroughParse() {
    for (IntensityNormalization n : new IntensityNormalization[] {
        IntensityNormalization.seedScale(), IntensityNormalization.percentile(1, 99),
        IntensityNormalization.percentile(0.5, 99.5), IntensityNormalization.percentile(0, 100)}) {
      assertEquals(n, IntensityNormalization.parse(n.spec()), n.spec());
    }
    assertEquals("seed-scale", IntensityNormalization.seedScale().spec());
    assertEquals("percentile:1:99", IntensityNormalization.percentile(1, 99).spec());
    assertEquals("percentile:0.5:99.5", IntensityNormalization.percentile(0.5, 99.5).spec());
    assertEquals(IntensityNormalization.percentile(1, 99), IntensityNormalization.parse(" percentile "));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"zscore", "percentile:99:1", "percentile:1", "percentile:a:b", "percentile:-1:99",
      "percentile:1:101", "percentile:5:5", "Seed-Scale"})
  void badSpecsAreRefusedWithTheAcceptedForms(String spec) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IntensityNormalization.parse(spec));
    assertTrue(e.getMessage().contains("percentile"), e.getMessage());
  }

  @Test
  void strategiesSurviveJavaSerialization() throws Exception {
    assertSame(IntensityNormalization.seedScale(), roundTrip(IntensityNormalization.seedScale()));
    assertEquals(IntensityNormalization.percentile(2, 98), roundTrip(IntensityNormalization.percentile(2, 98)));
  }

  static Object roundTrip(Object o) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }

  private static double bySorting(float[] values, double p) {
    float[] sorted = values.clone();
    Arrays.sort(sorted);
    double h = (sorted.length - 1) * p / 100.0;
    int k = (int) Math.floor(h);
    double fraction = h - k;
    return fraction == 0 || k + 1 >= sorted.length ? sorted[k] : sorted[k] + fraction * (sorted[k + 1] - sorted[k]);
  }

  private static float[] shuffled(int n, long seed) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = i;
    }
    Random random = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      float t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
    return values;
  }
}
