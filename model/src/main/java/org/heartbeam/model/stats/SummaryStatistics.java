package org.heartbeam.model.stats;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Descriptive statistics of one metric over a group of images: count, mean, sample standard
 * deviation, median, first and third quartile, minimum and maximum.
 *
 * <p>Exact, not sketched: an {@link Accumulator} keeps every value (8 bytes each, so a million images
 * is 8 MB per metric), which makes the quantiles reproducible with numpy and R. Quantiles are R's
 * type 7 (numpy's default "linear"): for sorted x[0..n-1] and probability p, h = (n - 1) p and
 * Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]); so the median of an even count is
 * the mean of the two middle values.
 *
 * <p>NaN values (a metric undefined for an image, e.g. Dice without a label) are skipped and counted
 * in {@link #nanCount()}. With no values every statistic is NaN; with one, the standard deviation is
 * NaN (a sample of one has none).
 */
public record SummaryStatistics(
    long count, long nanCount, double mean, double sd, double median, double q1, double q3, double min,
    double max) implements Serializable {

  /** Statistics of the given values (NaNs skipped and counted). */
  public static SummaryStatistics of(double... values) {
    Accumulator a = new Accumulator();
    for (double v : values) {
      a.add(v);
    }
    return a.result();
  }

  /** R-7 / numpy-linear quantile of already sorted values; NaN when empty. */
  public static double quantile(double[] sorted, int n, double p) {
    if (n == 0) {
      return Double.NaN;
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("quantile probability must be in [0, 1]: " + p);
    }
    double h = (n - 1) * p;
    int lower = (int) Math.floor(h);
    int upper = Math.min(lower + 1, n - 1);
    return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
  }

  /**
   * Mutable collector of values that merges with others, the accumulator of a Beam CombineFn (and of
   * the same combine in streaming windows). Not thread-safe.
   */
  public static final class Accumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    private double[] values = new double[16];
    private int size;
    private long nanCount;

    public Accumulator add(double value) {
      if (Double.isNaN(value)) {
        nanCount++;
        return this;
      }
      if (Double.isInfinite(value)) {
        throw new IllegalArgumentException("statistics take finite values or NaN, not " + value);
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[size++] = value;
      return this;
    }

    /** Adds the other's values to this one (the other is left as it was). */
    public Accumulator merge(Accumulator other) {
      if (size + other.size > values.length) {
        values = Arrays.copyOf(values, Math.max(values.length * 2, size + other.size));
      }
      System.arraycopy(other.values, 0, values, size, other.size);
      size += other.size;
      nanCount += other.nanCount;
      return this;
    }

    public long count() { return size; }

    public long nanCount() { return nanCount; }

    public SummaryStatistics result() {
      double[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      int n = size;
      if (n == 0) {
        return new SummaryStatistics(0, nanCount, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);
      }
      double sum = 0;
      for (double v : sorted) {
        sum += v;
      }
      double mean = sum / n;
      // Two passes over the kept values: no cancellation as in sum-of-squares formulas.
      double squares = 0;
      for (double v : sorted) {
        squares += (v - mean) * (v - mean);
      }
      double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
      return new SummaryStatistics(n, nanCount, mean, sd, quantile(sorted, n, 0.5), quantile(sorted, n, 0.25),
          quantile(sorted, n, 0.75), sorted[0], sorted[n - 1]);
    }
  }
}
