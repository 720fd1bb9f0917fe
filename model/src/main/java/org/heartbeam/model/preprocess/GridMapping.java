package org.heartbeam.model.preprocess;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.Mask;

/**
 * How an original {@code rows x columns} pixel grid becomes the model's {@code modelRows x
 * modelColumns} input grid, recorded so that a mask predicted on the model grid maps back onto the
 * original grid exactly.
 *
 * <p>Two steps, in this order:
 * <ol>
 *   <li><b>scale</b>: the original grid is resampled to {@code scaledRows x scaledColumns} (equal to
 *       the original size when there is no resize; then nothing is resampled);
 *   <li><b>window</b>: the model grid is the window of the scaled grid whose top-left pixel is
 *       ({@code top}, {@code left}). The window may reach outside the scaled grid (negative offsets or
 *       beyond the far edge): those model pixels are padding. A window is a crop and a pad at once.
 * </ol>
 *
 * <p><b>Coordinates.</b> Pixel (r, c) of a grid is the unit square [r, r+1) x [c, c+1); its centre is
 * (r + 1/2, c + 1/2). The scaled grid covers exactly the same extent as the original, so scaled pixel
 * s has its centre at (s + 1/2) x rows / scaledRows in original units (the half-pixel convention of
 * OpenCV's and TensorFlow's resize without corner alignment). Model pixel i is scaled pixel i + top.
 *
 * <p><b>Sampling.</b> Images are resampled bilinearly between the four original pixel centres around
 * the sample point (clamped at the edges); when an axis is not scaled the original value is copied
 * exactly. Masks use the nearest pixel: the one whose square holds the other grid's pixel centre,
 * computed in integer arithmetic, so there is no rounding error; a centre exactly on a pixel border
 * goes to the pixel below (or to the right). Padding is 0 for images and masks.
 *
 * <p><b>Exactness.</b> Without scaling, original to model to original is the identity inside the
 * window and 0 outside. With upscaling (scaled size >= original on both axes, e.g. an integer factor),
 * the round trip is the identity too, because every original pixel's centre lies in a scaled pixel
 * whose own centre lies back in that original pixel. Downscaling loses detail by definition.
 *
 * <p><b>Centring.</b> {@link #centred} uses top = (scaledRows - modelRows) / 2 rounded toward zero,
 * as TensorFlow's {@code resize_with_crop_or_pad}: the odd row is cropped from, or padded at, the
 * bottom (likewise the odd column at the right).
 */
