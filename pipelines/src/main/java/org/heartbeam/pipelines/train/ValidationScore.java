package org.heartbeam.pipelines.train;

import java.util.Arrays;

/** Validation loss (image-weighted mean of batch losses) and Dice over images (mean, median). */
record ValidationScore(double loss, double diceMean, double diceMedian, int images) {
  static ValidationScore of(double lossSum, double[] dice) {
    if (dice.length == 0) {
      return new ValidationScore(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double[] sorted = dice.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    double sum = 0;
    for (double d : dice) {
      sum += d;
    }
    return new ValidationScore(lossSum / n, sum / n, median, n);
  }
}
