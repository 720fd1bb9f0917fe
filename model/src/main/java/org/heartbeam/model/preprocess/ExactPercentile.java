package org.heartbeam.model.preprocess;

import java.util.Arrays;

/**
 * Exact percentiles of a float array, by histogram then selection: one pass finds the range, one
 * pass counts the values in {@value #BINS} equal-width bins, and only the bin holding the wanted rank
 * is copied out and searched (quickselect). Bins are assigned by a monotone function of the value, so
 * bin order is value order and the answer is exact, never a bin-width approximation. About five
 * branch-light passes over a 256x256 image, against a full sort's n log n.
 *
 * <p>Definition: for n sorted values x[0..n-1] and percentile p, the rank is h = (n - 1) p / 100 and
 * the percentile is x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]): linear interpolation
 * between order statistics (Hyndman and Fan type 7; numpy's and R's default).
 */
final class ExactPercentile {
  static final int BINS = 4096;

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
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      float v = values[i];
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("value " + i + " is not finite: " + v);
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double[] result = new double[percents.length];
    Histogram histogram = min == max ? null : new Histogram(values, min, max);
    for (int i = 0; i < percents.length; i++) {
      double p = percents[i];
      if (!(p >= 0 && p <= 100)) {
        throw new IllegalArgumentException("percentile must be in [0, 100]: " + p);
      }
      if (histogram == null) {
        result[i] = min; // a constant array
        continue;
      }
      double h = (values.length - 1) * p / 100.0;
      int k = (int) Math.floor(h);
      double fraction = h - k;
      double below = histogram.rank(k);
      result[i] = fraction == 0 || k + 1 >= values.length
          ? below : below + fraction * (histogram.rank(k + 1) - below);
    }
    return result;
  }

  /** Counts per bin, and the k-th smallest value by searching only the bin that holds it. */
  private static final class Histogram {
    private final float[] values;
    private final float min;
    private final double binsPerUnit;
    private final int[] counts = new int[BINS];
    /** Each value's bin, kept from the counting pass so that copying a bin out costs no arithmetic. */
    private final short[] binOf;
    private int cachedBin = -1;
    private int cachedBefore;
    private float[] cachedValues;

    Histogram(float[] values, float min, float max) {
      this.values = values;
      this.min = min;
      this.binsPerUnit = BINS / ((double) max - min);
      this.binOf = new short[values.length];
      for (int i = 0; i < values.length; i++) {
        int b = bin(values[i]);
        binOf[i] = (short) b;
        counts[b]++;
      }
    }

    /** Monotone in v: (v - min) and the product round monotonically, and floor keeps order. */
    private int bin(float v) { return Math.min(BINS - 1, (int) (((double) v - min) * binsPerUnit)); }

    float rank(int k) {
      int before = 0;
      int b = 0;
      while (before + counts[b] <= k) {
        before += counts[b];
        b++;
      }
      if (b != cachedBin) {
        float[] inBin = new float[counts[b]];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
          if (binOf[i] == b) {
            inBin[n++] = values[i];
          }
        }
        cachedBin = b;
        cachedBefore = before;
        cachedValues = inBin;
      }
      return select(cachedValues, k - cachedBefore);
    }
  }

  /**
   * Rearranges {@code a} so that a[k] is its k-th smallest, smaller ones left and larger ones right:
   * quickselect with a median-of-three pivot, sorting the remaining range if partitioning degenerates.
   */
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
