package org.heartbeam.model.contour;

import java.util.Arrays;
import org.heartbeam.model.image.Mask;

/**
 * Fills a contour into a {@link Mask} by the pixel-centre rule: pixel (r, c) is set iff its centre
 * (see {@link PixelCentre}) is inside the polygon by the even-odd rule.
 *
 * <p>Centres exactly on the boundary are decided as the classic crossing test (W. R. Franklin's
 * PNPOLY) decides them: an edge crosses the scanline y when exactly one end has y' > y, and a
 * centre counts the crossings strictly to its right. In effect left and top edges are inside, right
 * and bottom edges outside, so tiles that share an edge never both claim a pixel, and an axis-aligned
 * rectangle whose sides lie on pixel centres covers exactly its area in pixels.
 *
 * <p>Scanline: per row, the edges crossing the row's centre line give sorted x crossings, and the
 * pixels between crossing pairs are filled; O(rows x vertices), not a point test per pixel. Vertices
 * may lie outside the image: the fill is clipped to the grid.
 */
public final class PolygonRasterizer {
  private PolygonRasterizer() {}

  /** With the Sunnybrook convention, {@link PixelCentre#AT_INTEGER}. */
  public static Mask rasterize(Contour contour, int rows, int columns) {
    return rasterize(contour, rows, columns, PixelCentre.AT_INTEGER);
  }

  public static Mask rasterize(Contour contour, int rows, int columns, PixelCentre centre) {
    if (rows <= 0 || columns <= 0) {
      throw new IllegalArgumentException("mask must have rows and columns > 0: " + rows + "x" + columns);
    }
    byte[] values = new byte[rows * columns];
    int n = contour.size();
    double[] crossings = new double[n];
    int firstRow = (int) Math.max(0, Math.floor(contour.minY() - centre.offset()));
    int lastRow = (int) Math.min(rows - 1, Math.ceil(contour.maxY() - centre.offset()));
    for (int r = firstRow; r <= lastRow; r++) {
      double yc = centre.centre(r);
      int count = 0;
      for (int i = 0, j = n - 1; i < n; j = i++) {
        double yi = contour.y(i);
        double yj = contour.y(j);
        if ((yi > yc) != (yj > yc)) {
          // The same expression as PNPOLY, so boundary cases round the same way.
          crossings[count++] = (contour.x(j) - contour.x(i)) * (yc - yi) / (yj - yi) + contour.x(i);
        }
      }
      Arrays.sort(crossings, 0, count);
      // Inside iff an odd number of crossings lie at or left of the centre: [a0, a1), [a2, a3), ...
      for (int k = 0; k + 1 < count; k += 2) {
        int from = firstCentreAtOrAfter(crossings[k], centre, columns);
        int to = firstCentreAtOrAfter(crossings[k + 1], centre, columns);
        if (from < to) {
          Arrays.fill(values, r * columns + from, r * columns + to, (byte) 1);
        }
      }
    }
    return new Mask(rows, columns, values);
  }

  /**
   * The smallest column c whose centre is >= x, compared exactly as a point test compares, clipped
   * to [0, columns].
   */
  private static int firstCentreAtOrAfter(double x, PixelCentre centre, int columns) {
    if (centre.centre(0) >= x) {
      return 0;
    }
    if (centre.centre(columns - 1) < x) {
      return columns;
    }
    // Now 0 < c <= columns - 1: the guess is close; the loops settle floating-point rounding.
    int c = (int) Math.max(1, Math.min(columns - 1, Math.ceil(x - centre.offset())));
    while (centre.centre(c - 1) >= x) {
      c--;
    }
    while (centre.centre(c) < x) {
      c++;
    }
    return c;
  }
}
