package org.heartbeam.model.image;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where an image's pixels are in the patient, in DICOM terms (millimetres, LPS patient axes).
 *
 * <p>Pixel spacing is required because every clinical number (area, volume, surface distance)
 * depends on it. Position and orientation are optional: TFRecords and some secondary captures do
 * not carry them, and then volume by slice position is not available for that image.
 */
public final class ImageGeometry implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double UNIT_TOLERANCE = 1e-3;

  private final double rowSpacingMm;
  private final double columnSpacingMm;
  private final double sliceThicknessMm;
  private final double[] imagePositionPatient;
  private final double[] imageOrientationPatient;
  private final double sliceLocationMm;

  /**
   * @param rowSpacingMm distance between rows (DICOM PixelSpacing[0]), > 0
   * @param columnSpacingMm distance between columns (PixelSpacing[1]), > 0
   * @param sliceThicknessMm > 0, or NaN when unknown
   * @param imagePositionPatient x, y, z of the first pixel's centre, or null when unknown
   * @param imageOrientationPatient row then column direction cosines (6 values), or null
   * @param sliceLocationMm DICOM SliceLocation, or NaN when unknown
   */
  public ImageGeometry(
      double rowSpacingMm,
      double columnSpacingMm,
      double sliceThicknessMm,
      double[] imagePositionPatient,
      double[] imageOrientationPatient,
      double sliceLocationMm) {
    require(rowSpacingMm > 0 && Double.isFinite(rowSpacingMm), "row spacing must be > 0 mm: " + rowSpacingMm);
    require(columnSpacingMm > 0 && Double.isFinite(columnSpacingMm),
        "column spacing must be > 0 mm: " + columnSpacingMm);
    require(Double.isNaN(sliceThicknessMm) || (sliceThicknessMm > 0 && Double.isFinite(sliceThicknessMm)),
        "slice thickness must be > 0 mm or unknown: " + sliceThicknessMm);
    require(!Double.isInfinite(sliceLocationMm), "slice location must be finite or unknown");
    if (imagePositionPatient != null) {
      require(imagePositionPatient.length == 3 && allFinite(imagePositionPatient),
          "image position needs 3 finite values: " + Arrays.toString(imagePositionPatient));
    }
    if (imageOrientationPatient != null) {
      require(imageOrientationPatient.length == 6 && allFinite(imageOrientationPatient),
          "image orientation needs 6 finite values: " + Arrays.toString(imageOrientationPatient));
      double[] row = Arrays.copyOfRange(imageOrientationPatient, 0, 3);
      double[] col = Arrays.copyOfRange(imageOrientationPatient, 3, 6);
      require(Math.abs(norm(row) - 1) < UNIT_TOLERANCE && Math.abs(norm(col) - 1) < UNIT_TOLERANCE,
          "image orientation cosines must be unit vectors: " + Arrays.toString(imageOrientationPatient));
      require(Math.abs(dot(row, col)) < UNIT_TOLERANCE,
          "image orientation row and column must be orthogonal: " + Arrays.toString(imageOrientationPatient));
    }
    this.rowSpacingMm = rowSpacingMm;
    this.columnSpacingMm = columnSpacingMm;
    this.sliceThicknessMm = sliceThicknessMm;
    this.imagePositionPatient = imagePositionPatient == null ? null : imagePositionPatient.clone();
    this.imageOrientationPatient = imageOrientationPatient == null ? null : imageOrientationPatient.clone();
    this.sliceLocationMm = sliceLocationMm;
  }

  /** Isotropic in-plane spacing, nothing else known (TFRecords, tests). */
  public static ImageGeometry ofSpacing(double spacingMm) {
    return new ImageGeometry(spacingMm, spacingMm, Double.NaN, null, null, Double.NaN);
  }

  public double rowSpacingMm() { return rowSpacingMm; }

  public double columnSpacingMm() { return columnSpacingMm; }

  /** Area of one pixel in mm^2. */
  public double pixelAreaMm2() { return rowSpacingMm * columnSpacingMm; }

  public double sliceThicknessMm() { return sliceThicknessMm; }

  public boolean hasPosition() { return imagePositionPatient != null && imageOrientationPatient != null; }

  /** A copy; null when unknown. */
  public double[] imagePositionPatient() {
    return imagePositionPatient == null ? null : imagePositionPatient.clone();
  }

  /** A copy; null when unknown. */
  public double[] imageOrientationPatient() {
    return imageOrientationPatient == null ? null : imageOrientationPatient.clone();
  }

  public double sliceLocationMm() { return sliceLocationMm; }

  /**
   * Unit normal of the image plane (row x column cosines), or null when orientation is unknown.
   * Slices of one stack share it; their positions projected on it order them base to apex.
   */
  public double[] sliceNormal() {
    if (imageOrientationPatient == null) {
      return null;
    }
    double[] r = imageOrientationPatient;
    double[] n = {
      r[1] * r[5] - r[2] * r[4],
      r[2] * r[3] - r[0] * r[5],
      r[0] * r[4] - r[1] * r[3]
    };
    double len = norm(n);
    return new double[] {n[0] / len, n[1] / len, n[2] / len};
  }

  /** Position along the slice normal in mm, or NaN when position or orientation is unknown. */
  public double positionAlongNormalMm() {
    if (!hasPosition()) {
      return Double.NaN;
    }
    return dot(sliceNormal(), imagePositionPatient);
  }

  /** The same geometry with another in-plane spacing (after a resize). */
  public ImageGeometry withSpacing(double newRowSpacingMm, double newColumnSpacingMm) {
    return new ImageGeometry(newRowSpacingMm, newColumnSpacingMm, sliceThicknessMm,
        imagePositionPatient, imageOrientationPatient, sliceLocationMm);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static double norm(double[] v) { return Math.sqrt(dot(v, v)); }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ImageGeometry)) {
      return false;
    }
    ImageGeometry g = (ImageGeometry) o;
    return Double.compare(rowSpacingMm, g.rowSpacingMm) == 0
        && Double.compare(columnSpacingMm, g.columnSpacingMm) == 0
        && Double.compare(sliceThicknessMm, g.sliceThicknessMm) == 0
        && Arrays.equals(imagePositionPatient, g.imagePositionPatient)
        && Arrays.equals(imageOrientationPatient, g.imageOrientationPatient)
        && Double.compare(sliceLocationMm, g.sliceLocationMm) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rowSpacingMm, columnSpacingMm, sliceThicknessMm,
        Arrays.hashCode(imagePositionPatient), Arrays.hashCode(imageOrientationPatient), sliceLocationMm);
  }

  @Override
  public String toString() {
    return String.format("spacing %.4fx%.4f mm, thickness %s mm, position %s, orientation %s, location %s",
        rowSpacingMm, columnSpacingMm, sliceThicknessMm, Arrays.toString(imagePositionPatient),
        Arrays.toString(imageOrientationPatient), sliceLocationMm);
  }
}
