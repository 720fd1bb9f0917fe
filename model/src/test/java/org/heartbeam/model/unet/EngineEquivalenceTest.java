package org.heartbeam.model.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two engines are one network: with the same weights they give the same probabilities and the
 * same training trajectory; and the SameDiff gradients agree with finite differences (this caught
 * ND4J's wrong NHWC upsampling2d gradient).
 */
class EngineEquivalenceTest {
  private static final UNetConfig CONFIG = UNetConfig.builder().inputSize(32, 32).depth(2).baseFilters(2)
      .upSampling(UpSampling.UPSAMPLE_CONV).learningRate(1e-2).build();

  @Test
  void sameWeightsGiveSameOutputsAndSameTraining() {
    for (UpSampling up : UpSampling.values()) {
      sameWeightsGiveSameOutputsAndSameTraining(CONFIG.toBuilder().upSampling(up).build());
    }
  }

  private void sameWeightsGiveSameOutputsAndSameTraining(UNetConfig config) {
    ComputationGraphUNet reference = new ComputationGraphUNet(config);
    SameDiffUNet fast = new SameDiffUNet(config);
    for (SDVariable v : fast.sameDiff().variables()) {
      if (v.getVariableType() == VariableType.VARIABLE) {
        INDArray dl4j = reference.graph().getParam(v.name());
        INDArray target = fast.sameDiff().getArrForVarName(v.name());
        // DL4J conv weights are [out, in, kH, kW], the NHWC graph's [kH, kW, in, out]; DL4J deconv
        // weights are [in, out, kH, kW], libnd4j's [kH, kW, out, in]: the same permutation.
        target.assign(dl4j.rank() == 4 ? dl4j.permute(2, 3, 1, 0) : dl4j.reshape(target.shape()));
      }
    }
    SyntheticDisks data = new SyntheticDisks(config, 2, 5);
    float[][] expected = reference.predictProbabilities(data.images, 2);
    float[][] actual = fast.predictProbabilities(data.images, 2);
    for (int i = 0; i < 2; i++) {
      for (int p = 0; p < expected[i].length; p++) {
        assertEquals(expected[i][p], actual[i][p], 1e-5, config.upSampling() + " image " + i + " pixel " + p);
      }
    }
    for (int step = 0; step < 5; step++) {
      double a = reference.fitBatch(data.images, data.masks, 2);
      double b = fast.fitBatch(data.images, data.masks, 2);
      assertEquals(a, b, 1e-4 * Math.max(1, Math.abs(a)), config.upSampling() + " loss at step " + step);
    }
  }

  @Test
  void sameDiffGradientsMatchFiniteDifferences() {
    // Softmax only: the sigmoid loss's abs/relu form has a gradient kink at logits exactly 0 (dead
    // features + zero bias in a 2-filter net), where ND4J's sign(0) = 0 differs from the true 1/2.
    for (UpSampling up : UpSampling.values()) {
      sameDiffGradientsMatchFiniteDifferences(CONFIG.toBuilder().inputSize(16, 16).depth(1).upSampling(up).build());
    }
  }

  private void sameDiffGradientsMatchFiniteDifferences(UNetConfig config) {
    SameDiff sd = UNetSameDiffGraph.build(config);
    SyntheticDisks data = new SyntheticDisks(config, 2, 3);
    Map<String, INDArray> feed = new HashMap<>();
    feed.put(UNetSameDiffGraph.IMAGE, UNetBatches.images(config, data.images, 2, true));
    feed.put(UNetSameDiffGraph.LABEL, UNetBatches.labels(config, data.masks, 2, true));
    List<String> weights = new ArrayList<>();
    for (SDVariable v : sd.variables()) {
      if (v.getVariableType() == VariableType.VARIABLE && v.name().endsWith("_b")) {
        weights.add(v.name()); // biases touch every pixel: the least sensitive to ReLU/max-pool kinks
      }
    }
    Map<String, INDArray> gradients = sd.calculateGradients(feed, weights);
    Random random = new Random(1);
    double eps = 3e-3;
    for (String name : weights) {
      INDArray w = sd.getArrForVarName(name);
      long i = random.nextInt((int) w.length());
      double original = w.getDouble(i);
      w.putScalar(i, original + eps);
      double plus = sd.outputSingle(feed, UNetSameDiffGraph.LOSS).getDouble(0);
      w.putScalar(i, original - eps);
      double minus = sd.outputSingle(feed, UNetSameDiffGraph.LOSS).getDouble(0);
      w.putScalar(i, original);
      double numeric = (plus - minus) / (2 * eps);
      double analytic = gradients.get(name).getDouble(i);
      assertTrue(Math.abs(numeric - analytic) <= 0.15 * Math.abs(numeric) + 2e-3,
          config + " " + name + "[" + i + "]: numeric " + numeric + " analytic " + analytic);
    }
  }
}
