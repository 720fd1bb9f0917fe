package org.heartbeam.model.loss;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Soft Dice + cross-entropy, the segmentation loss of both engines, built into a SameDiff graph.
 *
 * <p>loss = CE + (1 - (2 sum(p y) + s) / (sum(p) + sum(y) + s)), where CE is the mean per-pixel
 * cross-entropy (categorical for 2+ channels, binary for 1), and the Dice term is computed on the
 * last (LV) channel over the whole batch, with smoothing s. Cross-entropy gives every pixel a
 * gradient from the start; Dice counters the class imbalance (the LV is a few % of the pixels).
 * {@link DiceCrossEntropyLossFunction} computes the same value for DL4J.
 */
public final class DiceCrossEntropy {
  /** Dice smoothing: the seed's (2|A n B| + 1) / (|A| + |B| + 1). */
  public static final double DEFAULT_SMOOTH = 1.0;

  private DiceCrossEntropy() {}

  /**
   * @param logits pre-activation scores, NHWC [n, h, w, c]
   * @param probabilities softmax (c >= 2) or sigmoid (c = 1) of the logits
   * @param labels one-hot (c >= 2) or 0/1 (c = 1) labels, the same shape
   * @param channels c
   * @return the scalar loss variable, named {@code name}
   */
  public static SDVariable build(SameDiff sd, String name, SDVariable logits, SDVariable probabilities,
      SDVariable labels, int channels, double smooth) {
    SDVariable crossEntropy;
    if (channels == 1) {
      // Binary cross-entropy from logits, stable form: max(x, 0) - x y + log(1 + exp(-|x|)), with
      // max(x, 0) written as (x + |x|) / 2. Why: autodiff takes relu'(0) = 0 and |x|'(0) = 0, which
      // made the gradient at a logit of exactly 0 (every pixel of a zero-initialised output) -y
      // instead of 1/2 - y; (x + |x|) / 2 has derivative 1/2 there, the true value.
      SDVariable absolute = sd.math().abs(logits);
      SDVariable softplus = sd.math().log(sd.math().exp(absolute.neg()).add(1.0));
      SDVariable positivePart = logits.add(absolute).mul(0.5);
      crossEntropy = positivePart.sub(logits.mul(labels)).add(softplus).mean();
    } else {
      // log softmax over the channels as z - logsumexp(z), written out: ND4J 1.0.0-M2.1's logSoftmax
      // with an axis fails to build its gradient graph, and without one the loss turned NaN in training.
      // The shift by the channel maximum only keeps exp() finite; its gradient cancels out. Two
      // channels: max(z0, z1) = z0 + relu(z1 - z0), elementwise, because reduce_max's gradient op
      // took 10% of a reference training step.
      SDVariable max;
      if (channels == 2) {
        SDVariable first = logits.mul(sd.constant(name + "_first", Nd4j.createFromArray(1f, 0f))).sum(true, 3);
        SDVariable difference = logits.mul(sd.constant(name + "_difference", Nd4j.createFromArray(-1f, 1f)))
            .sum(true, 3);
        max = first.add(sd.nn().relu(difference, 0));
      } else {
        max = logits.max(true, 3);
      }
      SDVariable logSumExp = sd.math().log(sd.math().exp(logits.sub(max)).sum(true, 3)).add(max);
      crossEntropy = labels.mul(logits.sub(logSumExp)).sum(3).mean().neg();
    }
    float[] lastChannel = new float[channels];
    lastChannel[channels - 1] = 1f;
    SDVariable foreground = sd.constant(name + "_foreground", Nd4j.createFromArray(lastChannel));
    SDVariable p = probabilities.mul(foreground);
    SDVariable y = labels.castTo(DataType.FLOAT).mul(foreground);
    SDVariable intersection = p.mul(y).sum();
    SDVariable union = p.sum().add(y.sum());
    SDVariable dice = intersection.mul(2.0).add(smooth).div(union.add(smooth)).rsub(1.0);
    return crossEntropy.add(name, dice);
  }
}
