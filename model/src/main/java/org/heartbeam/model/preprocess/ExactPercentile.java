package org.heartbeam.model.preprocess;

import java.util.Arrays;

/**
 * Exact percentiles of a float array, by selection rather than a full sort: quickselect with a
 * median-of-three pivot on a copy (O(n) expected; a 256x256 image takes well under a millisecond),
 * falling back to sorting the remaining range if partitioning degenerates, so the answer is always
 * exact and the worst case stays O(n log n).
 *
 * <p>Definition: for n sorted values x[0..n-1] and percentile p, the rank is h = (n - 1) p / 100 and
 * the percentile is x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]): linear interpolation
 * between order statistics (Hyndman and Fan type 7; numpy's and R's default).
 */
final class ExactPercentile {
  private ExactPercentile() {}

  /**
   * @param values finite values, at least one; not modified
   * @param percents each in [0, 100]
   * @return the percentiles, in the order asked
   */
  static double[] of(float[] values, double... percents) {
    if (values.length == 0) {
      throw new IllegalArgumentException("percentile of no values");
    }
    float[] work = values.clone();
    for (int i = 0; i < work.length; i++) {
      if (!Float.isFinite(work[i])) {
        throw new IllegalArgumentException("value " + i + " is not finite: " + work[i]);
      }
    }
    double[] result = new double[percents.length];
    for (int i = 0; i < percents.length; i++) {
      double p = percents[i];
      if (!(p >= 0 && p <= 100)) {
        throw new IllegalArgumentException("percentile must be in [0, 100]: " + p);
      }
      double h = (work.length - 1) * p / 100.0;
      int k = (int) Math.floor(h);
      double fraction = h - k;
      double below = select(work, k);
      if (fraction == 0 || k + 1 >= work.length) {
        result[i] = below;
      } else {
        // After select(k), everything right of k is >= work[k]: the next order statistic is their minimum.
        float next = work[k + 1];
        for (int j = k + 2; j < work.length; j++) {
          next = Math.min(next, work[j]);
        }
        result[i] = below + fraction * (next - below);
      }
    }
    return result;
  }

  /** Rearranges {@code a} so that a[k] is the k-th smallest, smaller ones left, larger ones right. */
  static float select(float[] a, int k) {
    int lo = 0;
    int hi = a.length - 1;
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(a.length)) + 16;
    while (hi > lo) {
      if (budget-- == 0) {
        Arrays.sort(a, lo, hi + 1);
        return a[k];
      }
      float pivot = medianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi]);
      int i = lo;
      int j = hi;
      // Hoare partition: afterwards [lo..j] <= pivot <= [i..hi], and any gap between holds pivots.
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          float t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  private static float medianOfThree(float a, float b, float c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
