package org.heartbeam.model.postprocess;

import org.heartbeam.model.image.Mask;

/**
 * Keeps the largest 4-connected component of a mask (MONAI's KeepLargestConnectedComponent). The LV
 * cavity of one short-axis slice is one connected region; a U-Net's stray islands (most often in the
 * right ventricle's blood pool, which looks the same) are not LV, and they add to the volume exactly
 * when the LV is smallest, at end-systole, biasing EF down. Ties keep the component found first in
 * row-major order, so the result is deterministic.
 */
public final class LargestComponent {
  private LargestComponent() {}

  public static Mask of(Mask mask) {
    int rows = mask.rows();
    int columns = mask.columns();
    byte[] values = mask.values();
    int[] label = new int[values.length];
    int[] stack = new int[values.length];
    int best = 0;
    int bestSize = 0;
    int next = 0;
    for (int start = 0; start < values.length; start++) {
      if (values[start] == 0 || label[start] != 0) {
        continue;
      }
      next++;
      int size = 0;
      int top = 0;
      stack[top++] = start;
      label[start] = next;
      while (top > 0) {
        int p = stack[--top];
        size++;
        int r = p / columns;
        int c = p % columns;
        if (r > 0) {
          top = visit(values, label, stack, top, p - columns, next);
        }
        if (r < rows - 1) {
          top = visit(values, label, stack, top, p + columns, next);
        }
        if (c > 0) {
          top = visit(values, label, stack, top, p - 1, next);
        }
        if (c < columns - 1) {
          top = visit(values, label, stack, top, p + 1, next);
        }
      }
      if (size > bestSize) {
        bestSize = size;
        best = next;
      }
    }
    if (next <= 1) {
      return mask;
    }
    byte[] kept = new byte[values.length];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = label[i] == best ? (byte) 1 : (byte) 0;
    }
    return new Mask(rows, columns, kept);
  }

  private static int visit(byte[] values, int[] label, int[] stack, int top, int q, int id) {
    if (values[q] != 0 && label[q] == 0) {
      label[q] = id;
      stack[top++] = q;
    }
    return top;
  }
}
