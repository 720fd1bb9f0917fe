package org.heartbeam.model.metrics;

import java.util.Arrays;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.Mask;

/**
 * Contour distances between two masks in millimetres, with the image's (possibly anisotropic) pixel
 * spacing: the 95th-percentile Hausdorff distance (HD95) and the average symmetric surface distance
 * (ASSD), defined as in MedPy ({@code medpy.metric.binary.hd95 / assd}), so numbers compare.
 *
 * <ul>
 *   <li>Surface: the mask pixels with a 4-neighbour outside the mask (or outside the image).
 *   <li>Distances: exact Euclidean between pixel centres, rows scaled by the row spacing and columns
 *       by the column spacing, from each surface pixel of one mask to the nearest of the other, by
 *       brute force over surface pixels (an LV contour has a few hundred: microseconds).
 *   <li>HD95: the 95th percentile (linear interpolation, as numpy) of both directions' distances
 *       pooled; ASSD: the mean of the two directions' mean distances.
 *   <li>Both masks empty: 0 (nothing to disagree about). One empty: NaN (undefined; skip it).
 * </ul>
 */
public final class SurfaceDistance {
  private SurfaceDistance() {}

  public static double hd95Mm(Mask predicted, Mask reference, ImageGeometry geometry) {
    return hd95Mm(predicted, reference, geometry.rowSpacingMm(), geometry.columnSpacingMm());
  }

  public static double hd95Mm(Mask predicted, Mask reference, double rowSpacingMm, double columnSpacingMm) {
    double[][] d = directedDistances(predicted, reference, rowSpacingMm, columnSpacingMm);
    if (d == null) {
      return emptyResult(predicted, reference);
    }
    double[] pooled = new double[d[0].length + d[1].length];
    System.arraycopy(d[0], 0, pooled, 0, d[0].length);
    System.arraycopy(d[1], 0, pooled, d[0].length, d[1].length);
    return percentile(pooled, 95);
  }

  public static double assdMm(Mask predicted, Mask reference, ImageGeometry geometry) {
    return assdMm(predicted, reference, geometry.rowSpacingMm(), geometry.columnSpacingMm());
  }

  public static double assdMm(Mask predicted, Mask reference, double rowSpacingMm, double columnSpacingMm) {
    double[][] d = directedDistances(predicted, reference, rowSpacingMm, columnSpacingMm);
    if (d == null) {
      return emptyResult(predicted, reference);
    }
    return (mean(d[0]) + mean(d[1])) / 2;
  }

  /** Surface pixels as {row, column} pairs. */
  static int[][] surface(Mask mask) {
    int rows = mask.rows();
    int columns = mask.columns();
    int[][] points = new int[mask.count()][];
    int n = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        if (mask.get(r, c) && (r == 0 || c == 0 || r == rows - 1 || c == columns - 1
            || !mask.get(r - 1, c) || !mask.get(r + 1, c) || !mask.get(r, c - 1) || !mask.get(r, c + 1))) {
          points[n++] = new int[] {r, c};
        }
      }
    }
    return Arrays.copyOf(points, n);
  }

  /** {a to b, b to a} nearest-surface distances, or null when either mask is empty. */
  private static double[][] directedDistances(Mask a, Mask b, double rowSpacingMm, double columnSpacingMm) {
    OverlapMetrics.requireSameGrid(a, b);
    if (!(rowSpacingMm > 0) || !(columnSpacingMm > 0)) {
      throw new IllegalArgumentException("pixel spacing must be > 0 mm: " + rowSpacingMm + ", " + columnSpacingMm);
    }
    int[][] sa = surface(a);
    int[][] sb = surface(b);
    if (sa.length == 0 || sb.length == 0) {
      return null;
    }
    return new double[][] {
      nearest(sa, sb, rowSpacingMm, columnSpacingMm), nearest(sb, sa, rowSpacingMm, columnSpacingMm)
    };
  }

  private static double[] nearest(int[][] from, int[][] to, double dy, double dx) {
    double[] result = new double[from.length];
    for (int i = 0; i < from.length; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int[] p : to) {
        double y = (from[i][0] - p[0]) * dy;
        double x = (from[i][1] - p[1]) * dx;
        best = Math.min(best, y * y + x * x);
      }
      result[i] = Math.sqrt(best);
    }
    return result;
  }

  private static double emptyResult(Mask a, Mask b) {
    return a.count() == 0 && b.count() == 0 ? 0.0 : Double.NaN;
  }

  /** numpy.percentile's default ("linear") definition. */
  static double percentile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double position = q / 100 * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(lower + 1, sorted.length - 1);
    return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
