package org.heartbeam.model.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The DL4J loss function equals the SameDiff loss, and its hand-derived gradient is right. */
class DiceCrossEntropyTest {

  @Test
  void handComputedTwoPixelCase() {
    // Two pixels, logits 0 for both classes: p = 0.5 everywhere; labels: pixel 0 LV, pixel 1 not.
    INDArray logits = Nd4j.zeros(DataType.DOUBLE, 2, 2);
    INDArray labels = Nd4j.createFromArray(new double[][] {{0, 1}, {1, 0}});
    double ce = Math.log(2);
    double dice = 1 - (2 * 0.5 + 1) / (1.0 + 1 + 1);
    DiceCrossEntropyLossFunction f = new DiceCrossEntropyLossFunction(2, 1.0);
    assertEquals(ce + dice, f.computeScore(labels, logits, new ActivationSoftmax(), null, true), 1e-12);
  }

  @Test
  void binaryCrossEntropyGradientIsRightAtLogitZero() {
    // Dice smoothing so large that the Dice term's gradient vanishes: d/dx mean(BCE) = (sigmoid(x) - y) / n.
    SameDiff sd = SameDiff.create();
    SDVariable z = sd.var("z", Nd4j.zeros(DataType.FLOAT, 1, 1, 2, 1));
    SDVariable y = sd.constant("y", Nd4j.createFromArray(new float[] {1, 0}).reshape(1, 1, 2, 1));
    DiceCrossEntropy.build(sd, "loss", z, sd.nn().sigmoid(z), y, 1, 1e6);
    sd.setLossVariables("loss");
    INDArray gradient = sd.calculateGradients(Map.of(), "z").get("z");
    assertEquals((0.5 - 1) / 2, gradient.getDouble(0), 1e-5);
    assertEquals((0.5 - 0) / 2, gradient.getDouble(1), 1e-5);
  }

  @Test
  void dl4jAndSameDiffLossesAgree() {
    for (int channels : new int[] {1, 2}) {
      INDArray logits = Nd4j.rand(DataType.FLOAT, 2, 4, 4, channels).subi(0.5).muli(4);
      INDArray labels = Nd4j.rand(DataType.FLOAT, 2, 4, 4, channels).gt(0.5).castTo(DataType.FLOAT);
      if (channels == 2) {
        labels.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
            org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0))
            .assign(labels.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(1)).rsub(1.0));
      }
      SameDiff sd = SameDiff.create();
      SDVariable z = sd.placeHolder("z", DataType.FLOAT, 2, 4, 4, channels);
      SDVariable y = sd.placeHolder("y", DataType.FLOAT, 2, 4, 4, channels);
      SDVariable p = channels == 1 ? sd.nn().sigmoid(z) : sd.nn().softmax(z, 3);
      DiceCrossEntropy.build(sd, "loss", z, p, y, channels, 1.0);
      double sameDiff = sd.outputSingle(Map.of("z", logits, "y", labels), "loss").getDouble(0);

      DiceCrossEntropyLossFunction f = new DiceCrossEntropyLossFunction(16, 1.0);
      INDArray rows = logits.reshape(32, channels);
      INDArray rowLabels = labels.reshape(32, channels);
      var activation = channels == 1 ? new ActivationSigmoid() : new ActivationSoftmax();
      assertEquals(sameDiff, f.computeScore(rowLabels, rows, activation, null, true), 1e-4, "channels " + channels);
      // Unaveraged, the score is n = 2 images times the loss (DL4J divides it back).
      assertEquals(2 * sameDiff, f.computeScore(rowLabels, rows, activation, null, false), 2e-4);
      assertEquals(2 * sameDiff, f.computeScoreArray(rowLabels, rows, activation, null).sumNumber().doubleValue(),
          2e-4);
    }
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    for (int channels : new int[] {1, 2}) {
      INDArray logits = Nd4j.rand(DataType.DOUBLE, 8, channels).subi(0.5).muli(4);
      INDArray labels = Nd4j.zeros(DataType.DOUBLE, 8, channels);
      for (int r = 0; r < 8; r++) {
        int lv = r % 3 == 0 ? 1 : 0;
        labels.putScalar(r, channels - 1, lv);
        if (channels == 2) {
          labels.putScalar(r, 0, 1 - lv);
        }
      }
      var activation = channels == 1 ? new ActivationSigmoid() : new ActivationSoftmax();
      DiceCrossEntropyLossFunction f = new DiceCrossEntropyLossFunction(4, 1.0);
      INDArray gradient = f.computeGradient(labels, logits, activation, null);
      double eps = 1e-6;
      for (int r = 0; r < 8; r++) {
        for (int c = 0; c < channels; c++) {
          double original = logits.getDouble(r, c);
          logits.putScalar(r, c, original + eps);
          double plus = f.computeScore(labels, logits, activation, null, false);
          logits.putScalar(r, c, original - eps);
          double minus = f.computeScore(labels, logits, activation, null, false);
          logits.putScalar(r, c, original);
          assertEquals((plus - minus) / (2 * eps), gradient.getDouble(r, c), 1e-6, "row " + r + " channel " + c);
        }
      }
    }
  }
}