public final class GridMapping implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Scaled grids are never materialized, but index arithmetic stays comfortably inside int. */
  public static final int MAX_SCALED_LENGTH = 1 << 16;

  private final int originalRows;
  private final int originalColumns;
  private final int scaledRows;
  private final int scaledColumns;
  private final int top;
  private final int left;
  private final int modelRows;
  private final int modelColumns;

  private GridMapping(int originalRows, int originalColumns, int scaledRows, int scaledColumns,
      int top, int left, int modelRows, int modelColumns) {
    require(originalRows > 0 && originalColumns > 0,
        "original grid must be at least 1x1: " + originalRows + "x" + originalColumns);
    require(scaledRows > 0 && scaledColumns > 0 && scaledRows <= MAX_SCALED_LENGTH
        && scaledColumns <= MAX_SCALED_LENGTH, "scaled grid must be 1.." + MAX_SCALED_LENGTH
        + " on each side: " + scaledRows + "x" + scaledColumns);
    require(modelRows > 0 && modelColumns > 0, "model grid must be at least 1x1: " + modelRows + "x" + modelColumns);
    require(top < scaledRows && top + modelRows > 0 && left < scaledColumns && left + modelColumns > 0,
        "window " + modelRows + "x" + modelColumns + " at (" + top + ", " + left
        + ") lies entirely outside the " + scaledRows + "x" + scaledColumns + " image");
    this.originalRows = originalRows;
    this.originalColumns = originalColumns;
    this.scaledRows = scaledRows;
    this.scaledColumns = scaledColumns;
    this.top = top;
    this.left = left;
    this.modelRows = modelRows;
    this.modelColumns = modelColumns;
  }

  /** Centre crop and/or pad, no resampling. */
  public static GridMapping centred(int originalRows, int originalColumns, int modelRows, int modelColumns) {
    return centredScaled(originalRows, originalColumns, originalRows, originalColumns, modelRows, modelColumns);
  }

  /** Resize to {@code scaledRows x scaledColumns}, then centre crop and/or pad. */
  public static GridMapping centredScaled(int originalRows, int originalColumns, int scaledRows,
      int scaledColumns, int modelRows, int modelColumns) {
    return new GridMapping(originalRows, originalColumns, scaledRows, scaledColumns,
        (scaledRows - modelRows) / 2, (scaledColumns - modelColumns) / 2, modelRows, modelColumns);
  }

  /** An explicit window at ({@code top}, {@code left}) of the original grid, no resampling. */
  public static GridMapping window(int originalRows, int originalColumns, int top, int left,
      int modelRows, int modelColumns) {
    return windowScaled(originalRows, originalColumns, originalRows, originalColumns, top, left,
        modelRows, modelColumns);
  }

  /** Resize, then an explicit window at ({@code top}, {@code left}) of the scaled grid. */
  public static GridMapping windowScaled(int originalRows, int originalColumns, int scaledRows,
      int scaledColumns, int top, int left, int modelRows, int modelColumns) {
    return new GridMapping(originalRows, originalColumns, scaledRows, scaledColumns, top, left,
        modelRows, modelColumns);
  }

  /**
   * A model-sized window centred on a point of the original grid (e.g. the heart, from a
   * localisation step), given in original pixel indices (pixel centre at index + 1/2 in the
   * coordinates above), after resizing to {@code scaledRows x scaledColumns}. The window starts at
   * floor(scaled point - model size / 2), so on the model grid the point lands in [modelRows / 2,
   * modelRows / 2 + 1) (likewise for columns): the model pixel at index modelRows / 2 holds it.
   */
  public static GridMapping around(int originalRows, int originalColumns, int scaledRows, int scaledColumns,
      double centreRow, double centreColumn, int modelRows, int modelColumns) {
    double scaledCentreRow = (centreRow + 0.5) * scaledRows / originalRows;
    double scaledCentreColumn = (centreColumn + 0.5) * scaledColumns / originalColumns;
    int top = (int) Math.floor(scaledCentreRow - modelRows / 2.0);
    int left = (int) Math.floor(scaledCentreColumn - modelColumns / 2.0);
    return windowScaled(originalRows, originalColumns, scaledRows, scaledColumns, top, left,
        modelRows, modelColumns);
  }

  /** The side of a grid of {@code length} pixels scaled by {@code scale}: rounded, at least 1. */
  public static int scaledLength(int length, double scale) {
    require(scale > 0 && Double.isFinite(scale), "scale must be > 0: " + scale);
    double scaled = Math.rint(length * scale);
    require(scaled <= MAX_SCALED_LENGTH, "scaling " + length + " pixels by " + scale
        + " gives more than " + MAX_SCALED_LENGTH);
    return Math.max(1, (int) scaled);
  }

  public int originalRows() { return originalRows; }

  public int originalColumns() { return originalColumns; }

  public int scaledRows() { return scaledRows; }

  public int scaledColumns() { return scaledColumns; }

  /** Row of the scaled grid where the model grid starts (negative: padding above). */
  public int top() { return top; }

  /** Column of the scaled grid where the model grid starts (negative: padding to the left). */
  public int left() { return left; }

  public int modelRows() { return modelRows; }

  public int modelColumns() { return modelColumns; }

  /** True when pixels are resampled, not just cropped or padded. */
  public boolean isResampled() { return scaledRows != originalRows || scaledColumns != originalColumns; }

  /** Model pixels per original pixel along the rows (vertical) axis. */
  public double rowScale() { return (double) scaledRows / originalRows; }

  /** Model pixels per original pixel along the columns (horizontal) axis. */
  public double columnScale() { return (double) scaledColumns / originalColumns; }

  /** Distance between model-grid rows, in mm. */
  public double modelRowSpacingMm(ImageGeometry original) { return original.rowSpacingMm() / rowScale(); }

  /** Distance between model-grid columns, in mm. */
  public double modelColumnSpacingMm(ImageGeometry original) {
    return original.columnSpacingMm() / columnScale();
  }

  /** Area of one model-grid pixel, in mm^2. */
  public double modelPixelAreaMm2(ImageGeometry original) {
    return modelRowSpacingMm(original) * modelColumnSpacingMm(original);
  }

  /** The original image on the model grid: bilinear where scaled, exact copy otherwise, padding 0. */
  public float[] imageToModel(float[] originalPixels) { return imageToModel(originalPixels, 0f); }

  /** As {@link #imageToModel(float[])}, padding with {@code padValue}. */
  public float[] imageToModel(float[] originalPixels, float padValue) {
    if (originalPixels.length != originalRows * originalColumns) {
      throw new IllegalArgumentException("image has " + originalPixels.length + " pixels but the original grid is "
          + originalRows + "x" + originalColumns);
    }
    Axis rows = Axis.bilinear(originalRows, scaledRows, top, modelRows);
    Axis columns = Axis.bilinear(originalColumns, scaledColumns, left, modelColumns);
    float[] out = new float[modelRows * modelColumns];
    for (int i = 0; i < modelRows; i++) {
      int rowStart = i * modelColumns;
      if (rows.lower[i] < 0) {
        Arrays.fill(out, rowStart, rowStart + modelColumns, padValue);
        continue;
      }
      int firstRow = rows.lower[i] * originalColumns;
      int secondRow = rows.upper[i] * originalColumns;
      float wy = rows.weight[i];
      for (int j = 0; j < modelColumns; j++) {
        int c0 = columns.lower[j];
        if (c0 < 0) {
          out[rowStart + j] = padValue;
          continue;
        }
        int c1 = columns.upper[j];
        float wx = columns.weight[j];
        // Weight 0 must give the pixel itself, bit for bit: no "a + w * (b - a)" on that path.
        float first = blend(originalPixels[firstRow + c0], originalPixels[firstRow + c1], wx);
        float second = blend(originalPixels[secondRow + c0], originalPixels[secondRow + c1], wx);
        out[rowStart + j] = blend(first, second, wy);
      }
    }
    return out;
  }

  private static float blend(float a, float b, float weightOfB) {
    return weightOfB == 0 ? a : a * (1 - weightOfB) + b * weightOfB;
  }

  /** The original mask on the model grid, nearest pixel, padding 0. */
  public Mask maskToModel(Mask original) {
    requireOriginalSize(original.rows(), original.columns(), "mask");
    int[] sourceRow = new int[modelRows];
    for (int i = 0; i < modelRows; i++) {
      sourceRow[i] = nearest(i + top, scaledRows, originalRows);
    }
    int[] sourceColumn = new int[modelColumns];
    for (int j = 0; j < modelColumns; j++) {
      sourceColumn[j] = nearest(j + left, scaledColumns, originalColumns);
    }
    return resampleMask(original.values(), originalColumns, sourceRow, sourceColumn);
  }

  /**
   * A mask on the model grid (e.g. a prediction) mapped back onto the original grid, nearest pixel;
   * original pixels outside the window are 0.
   */
  public Mask maskToOriginal(Mask model) {
    if (model.rows() != modelRows || model.columns() != modelColumns) {
      throw new IllegalArgumentException("mask is " + model.rows() + "x" + model.columns()
          + " but the model grid is " + modelRows + "x" + modelColumns);
    }
    int[] sourceRow = new int[originalRows];
    for (int r = 0; r < originalRows; r++) {
      int modelRow = nearest(r, originalRows, scaledRows) - top;
      sourceRow[r] = modelRow >= 0 && modelRow < modelRows ? modelRow : -1;
    }
    int[] sourceColumn = new int[originalColumns];
    for (int c = 0; c < originalColumns; c++) {
      int modelColumn = nearest(c, originalColumns, scaledColumns) - left;
      sourceColumn[c] = modelColumn >= 0 && modelColumn < modelColumns ? modelColumn : -1;
    }
    return resampleMask(model.values(), modelColumns, sourceRow, sourceColumn);
  }

  /**
   * The pixel of a grid of {@code toLength} pixels whose square holds the centre of pixel {@code
   * index} of a grid of {@code fromLength} pixels over the same extent, or -1 when {@code index} is
   * outside [0, fromLength). Exact: floor((2 index + 1) toLength / (2 fromLength)) in long arithmetic.
   */
  static int nearest(int index, int fromLength, int toLength) {
    if (index < 0 || index >= fromLength) {
      return -1;
    }
    return (int) (((2L * index + 1) * toLength) / (2L * fromLength));
  }

  private static Mask resampleMask(byte[] source, int sourceColumns, int[] sourceRow, int[] sourceColumn) {
    byte[] out = new byte[sourceRow.length * sourceColumn.length];
    for (int i = 0; i < sourceRow.length; i++) {
      if (sourceRow[i] < 0) {
        continue;
      }
      int from = sourceRow[i] * sourceColumns;
      int to = i * sourceColumn.length;
      for (int j = 0; j < sourceColumn.length; j++) {
        if (sourceColumn[j] >= 0) {
          out[to + j] = source[from + sourceColumn[j]];
        }
      }
    }
    return new Mask(sourceRow.length, sourceColumn.length, out);
  }

  private void requireOriginalSize(int rows, int columns, String what) {
    if (rows != originalRows || columns != originalColumns) {
      throw new IllegalArgumentException(what + " is " + rows + "x" + columns + " but the original grid is "
          + originalRows + "x" + originalColumns);
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Per model row (or column): the two original pixels to blend and the weight of the second. */
  private static final class Axis {
    final int[] lower;
    final int[] upper;
    final float[] weight;

    private Axis(int n) {
      lower = new int[n];
      upper = new int[n];
      weight = new float[n];
    }

    static Axis bilinear(int originalLength, int scaledLength, int offset, int modelLength) {
      Axis axis = new Axis(modelLength);
      for (int i = 0; i < modelLength; i++) {
        int s = i + offset;
        if (s < 0 || s >= scaledLength) {
          axis.lower[i] = -1;
          continue;
        }
        if (scaledLength == originalLength) {
          axis.lower[i] = s;
          axis.upper[i] = s;
          continue;
        }
        // Sample point in original index units (pixel k's centre is at index k), clamped to the centres.
        double u = (s + 0.5) * originalLength / scaledLength - 0.5;
        u = Math.max(0, Math.min(originalLength - 1, u));
        int k = (int) Math.floor(u);
        axis.lower[i] = k;
        axis.upper[i] = Math.min(k + 1, originalLength - 1);
        axis.weight[i] = (float) (u - k);
      }
      return axis;
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GridMapping)) {
      return false;
    }
    GridMapping m = (GridMapping) o;
    return originalRows == m.originalRows && originalColumns == m.originalColumns
        && scaledRows == m.scaledRows && scaledColumns == m.scaledColumns && top == m.top && left == m.left
        && modelRows == m.modelRows && modelColumns == m.modelColumns;
  }

  @Override
  public int hashCode() {
    return Objects.hash(originalRows, originalColumns, scaledRows, scaledColumns, top, left, modelRows, modelColumns);
  }

  @Override
  public String toString() {
    return "GridMapping{" + originalRows + "x" + originalColumns + " -> scaled " + scaledRows + "x"
        + scaledColumns + " -> window at (" + top + ", " + left + ") " + modelRows + "x" + modelColumns + "}";
  }
}
