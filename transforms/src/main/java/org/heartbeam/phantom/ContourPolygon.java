package org.heartbeam.phantom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A closed contour in pixel coordinates (x = column, y = row), rounded to the 0.01 pixel the
 * Sunnybrook text format carries. The area is computed from the rounded vertices, so the truth is
 * exactly what anyone re-reading the file measures.
 */
final class ContourPolygon {
  /** Dense enough that the polygon and the analytic curve differ by < 0.05 % in area. */
  static final int VERTICES = 128;

  private final double[] xs;
  private final double[] ys;

  private ContourPolygon(double[] xs, double[] ys) {
    this.xs = xs;
    this.ys = ys;
  }

  /** Converts a boundary in image-frame millimetres to rounded pixel coordinates. */
  static ContourPolygon fromMillimetres(double[][] pointsMm, PhantomPatient p) {
    double[] xs = new double[pointsMm.length];
    double[] ys = new double[pointsMm.length];
    for (int i = 0; i < pointsMm.length; i++) {
      xs[i] = ScanGeometry.round(p.colOf(pointsMm[i][0]), 2);
      ys[i] = ScanGeometry.round(p.rowOf(pointsMm[i][1]), 2);
    }
    return new ContourPolygon(xs, ys);
  }

  /** The vertices as {x, y} pairs (a copy). */
  double[][] vertices() {
    double[][] v = new double[xs.length][];
    for (int i = 0; i < xs.length; i++) {
      v[i] = new double[] {xs[i], ys[i]};
    }
    return v;
  }

  /** Shoelace area in square pixels. */
  double areaPx() {
    double twice = 0;
    for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
      twice += xs[j] * ys[i] - xs[i] * ys[j];
    }
    return Math.abs(twice) / 2;
  }

  /** Writes "x y" per line, two decimals, like the Sunnybrook manual contours. */
  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    StringBuilder text = new StringBuilder(xs.length * 14);
    for (int i = 0; i < xs.length; i++) {
      appendHundredths(text, xs[i]).append(' ');
      appendHundredths(text, ys[i]).append('\n');
    }
    Files.writeString(file, text, StandardCharsets.US_ASCII);
  }

  /** Appends a value already rounded to 0.01 as "%.2f" would (String.format is slow in bulk). */
  private static StringBuilder appendHundredths(StringBuilder text, double value) {
    long hundredths = Math.round(value * 100);
    if (hundredths < 0) {
      text.append('-');
      hundredths = -hundredths;
    }
    long fraction = hundredths % 100;
    return text.append(hundredths / 100).append('.').append(fraction < 10 ? "0" : "").append(fraction);
  }
}
