package org.heartbeam.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.Mask;
import org.junit.jupiter.api.Test;

/** Hand-computed cases; the derivations are in the comments. */
class SegmentationMetricsTest {
  private static final double EPS = 1e-12;

  /** A rows x cols mask with the rectangle [r0, r1] x [c0, c1] (inclusive) set. */
  private static Mask rect(int rows, int cols, int r0, int r1, int c0, int c1) {
    byte[] v = new byte[rows * cols];
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        v[r * cols + c] = 1;
      }
    }
    return new Mask(rows, cols, v);
  }

  @Test
  void identicalMasksArePerfect() {
    Mask a = rect(8, 8, 2, 4, 2, 4);
    assertEquals(1.0, OverlapMetrics.dice(a, a), EPS);
    assertEquals(1.0, OverlapMetrics.smoothedDice(a, a), EPS);
    assertEquals(1.0, OverlapMetrics.iou(a, a), EPS);
    assertEquals(1.0, OverlapMetrics.precision(a, a), EPS);
    assertEquals(1.0, OverlapMetrics.recall(a, a), EPS);
    assertEquals(0.0, SurfaceDistance.hd95Mm(a, a, 1, 1), EPS);
    assertEquals(0.0, SurfaceDistance.assdMm(a, a, 1, 1), EPS);
  }

  @Test
  void emptyMasksFollowTheStatedConvention() {
    Mask empty = Mask.empty(8, 8);
    Mask some = rect(8, 8, 2, 4, 2, 4);
    assertEquals(1.0, OverlapMetrics.dice(empty, empty), EPS);
    assertEquals(1.0, OverlapMetrics.smoothedDice(empty, empty), EPS);
    assertEquals(1.0, OverlapMetrics.iou(empty, empty), EPS);
    assertEquals(1.0, OverlapMetrics.precision(empty, empty), EPS);
    assertEquals(0.0, SurfaceDistance.hd95Mm(empty, empty, 1, 1), EPS);
    // Nothing predicted, LV present: Dice 0, recall 0, precision undefined, distances undefined.
    assertEquals(0.0, OverlapMetrics.dice(empty, some), EPS);
    assertEquals(1.0 / 10, OverlapMetrics.smoothedDice(empty, some), EPS);
    assertEquals(0.0, OverlapMetrics.recall(empty, some), EPS);
    assertTrue(Double.isNaN(OverlapMetrics.precision(empty, some)));
    assertTrue(Double.isNaN(OverlapMetrics.recall(some, empty)));
    assertTrue(Double.isNaN(SurfaceDistance.hd95Mm(empty, some, 1, 1)));
    assertTrue(Double.isNaN(SurfaceDistance.assdMm(some, empty, 1, 1)));
  }

  @Test
  void disjointMasks() {
    // Single pixels at (0, 0) and (3, 4): 3-4-5 triangle, 5 mm apart at 1 mm spacing.
    Mask a = rect(8, 8, 0, 0, 0, 0);
    Mask b = rect(8, 8, 3, 3, 4, 4);
    assertEquals(0.0, OverlapMetrics.dice(a, b), EPS);
    assertEquals(1.0 / 3, OverlapMetrics.smoothedDice(a, b), EPS);
    assertEquals(0.0, OverlapMetrics.iou(a, b), EPS);
    assertEquals(0.0, OverlapMetrics.precision(a, b), EPS);
    assertEquals(5.0, SurfaceDistance.hd95Mm(a, b, 1, 1), EPS);
    assertEquals(5.0, SurfaceDistance.assdMm(a, b, 1, 1), EPS);
    // Rows 2 mm apart, columns 0.5 mm: sqrt(6^2 + 2^2).
    assertEquals(Math.sqrt(40), SurfaceDistance.hd95Mm(a, b, 2, 0.5), EPS);
  }

  @Test
  void oneColumnShiftOfASquare() {
    // A: 3x3 square rows 2-4, cols 2-4; B: the same shifted one column right (cols 3-5).
    // Overlap 6 pixels: Dice 12/18, IoU 6/12, precision = recall = 6/9.
    Mask a = rect(8, 8, 2, 4, 2, 4);
    Mask b = rect(8, 8, 2, 4, 3, 5);
    assertEquals(2.0 / 3, OverlapMetrics.dice(b, a), EPS);
    assertEquals(13.0 / 19, OverlapMetrics.smoothedDice(b, a), EPS);
    assertEquals(0.5, OverlapMetrics.iou(b, a), EPS);
    assertEquals(2.0 / 3, OverlapMetrics.precision(b, a), EPS);
    assertEquals(2.0 / 3, OverlapMetrics.recall(b, a), EPS);
    // Surfaces: the 8 non-centre pixels of each square. From A to B: column 2 (3 pixels) is one
    // column from B's left edge; (2,3), (4,3), (2,4), (4,4) lie on B's surface; (3,4) is B's centre,
    // nearest surface one row or one column away. Distances {1,1,1,0,0,0,0,1}, and mirrored for B.
    assertEquals(0.5, SurfaceDistance.assdMm(a, b, 1, 1), EPS);
    // 16 pooled distances, 8 zeros then 8 ones: the 95th percentile (position 14.25) is 1.
    assertEquals(1.0, SurfaceDistance.hd95Mm(a, b, 1, 1), EPS);
  }

  @Test
  void anisotropicSpacingScalesEachAxis() {
    Mask a = rect(8, 8, 2, 4, 2, 4);
    Mask b = rect(8, 8, 2, 4, 3, 5);
    ImageGeometry g = new ImageGeometry(0.5, 2.0, Double.NaN, null, null, Double.NaN);
    // Row spacing 0.5 mm, column spacing 2 mm: column-2 pixels are 2 mm away; (3,4) is 0.5 mm
    // (one row) from B's surface. A to B: {2,2,2,0,0,0,0,0.5}, mean 6.5/8; B to A mirrors it.
    assertEquals(6.5 / 8, SurfaceDistance.assdMm(a, b, g), EPS);
    // Pooled sorted: 8 zeros, two 0.5, six 2: position 14.25 falls between two 2s.
    assertEquals(2.0, SurfaceDistance.hd95Mm(a, b, g), EPS);
    assertEquals(9 * 0.5 * 2.0, LvArea.mm2(a, g), EPS);
    assertEquals(9 * 1.5 * 1.5, LvArea.mm2(a, 1.5, 1.5), EPS);
  }

  @Test
  void surfaceOfAFilledSquareIsItsRing() {
    assertEquals(8, SurfaceDistance.surface(rect(8, 8, 2, 4, 2, 4)).length);
    // Touching the image border counts as surface.
    assertEquals(4, SurfaceDistance.surface(rect(2, 2, 0, 1, 0, 1)).length);
  }

  @Test
  void percentileMatchesNumpyLinear() {
    // numpy.percentile([1, 2, 3, 4], 95) = 3.85
    assertEquals(3.85, SurfaceDistance.percentile(new double[] {4, 1, 3, 2}, 95), 1e-12);
  }

  @Test
  void differentGridsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> OverlapMetrics.dice(Mask.empty(4, 4), Mask.empty(4, 5)));
    assertThrows(IllegalArgumentException.class,
        () -> SurfaceDistance.hd95Mm(Mask.empty(4, 4), Mask.empty(4, 4), 0, 1));
  }
}
