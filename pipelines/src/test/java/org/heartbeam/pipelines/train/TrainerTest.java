package org.heartbeam.pipelines.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.UNetConfig;
import org.heartbeam.transforms.augment.TrainingExample;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.junit.jupiter.api.Test;

/** The driver's training step without Beam: bad examples are dead letters, the loss falls. */
class TrainerTest {
  private static final int SIZE = 16;

  private static TrainingExample square(String key, int offset) {
    float[] pixels = new float[SIZE * SIZE];
    byte[] mask = new byte[SIZE * SIZE];
    for (int r = 0; r < SIZE; r++) {
      for (int c = 0; c < SIZE; c++) {
        boolean lv = r >= 4 + offset && r < 10 + offset && c >= 5 && c < 11;
        mask[r * SIZE + c] = (byte) (lv ? 1 : 0);
        pixels[r * SIZE + c] = lv ? 0.9f : 0.1f;
      }
    }
    return new TrainingExample(key, SIZE, SIZE, pixels, mask);
  }

  @Test
  void badExamplesBecomeDeadLettersAndTrainingGoesOn() {
    SameDiffUNet net = new SameDiffUNet(UNetConfig.builder().inputSize(SIZE, SIZE).depth(1).baseFilters(4)
        .learningRate(0.02).seed(3).build());
    List<DeadLetter> dead = new ArrayList<>();
    Trainer trainer = new Trainer(net, 2, dead::add);
    float[] nan = new float[SIZE * SIZE];
    nan[7] = Float.NaN;
    List<TrainingExample> epoch = List.of(square("a", 0), new TrainingExample("bad-pixels", SIZE, SIZE, nan,
        new byte[SIZE * SIZE]), square("b", 2), new TrainingExample("wrong-size", 4, 4, new float[16],
        new byte[16]), square("c", 4));

    double first = trainer.trainEpoch(epoch.iterator());
    assertEquals(2, dead.size(), dead.toString());
    assertTrue(dead.stream().allMatch(d -> d.stage().equals(Trainer.STAGE)));
    assertTrue(dead.get(0).source().contains("bad-pixels") && dead.get(1).source().contains("wrong-size"));
    double last = first;
    for (int i = 0; i < 15; i++) {
      last = trainer.trainEpoch(epoch.iterator());
    }
    assertTrue(last < first, "loss must fall: " + first + " -> " + last);

    ValidationScore score = trainer.validate(List.of(square("a", 0), square("c", 4)).iterator());
    assertEquals(2, score.images());
    assertTrue(score.loss() > 0 && Double.isFinite(score.loss()));
    assertTrue(score.diceMean() >= 0 && score.diceMean() <= 1);
  }

  @Test
  void validationLossIsTheTrainingLossFormula() {
    // A perfect, certain prediction: cross-entropy ~0 and soft Dice loss 1 - (2*36 + 1)/(72 + 1) = 0.
    TrainingExample e = square("a", 0);
    float[][] p = new float[1][SIZE * SIZE];
    for (int i = 0; i < p[0].length; i++) {
      p[0][i] = e.mask()[i];
    }
    assertEquals(0, Trainer.batchLoss(p, List.of(e)), 1e-5);
    // All 0.5: cross-entropy ln 2, Dice loss 1 - (36 + 1)/(128 + 36 + 1).
    java.util.Arrays.fill(p[0], 0.5f);
    assertEquals(Math.log(2) + 1 - 37.0 / 165, Trainer.batchLoss(p, List.of(e)), 1e-6);
  }
}
