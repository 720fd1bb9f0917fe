package org.heartbeam.model.contour;

import static org.heartbeam.model.contour.PixelCentre.AT_HALF_INTEGER;
import static org.heartbeam.model.contour.PixelCentre.AT_INTEGER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.heartbeam.model.image.Mask;
import org.junit.jupiter.api.Test;

/** Hand-computed masks: '#' = set. Pixel (r, c) is set iff its centre is inside (even-odd, half-open). */
class PolygonRasterizerTest {

  @Test
  void squareWithCornersOnPixelCentresCoversItsAreaExactly() {
    // Centres x = c: the left/top sides (x = 2, y = 2) are inside, the right/bottom (x = 6, y = 6) outside.
    Contour square = contour(2, 2, 6, 2, 6, 6, 2, 6);
    assertEquals(picture(
        "........",
        "........",
        "..####..",
        "..####..",
        "..####..",
        "..####..",
        "........",
        "........"), draw(PolygonRasterizer.rasterize(square, 8, 8, AT_INTEGER)));
    assertEquals(16, PolygonRasterizer.rasterize(square, 8, 8, AT_INTEGER).count());
  }

  @Test
  void squareBetweenPixelCentresHasNoBoundaryTies() {
    Contour square = contour(1.5, 1.5, 5.5, 1.5, 5.5, 5.5, 1.5, 5.5);
    assertEquals(picture(
        "........",
        "........",
        "..####..",
        "..####..",
        "..####..",
        "..####..",
        "........",
        "........"), draw(PolygonRasterizer.rasterize(square, 8, 8, AT_INTEGER)));
    // With centres at c + 0.5, the same square holds centres 1.5 .. 4.5: one pixel up and left.
    assertEquals(picture(
        "........",
        ".####...",
        ".####...",
        ".####...",
        ".####...",
        "........",
        "........",
        "........"), draw(PolygonRasterizer.rasterize(square, 8, 8, AT_HALF_INTEGER)));
  }

  @Test
  void smallSquareBetweenCentresHoldsNoCentre() {
    Contour tiny = contour(2.1, 2.1, 2.9, 2.1, 2.9, 2.9, 2.1, 2.9);
    assertEquals(0, PolygonRasterizer.rasterize(tiny, 8, 8, AT_INTEGER).count());
  }

  @Test
  void rightTriangle() {
    // Row r (y = r): inside for 0 <= x < 8 - r, so 8 - r pixels; row 8 lies on the bottom vertex only.
    Contour triangle = contour(0, 0, 8, 0, 0, 8);
    assertEquals(picture(
        "########..",
        "#######...",
        "######....",
        "#####.....",
        "####......",
        "###.......",
        "##........",
        "#.........",
        "..........",
        ".........."), draw(PolygonRasterizer.rasterize(triangle, 10, 10, AT_INTEGER)));
  }

  @Test
  void obliqueTriangle() {
    // Apex (4, 0.5), base y = 6.5 from x = 0.5 to 7.5: row r holds 4 -+ 3.5 * (r - 0.5) / 6, i.e.
    // r=1 [3.71, 4.29), r=2 [3.13, 4.88), r=3 [2.54, 5.46), r=4 [1.96, 6.04), r=5 [1.38, 6.63), r=6 [0.79, 7.21).
    Contour triangle = contour(4, 0.5, 7.5, 6.5, 0.5, 6.5);
    assertEquals(picture(
        "........",
        "....#...",
        "....#...",
        "...###..",
        "..#####.",
        "..#####.",
        ".#######",
        "........"), draw(PolygonRasterizer.rasterize(triangle, 8, 8, AT_INTEGER)));
  }

  @Test
  void concaveL() {
    Contour ell = contour(0, 0, 6, 0, 6, 2, 2, 2, 2, 6, 0, 6);
    Mask mask = PolygonRasterizer.rasterize(ell, 7, 7, AT_INTEGER);
    assertEquals(picture(
        "######.",
        "######.",
        "##.....",
        "##.....",
        "##.....",
        "##.....",
        "......."), draw(mask));
    assertEquals(20, mask.count());
  }

  @Test
  void concaveUHasTwoRunsPerRow() {
    Contour u = contour(0.5, 0.5, 2.5, 0.5, 2.5, 3.5, 4.5, 3.5, 4.5, 0.5, 6.5, 0.5, 6.5, 5.5, 0.5, 5.5);
    assertEquals(picture(
        ".......",
        ".##..##",
        ".##..##",
        ".##..##",
        ".######",
        ".######",
        "......."), draw(PolygonRasterizer.rasterize(u, 7, 7, AT_INTEGER)));
  }

