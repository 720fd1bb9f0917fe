package org.heartbeam.model.contour;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A closed polygon in an image's pixel coordinates: x runs along columns, y along rows, and the
 * last vertex joins the first (a repeated closing vertex is allowed and harmless).
 *
 * <p>Where a pixel's centre lies in these coordinates is the rasterizer's business, see
 * {@link PixelCentre}; a contour itself is just numbers.
 */
public final class Contour implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] x;
  private final double[] y;

  /** @param x column coordinates, @param y row coordinates: same length >= 3, all finite; copied */
  public Contour(double[] x, double[] y) {
    if (x == null || y == null || x.length != y.length) {
      throw new IllegalArgumentException("contour needs as many x as y coordinates: "
          + (x == null ? "null" : x.length) + " vs " + (y == null ? "null" : y.length));
    }
    if (x.length < 3) {
      throw new IllegalArgumentException("a closed contour needs at least 3 vertices, got " + x.length);
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException("vertex " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
      }
    }
    this.x = x.clone();
    this.y = y.clone();
  }

  public int size() { return x.length; }

  public double x(int vertex) { return x[vertex]; }

  public double y(int vertex) { return y[vertex]; }

  /** Area enclosed, in square pixels, by the shoelace formula (absolute value: orientation ignored). */
  public double shoelaceAreaPx() {
    double twice = 0;
    for (int i = 0, j = x.length - 1; i < x.length; j = i++) {
      twice += x[j] * y[i] - x[i] * y[j];
    }
    return Math.abs(twice) / 2;
  }

  public double minX() { return Arrays.stream(x).min().getAsDouble(); }

  public double maxX() { return Arrays.stream(x).max().getAsDouble(); }

  public double minY() { return Arrays.stream(y).min().getAsDouble(); }

  public double maxY() { return Arrays.stream(y).max().getAsDouble(); }

  @Override
  public boolean equals(Object o) {
    return o instanceof Contour && Arrays.equals(x, ((Contour) o).x) && Arrays.equals(y, ((Contour) o).y);
  }

  @Override
  public int hashCode() { return 31 * Arrays.hashCode(x) + Arrays.hashCode(y); }

  @Override
  public String toString() {
    return String.format("Contour{%d vertices, x %.2f..%.2f, y %.2f..%.2f}", size(), minX(), maxX(), minY(), maxY());
  }
}
