package org.heartbeam.model.image;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A binary mask on an image's pixel grid, row-major: 1 = left-ventricle blood pool, 0 = not.
 * The same layout as the seed's {@code label_raw} (uint8, 1 = LV).
 */
public final class Mask implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int rows;
  private final int columns;
  private final byte[] values;

  /** @param values rows*columns bytes, each 0 or 1; taken as is, not copied */
  public Mask(int rows, int columns, byte[] values) {
    if (rows <= 0 || columns <= 0) {
      throw new IllegalArgumentException("mask must have rows and columns > 0: " + rows + "x" + columns);
    }
    if (values == null || (long) rows * columns != values.length) {
      throw new IllegalArgumentException("mask value count " + (values == null ? "null" : values.length)
          + " does not match " + rows + "x" + columns);
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] != 0 && values[i] != 1) {
        throw new IllegalArgumentException("mask values must be 0 or 1; pixel " + i + " is " + values[i]);
      }
    }
    this.rows = rows;
    this.columns = columns;
    this.values = values;
  }

  public static Mask empty(int rows, int columns) { return new Mask(rows, columns, new byte[rows * columns]); }

  public int rows() { return rows; }

  public int columns() { return columns; }

  public boolean get(int row, int column) { return values[row * columns + column] != 0; }

  /** The backing array; treat as read-only. */
  public byte[] values() { return values; }

  /** Number of pixels set. */
  public int count() {
    int n = 0;
    for (byte v : values) {
      n += v;
    }
    return n;
  }

  public boolean sameSizeAs(CardiacImage image) { return rows == image.rows() && columns == image.columns(); }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mask && rows == ((Mask) o).rows && columns == ((Mask) o).columns
        && Arrays.equals(values, ((Mask) o).values);
  }

  @Override
  public int hashCode() { return 31 * (31 * rows + columns) + Arrays.hashCode(values); }

  @Override
  public String toString() { return "Mask{" + rows + "x" + columns + ", " + count() + " set}"; }
}