  @Test
  void selfIntersectingPolygonUsesEvenOdd() {
    // Two overlapping squares traced as one path: the overlap is crossed twice, so it is outside.
    Contour twice = contour(0.5, 0.5, 4.5, 0.5, 4.5, 4.5, 2.5, 4.5, 2.5, 2.5, 6.5, 2.5, 6.5, 6.5, 2.5, 6.5, 2.5,
        4.5, 0.5, 4.5);
    assertEquals(picture(
        ".......",
        ".####..",
        ".####..",
        ".##..##",
        ".##..##",
        "...####",
        "...####"), draw(PolygonRasterizer.rasterize(twice, 7, 7, AT_INTEGER)));
  }

  @Test
  void orientationDoesNotMatter() {
    Contour ccw = contour(1.2, 0.7, 6.3, 2.2, 4.1, 6.8, 0.4, 5.5);
    Contour cw = contour(0.4, 5.5, 4.1, 6.8, 6.3, 2.2, 1.2, 0.7);
    assertEquals(PolygonRasterizer.rasterize(ccw, 8, 8), PolygonRasterizer.rasterize(cw, 8, 8));
  }

  @Test
  void polygonAlongTheImageBorderFillsEveryPixel() {
    Contour whole = contour(-0.5, -0.5, 4.5, -0.5, 4.5, 3.5, -0.5, 3.5);
    assertEquals(20, PolygonRasterizer.rasterize(whole, 4, 5, AT_INTEGER).count());
    Contour onCentres = contour(0, 0, 4, 0, 4, 3, 0, 3);
    // Right column and bottom row lie on the right/bottom edges: outside.
    assertEquals(picture(
        "####.",
        "####.",
        "####.",
        "....."), draw(PolygonRasterizer.rasterize(onCentres, 4, 5, AT_INTEGER)));
  }

  @Test
  void verticesOutsideTheImageAreClipped() {
    Contour corner = contour(-10, -10, 1.5, -10, 1.5, 1.5, -10, 1.5);
    assertEquals(picture(
        "##...",
        "##...",
        ".....",
        "....."), draw(PolygonRasterizer.rasterize(corner, 4, 5, AT_INTEGER)));
    Contour huge = contour(-1e6, -1e6, 1e6, -1e6, 0, 1e6);
    assertEquals(20, PolygonRasterizer.rasterize(huge, 4, 5, AT_INTEGER).count());
    Contour beyondRight = contour(10, 0, 20, 0, 20, 3, 10, 3);
    assertEquals(0, PolygonRasterizer.rasterize(beyondRight, 4, 5, AT_INTEGER).count());
    Contour below = contour(0, 10, 4, 10, 4, 20);
    assertEquals(0, PolygonRasterizer.rasterize(below, 4, 5, AT_INTEGER).count());
  }

  @Test
  void agreesWithAPointInPolygonTestOnRandomPolygons() {
    // Vertices on a 0.5 grid (as Sunnybrook's are) put many centres exactly on edges and vertices.
    Random random = new Random(20240611L);
    for (int trial = 0; trial < 400; trial++) {
      int n = 3 + random.nextInt(12);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        boolean halfGrid = trial % 2 == 0;
        x[i] = halfGrid ? random.nextInt(50) / 2.0 - 3 : random.nextDouble() * 26 - 3;
        y[i] = halfGrid ? random.nextInt(46) / 2.0 - 3 : random.nextDouble() * 24 - 3;
      }
      Contour c = new Contour(x, y);
      for (PixelCentre centre : PixelCentre.values()) {
        Mask mask = PolygonRasterizer.rasterize(c, 18, 20, centre);
        for (int r = 0; r < 18; r++) {
          for (int col = 0; col < 20; col++) {
            assertEquals(pnpoly(x, y, centre.centre(col), centre.centre(r)), mask.get(r, col),
                "trial " + trial + " " + centre + " pixel (" + r + ", " + col + ")");
          }
        }
      }
    }
  }

  /** W. R. Franklin's crossing test, the reference for the even-odd, half-open rule. */
  private static boolean pnpoly(double[] x, double[] y, double px, double py) {
    boolean inside = false;
    for (int i = 0, j = x.length - 1; i < x.length; j = i++) {
      if ((y[i] > py) != (y[j] > py) && px < (x[j] - x[i]) * (py - y[i]) / (y[j] - y[i]) + x[i]) {
        inside = !inside;
      }
    }
    return inside;
  }

  private static Contour contour(double... xy) {
    double[] x = new double[xy.length / 2];
    double[] y = new double[xy.length / 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = xy[2 * i];
      y[i] = xy[2 * i + 1];
    }
    return new Contour(x, y);
  }

  private static String picture(String... rows) { return String.join("\n", rows); }

  private static String draw(Mask mask) {
    StringBuilder s = new StringBuilder();
    for (int r = 0; r < mask.rows(); r++) {
      if (r > 0) {
        s.append('\n');
      }
      for (int c = 0; c < mask.columns(); c++) {
        s.append(mask.get(r, c) ? '#' : '.');
      }
    }
    return s.toString();
  }
}
