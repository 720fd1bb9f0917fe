package org.heartbeam.model.metrics;

import org.heartbeam.model.image.Mask;

/**
 * Pixel-overlap scores of a predicted mask against a reference (ground-truth) mask on the same grid.
 *
 * <p>Empty masks: when both masks are empty, every score is 1 (they agree perfectly that there is
 * no LV). Otherwise a ratio whose denominator is 0 is undefined and returned as NaN: precision when
 * nothing is predicted, recall when the reference is empty. Dice and IoU are never NaN.
 */
public final class OverlapMetrics {
  private OverlapMetrics() {}

  /** The four confusion counts of a predicted mask against a reference mask. */
  public record Counts(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
    public long predicted() { return truePositives + falsePositives; }

    public long reference() { return truePositives + falseNegatives; }
  }

  public static Counts counts(Mask predicted, Mask reference) {
    requireSameGrid(predicted, reference);
    byte[] p = predicted.values();
    byte[] r = reference.values();
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] != 0) {
        if (r[i] != 0) {
          tp++;
        } else {
          fp++;
        }
      } else if (r[i] != 0) {
        fn++;
      }
    }
    return new Counts(tp, fp, fn, p.length - tp - fp - fn);
  }

  /** 2|A n B| / (|A| + |B|); 1 when both are empty. */
  public static double dice(Mask predicted, Mask reference) {
    Counts c = counts(predicted, reference);
    long denominator = c.predicted() + c.reference();
    return denominator == 0 ? 1.0 : 2.0 * c.truePositives() / denominator;
  }

  /**
   * The seed's smoothed Dice, (2|A n B| + 1) / (|A| + |B| + 1): 1 when both are empty, and a small
   * positive number (not 0) when they are disjoint. Kept to compare with the seed's reported numbers.
   */
  public static double smoothedDice(Mask predicted, Mask reference) {
    Counts c = counts(predicted, reference);
    return (2.0 * c.truePositives() + 1) / (c.predicted() + c.reference() + 1);
  }

  /** Jaccard index |A n B| / |A u B|; 1 when both are empty. */
  public static double iou(Mask predicted, Mask reference) {
    Counts c = counts(predicted, reference);
    long union = c.truePositives() + c.falsePositives() + c.falseNegatives();
    return union == 0 ? 1.0 : (double) c.truePositives() / union;
  }

  /** TP / (TP + FP); 1 when both are empty, NaN when only the reference has pixels. */
  public static double precision(Mask predicted, Mask reference) {
    Counts c = counts(predicted, reference);
    return ratio(c.truePositives(), c.predicted(), c);
  }

  /** TP / (TP + FN), the sensitivity; 1 when both are empty, NaN when only the prediction has pixels. */
  public static double recall(Mask predicted, Mask reference) {
    Counts c = counts(predicted, reference);
    return ratio(c.truePositives(), c.reference(), c);
  }

  private static double ratio(long numerator, long denominator, Counts c) {
    if (denominator > 0) {
      return (double) numerator / denominator;
    }
    return c.predicted() == 0 && c.reference() == 0 ? 1.0 : Double.NaN;
  }

  static void requireSameGrid(Mask a, Mask b) {
    if (a.rows() != b.rows() || a.columns() != b.columns()) {
      throw new IllegalArgumentException("masks differ in size: " + a.rows() + "x" + a.columns() + " vs "
          + b.rows() + "x" + b.columns());
    }
  }
}
