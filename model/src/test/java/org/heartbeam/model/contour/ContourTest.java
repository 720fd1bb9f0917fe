package org.heartbeam.model.contour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ContourTest {

  @Test
  void shoelaceAreaOfSquareTriangleAndConcaveL() {
    assertEquals(16.0, new Contour(new double[] {2, 6, 6, 2}, new double[] {2, 2, 6, 6}).shoelaceAreaPx());
    assertEquals(32.0, new Contour(new double[] {0, 8, 0}, new double[] {0, 0, 8}).shoelaceAreaPx());
    assertEquals(20.0, new Contour(new double[] {0, 6, 6, 2, 2, 0}, new double[] {0, 0, 2, 2, 6, 6})
        .shoelaceAreaPx());
  }

  @Test
  void areaIgnoresOrientationAndARepeatedClosingVertex() {
    Contour clockwise = new Contour(new double[] {2, 2, 6, 6}, new double[] {2, 6, 6, 2});
    Contour closed = new Contour(new double[] {2, 6, 6, 2, 2}, new double[] {2, 2, 6, 6, 2});
    assertEquals(16.0, clockwise.shoelaceAreaPx());
    assertEquals(16.0, closed.shoelaceAreaPx());
  }

  @Test
  void invariants() {
    assertThrows(IllegalArgumentException.class, () -> new Contour(new double[] {1, 2}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> new Contour(new double[] {1, 2, 3}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> new Contour(new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3}));
    assertThrows(IllegalArgumentException.class,
        () -> new Contour(new double[] {1, 2, 3}, new double[] {1, 2, Double.POSITIVE_INFINITY}));
  }

  @Test
  void copiesItsInput() {
    double[] x = {0, 4, 0};
    Contour c = new Contour(x, new double[] {0, 0, 4});
    x[1] = 100;
    assertEquals(8.0, c.shoelaceAreaPx());
  }
}
