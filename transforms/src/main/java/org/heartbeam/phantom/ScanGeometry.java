package org.heartbeam.phantom;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Where the short-axis stack sits in the patient (DICOM LPS millimetres): an oblique plane normal
 * to the LV long axis (which points from the base towards the apex: to the patient's left, anterior
 * and inferior), slices stepping from base to apex by the slice spacing. Values are rounded to what
 * the DICOM header can hold, so a reader recomputes exactly the spacing the truth used.
 */
final class ScanGeometry {
  private final double[] row;
  private final double[] col;
  private final double[] normal;
  private final double[] baseCenter;
  private final double pixelSpacingMm;
  private final double sliceSpacingMm;
  private final int rows;
  private final int cols;

  ScanGeometry(SplittableRandom rng, int rows, int cols, double pixelSpacingMm, double sliceSpacingMm) {
    this.rows = rows;
    this.cols = cols;
    this.pixelSpacingMm = pixelSpacingMm;
    this.sliceSpacingMm = sliceSpacingMm;
    // Long axis: roughly 45 degrees left, 30 anterior (-y in LPS), 35 inferior (-z), jittered.
    double[] axis = normalize(new double[] {
        0.62 + 0.1 * (rng.nextDouble() - 0.5),
        -0.45 + 0.1 * (rng.nextDouble() - 0.5),
        -0.55 + 0.1 * (rng.nextDouble() - 0.5)});
    // Image rows run roughly from the patient's right to left, projected into the plane.
    double[] towardsLeft = {1, 0, 0};
    double[] r = normalize(subtract(towardsLeft, scale(axis, dot(towardsLeft, axis))));
    double[] c = cross(axis, r);
    this.row = roundUnit(r);
    this.col = roundUnit(c);
    this.normal = cross(row, col);
    this.baseCenter = new double[] {
        round(20 + 20 * rng.nextDouble(), 3), round(-10 + 20 * rng.nextDouble(), 3),
        round(60 + 40 * rng.nextDouble(), 3)};
  }

  /** ImageOrientationPatient: row cosines then column cosines. */
  double[] imageOrientationPatient() {
    return new double[] {row[0], row[1], row[2], col[0], col[1], col[2]};
  }

  /** ImagePositionPatient (centre of the first pixel) of a slice. */
  double[] imagePositionPatient(int slice) {
    double[] p = new double[3];
    double halfCols = (cols - 1) / 2.0 * pixelSpacingMm;
    double halfRows = (rows - 1) / 2.0 * pixelSpacingMm;
    for (int i = 0; i < 3; i++) {
      p[i] = round(baseCenter[i] + slice * sliceSpacingMm * normal[i] - halfCols * row[i] - halfRows * col[i], 4);
    }
    return p;
  }

  /** SliceLocation: the slice's position along the long axis (mm). */
  double sliceLocation(int slice) {
    return round(dot(baseCenter, normal) + slice * sliceSpacingMm, 4);
  }

  /** A number as a DICOM DS string (at most 16 characters, no exponent). */
  static String ds(double value) {
    String s = new java.math.BigDecimal(String.format(Locale.ROOT, "%.6f", value))
        .stripTrailingZeros().toPlainString();
    if (s.equals("-0")) {
      s = "0";
    }
    if (s.length() > 16) {
      throw new IllegalStateException("DS value too long: " + s);
    }
    return s;
  }

  static double round(double value, int decimals) {
    double f = StrictMath.pow(10, decimals);
    return Math.round(value * f) / f;
  }

  private static double[] roundUnit(double[] v) {
    // Six decimals keep the cosines unit and orthogonal to 1e-6, well inside readers' tolerance.
    return new double[] {round(v[0], 6), round(v[1], 6), round(v[2], 6)};
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  private static double[] scale(double[] a, double f) {
    return new double[] {a[0] * f, a[1] * f, a[2] * f};
  }

  private static double[] subtract(double[] a, double[] b) {
    return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
  }

  private static double[] normalize(double[] a) {
    return scale(a, 1 / Math.sqrt(dot(a, a)));
  }
}
