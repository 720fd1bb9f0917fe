package org.heartbeam.pipelines.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.loss.DiceCrossEntropy;
import org.heartbeam.model.metrics.OverlapMetrics;
import org.heartbeam.model.unet.SegmentationNet;
import org.heartbeam.transforms.augment.TrainingExample;
import org.heartbeam.transforms.deadletter.DeadLetter;

/**
 * The training step, run by the driver on examples streamed in a fixed order: batches of
 * {@code batchSize} (the last one smaller), one Adam step each. An example the net cannot take
 * (wrong size, non-finite pixels, non-binary mask) becomes a dead letter (stage "train-batch")
 * and training goes on without it.
 */
final class Trainer {
  static final String STAGE = "train-batch";
  /** Probabilities are clamped this far from 0 and 1 before the log of the validation loss. */
  private static final double EPSILON = 1e-7;

  private final SegmentationNet net;
  private final int batchSize;
  private final Consumer<DeadLetter> deadLetters;
  private final int rows;
  private final int columns;

  Trainer(SegmentationNet net, int batchSize, Consumer<DeadLetter> deadLetters) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1: " + batchSize);
    }
    this.net = net;
    this.batchSize = batchSize;
    this.deadLetters = deadLetters;
    this.rows = net.config().inputHeight();
    this.columns = net.config().inputWidth();
  }

  /** One pass over the examples; returns the image-weighted mean training loss (NaN if none). */
  double trainEpoch(Iterator<TrainingExample> examples) {
    double lossSum = 0;
    int images = 0;
    List<TrainingExample> batch;
    while (!(batch = nextBatch(examples)).isEmpty()) {
      int n = batch.size();
      lossSum += net.fitBatch(images(batch), masks(batch), n) * n;
      images += n;
    }
    return images == 0 ? Double.NaN : lossSum / images;
  }

  /** Loss (as in training: cross-entropy + soft Dice over each batch) and per-image Dice at p > 0.5. */
  ValidationScore validate(Iterator<TrainingExample> examples) {
    double lossSum = 0;
    List<Double> dice = new ArrayList<>();
    List<TrainingExample> batch;
    while (!(batch = nextBatch(examples)).isEmpty()) {
      int n = batch.size();
      float[][] probabilities = net.predictProbabilities(images(batch), n);
      lossSum += batchLoss(probabilities, batch) * n;
      for (int i = 0; i < n; i++) {
        byte[] predicted = new byte[rows * columns];
        for (int p = 0; p < predicted.length; p++) {
          predicted[p] = probabilities[i][p] > 0.5f ? (byte) 1 : 0;
        }
        dice.add(OverlapMetrics.dice(new Mask(rows, columns, predicted), new Mask(rows, columns, batch.get(i).mask())));
      }
    }
    return ValidationScore.of(lossSum, dice.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The training loss of {@link DiceCrossEntropy} with its default smoothing, computed from probabilities. */
  static double batchLoss(float[][] probabilities, List<TrainingExample> batch) {
    double crossEntropy = 0;
    double intersection = 0;
    double sums = 0;
    long pixels = 0;
    for (int i = 0; i < batch.size(); i++) {
      byte[] mask = batch.get(i).mask();
      float[] p = probabilities[i];
      for (int j = 0; j < p.length; j++) {
        double q = Math.min(1 - EPSILON, Math.max(EPSILON, p[j]));
        boolean lv = mask[j] != 0;
        crossEntropy -= lv ? Math.log(q) : Math.log(1 - q);
        if (lv) {
          intersection += p[j];
          sums += 1;
        }
        sums += p[j];
      }
      pixels += p.length;
    }
    double smooth = DiceCrossEntropy.DEFAULT_SMOOTH;
    return crossEntropy / pixels + 1 - (2 * intersection + smooth) / (sums + smooth);
  }

  private List<TrainingExample> nextBatch(Iterator<TrainingExample> examples) {
    List<TrainingExample> batch = new ArrayList<>(batchSize);
    while (batch.size() < batchSize && examples.hasNext()) {
      TrainingExample e = examples.next();
      if (e.rows() != rows || e.columns() != columns) {
        deadLetters.accept(new DeadLetter("image:" + e.imageKey(), STAGE,
            "example is " + e.rows() + "x" + e.columns() + ", the net takes " + rows + "x" + columns));
      } else if (!e.isWellFormed()) {
        deadLetters.accept(new DeadLetter("image:" + e.imageKey(), STAGE, "pixels not finite or mask not 0/1"));
      } else {
        batch.add(e);
      }
    }
    return batch;
  }

  private float[] images(List<TrainingExample> batch) {
    float[] images = new float[batch.size() * rows * columns];
    for (int i = 0; i < batch.size(); i++) {
      System.arraycopy(batch.get(i).pixels(), 0, images, i * rows * columns, rows * columns);
    }
    return images;
  }

  private byte[] masks(List<TrainingExample> batch) {
    byte[] masks = new byte[batch.size() * rows * columns];
    for (int i = 0; i < batch.size(); i++) {
      System.arraycopy(batch.get(i).mask(), 0, masks, i * rows * columns, rows * columns);
    }
    return masks;
  }
}
