package org.heartbeam.transforms.output;

import org.heartbeam.model.image.Mask;

/**
 * The contour of a mask as pixels: a set pixel is on the boundary when one of its 4 neighbours is
 * unset or outside the image. 4-neighbours give a closed 8-connected outline one pixel wide, which is
 * what a reader expects to see drawn over the image.
 */
final class MaskBoundary {
  private MaskBoundary() {}

  /** rows*columns flags, row-major: true on the boundary. */
  static boolean[] of(Mask mask) {
    int rows = mask.rows();
    int cols = mask.columns();
    boolean[] edge = new boolean[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (mask.get(r, c)
            && (!isSet(mask, r - 1, c) || !isSet(mask, r + 1, c) || !isSet(mask, r, c - 1) || !isSet(mask, r, c + 1))) {
          edge[r * cols + c] = true;
        }
      }
    }
    return edge;
  }

  private static boolean isSet(Mask mask, int r, int c) {
    return r >= 0 && c >= 0 && r < mask.rows() && c < mask.columns() && mask.get(r, c);
  }
}
