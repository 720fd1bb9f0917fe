package org.heartbeam.report;

import java.util.Arrays;

/** The few order statistics the report needs. */
final class Statistics {
  private Statistics() {}

  /** Median of the values (NaN when none); does not modify the array. */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
