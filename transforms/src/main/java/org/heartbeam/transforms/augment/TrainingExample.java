package org.heartbeam.transforms.augment;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.heartbeam.model.preprocess.PreparedImage;

/**
 * One image on the model grid with its 0/1 LV mask: what training reads. Small on purpose (no
 * geometry, no UIDs): training needs pixels and labels, and the key names the image without PHI.
 */
public final class TrainingExample implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String imageKey;
  private final int rows;
  private final int columns;
  private final float[] pixels;
  private final byte[] mask;

  public TrainingExample(String imageKey, int rows, int columns, float[] pixels, byte[] mask) {
    this.imageKey = Objects.requireNonNull(imageKey, "imageKey");
    if (rows <= 0 || columns <= 0) {
      throw new IllegalArgumentException("size must be positive: " + rows + "x" + columns);
    }
    if (pixels.length != rows * columns || mask.length != rows * columns) {
      throw new IllegalArgumentException("pixels (" + pixels.length + ") and mask (" + mask.length
          + ") must both hold " + rows + "x" + columns + " values");
    }
    this.rows = rows;
    this.columns = columns;
    this.pixels = pixels;
    this.mask = mask;
  }

  /** A prepared, labelled image; refuses an unlabelled one (nothing to learn from). */
  public static TrainingExample of(PreparedImage prepared) {
    byte[] mask = prepared.label()
        .orElseThrow(() -> new IllegalArgumentException("image has no expert label"))
        .values();
    return new TrainingExample(prepared.imageKey(), prepared.rows(), prepared.columns(), prepared.pixels(),
        mask.clone());
  }

  public String imageKey() { return imageKey; }

  public int rows() { return rows; }

  public int columns() { return columns; }

  /** Row-major, rows x columns; not copied (callers must not modify it). */
  public float[] pixels() { return pixels; }

  /** Row-major 0/1, rows x columns; not copied (callers must not modify it). */
  public byte[] mask() { return mask; }

  /** Whether every pixel is finite and every mask value 0 or 1: what a training step can take. */
  public boolean isWellFormed() {
    for (float p : pixels) {
      if (!Float.isFinite(p)) {
        return false;
      }
    }
    for (byte m : mask) {
      if (m != 0 && m != 1) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TrainingExample)) {
      return false;
    }
    TrainingExample e = (TrainingExample) o;
    return imageKey.equals(e.imageKey) && rows == e.rows && columns == e.columns
        && Arrays.equals(pixels, e.pixels) && Arrays.equals(mask, e.mask);
  }

  @Override
  public int hashCode() { return Objects.hash(imageKey, rows, columns, Arrays.hashCode(pixels), Arrays.hashCode(mask)); }

  @Override
  public String toString() { return "TrainingExample{" + imageKey + ", " + rows + "x" + columns + "}"; }
}
