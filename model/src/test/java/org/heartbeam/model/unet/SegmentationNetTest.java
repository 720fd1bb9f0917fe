package org.heartbeam.model.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Both engines on small U-Nets (32x32 or 64x64, depth 2): shapes, counts, probabilities, learning. */
class SegmentationNetTest {
  private static final UNetConfig SMALL = UNetConfig.builder().inputSize(32, 32).depth(2).baseFilters(4)
      .learningRate(1e-2).seed(1).build();

  @Test
  void engineParameterCountsMatchTheConfig() {
    for (UpSampling up : UpSampling.values()) {
      for (OutputMode out : OutputMode.values()) {
        UNetConfig c = SMALL.toBuilder().upSampling(up).outputMode(out).build();
        assertEquals(c.parameterCount(), new SameDiffUNet(c).parameterCount(), "samediff " + c);
        assertEquals(c.parameterCount(), new ComputationGraphUNet(c).parameterCount(), "dl4j " + c);
      }
    }
    UNetConfig bn = SMALL.toBuilder().batchNorm(true).dropout(0.3).build();
    assertEquals(bn.parameterCount(), new ComputationGraphUNet(bn).parameterCount());
  }

  @Test
  void referenceComputationGraphHasTheSeedsParameterCountAndShapes() {
    ComputationGraph graph = new ComputationGraph(UNetComputationGraph.build(UNetConfig.reference()));
    graph.init();
    assertEquals(1_940_834L, graph.numParams());
    INDArray out = graph.output(false, Nd4j.zeros(DataType.FLOAT, 1, 1, 256, 256))[0];
    assertEquals(Arrays.toString(new long[] {1, 2, 256, 256}), Arrays.toString(out.shape()));
  }

  @Test
  void computationGraphConfigSurvivesJson() {
    ComputationGraphConfiguration conf = UNetComputationGraph.build(SMALL.toBuilder().batchNorm(true).build());
    assertEquals(conf, ComputationGraphConfiguration.fromJson(conf.toJson()));
  }

  @Test
  void sameDiffForwardGivesSoftmaxOverChannels() {
    UNetConfig c = SMALL.toBuilder().inputSize(64, 64).build();
    SameDiff sd = UNetSameDiffGraph.build(c);
    INDArray probabilities = sd.outputSingle(
        java.util.Map.of(UNetSameDiffGraph.IMAGE, Nd4j.rand(DataType.FLOAT, 3, 64, 64, 1)),
        UNetSameDiffGraph.PROBABILITIES);
    assertEquals(Arrays.toString(new long[] {3, 64, 64, 2}), Arrays.toString(probabilities.shape()));
    INDArray sums = probabilities.sum(3);
    assertEquals(0.0, sums.sub(1.0).amaxNumber().doubleValue(), 1e-5);
    assertTrue(probabilities.minNumber().doubleValue() >= 0);
  }

  @Test
  void predictionsAreProbabilitiesPerImage() {
    for (SegmentationNet net : new SegmentationNet[] {
        new SameDiffUNet(SMALL.toBuilder().upSampling(UpSampling.UPSAMPLE_CONV).dropout(0.5).build()),
        new ComputationGraphUNet(SMALL.toBuilder().outputMode(OutputMode.SIGMOID_1).build())}) {
      SyntheticDisks data = new SyntheticDisks(net.config(), 2, 1);
      float[][] p = net.predictProbabilities(data.images, 2);
      assertEquals(2, p.length, net.engine());
      assertEquals(32 * 32, p[1].length, net.engine());
      for (float[] image : p) {
        for (float v : image) {
          assertTrue(v >= 0 && v <= 1, net.engine() + ": " + v);
        }
      }
      // Inference is deterministic, dropout or not.
      assertTrue(Arrays.equals(p[0], net.predictProbabilities(data.images, 2)[0]), net.engine());
    }
  }

  @Test
  void sameDiffLearnsTheSyntheticTask() {
    assertLearns(new SameDiffUNet(SMALL.toBuilder().upSampling(UpSampling.UPSAMPLE_CONV).build()));
  }

  @Test
  void sameDiffLearnsWithTransposedConvSigmoidAndDropout() {
    assertLearns(new SameDiffUNet(SMALL.toBuilder().outputMode(OutputMode.SIGMOID_1).dropout(0.2).build()));
  }

  @Tag("slow")
  @Test
  void computationGraphLearnsTheSyntheticTask() {
    assertLearns(new ComputationGraphUNet(SMALL.toBuilder().batchNorm(true).build()));
  }

  @Test
  void badBatchesAreRefusedWithTheReason() {
    SameDiffUNet net = new SameDiffUNet(SMALL);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> net.predictProbabilities(new float[100], 1));
    assertTrue(e.getMessage().contains("32x32"), e.getMessage());
    byte[] badMask = new byte[32 * 32];
    badMask[5] = 2;
    assertThrows(IllegalArgumentException.class, () -> net.fitBatch(new float[32 * 32], badMask, 1));
    UnsupportedOperationException bn = assertThrows(UnsupportedOperationException.class,
        () -> new SameDiffUNet(SMALL.toBuilder().batchNorm(true).build()));
    assertTrue(bn.getMessage().contains("batch norm"), bn.getMessage());
  }

  /** 30 Adam steps on 4 images: the loss must fall well below where it started. */
  private static void assertLearns(SegmentationNet net) {
    SyntheticDisks data = new SyntheticDisks(net.config(), 4, 3);
    double first = net.fitBatch(data.images, data.masks, data.n);
    double last = first;
    for (int step = 0; step < 30; step++) {
      last = net.fitBatch(data.images, data.masks, data.n);
    }
    assertTrue(Double.isFinite(first) && last < 0.6 * first,
        net.engine() + " " + net.config() + ": loss " + first + " -> " + last);
  }
}
