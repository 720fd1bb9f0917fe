package org.heartbeam.model.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * After {@link ReluGradientKernel#useReluBp} a tiny U-Net's gradient function runs relu_bp instead of
 * thresholdedrelu_bp and gives every weight exactly the gradient SameDiff's own autodiff gives.
 */
class ReluGradientKernelTest {
  private static final UNetConfig CONFIG = UNetConfig.builder().inputSize(16, 16).depth(2).baseFilters(2).build();

  @Test
  void sameGradientsAsSameDiffsAutodiff() {
    SyntheticDisks data = new SyntheticDisks(CONFIG, 2, 3);
    Map<String, INDArray> feed = new HashMap<>();
    feed.put(UNetSameDiffGraph.IMAGE, UNetBatches.images(CONFIG, data.images, 2, true));
    feed.put(UNetSameDiffGraph.LABEL, UNetBatches.labels(CONFIG, data.masks, 2, true));

    SameDiff standard = UNetSameDiffGraph.build(CONFIG);
    SameDiff swapped = UNetSameDiffGraph.build(CONFIG);
    swapped.createGradFunction();
    // Every ReLU of the graph: the convolutions' and the loss's.
    long relus = Arrays.stream(standard.ops()).filter(o -> o.opName().equals("relu")).count();
    assertTrue(relus >= 2 * (2 * CONFIG.depth() + 1), "relus: " + relus);
    assertEquals(relus, ReluGradientKernel.useReluBp(swapped.getFunction("grad")));
    List<String> ops = Arrays.stream(swapped.getFunction("grad").ops()).map(o -> o.opName()).toList();
    assertEquals(relus, ops.stream().filter("relu_bp"::equals).count(), ops.toString());
    assertFalse(ops.contains("thresholdedrelu_bp"), ops.toString());

    String[] weights = standard.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
        .map(SDVariable::name).toArray(String[]::new);
    Map<String, INDArray> expected = standard.calculateGradients(feed, weights);
    Map<String, INDArray> actual = swapped.calculateGradients(feed, weights);
    for (String w : weights) {
      assertEquals(expected.get(w), actual.get(w), w);
      assertTrue(expected.get(w).amaxNumber().doubleValue() > 0, w + ": an all-zero gradient proves nothing");
    }
  }

  @Test
  void trainingRunsTheSwappedKernel() {
    SyntheticDisks data = new SyntheticDisks(CONFIG, 2, 3);
    SameDiffUNet net = new SameDiffUNet(CONFIG);
    net.fitBatch(data.images, data.masks, 2);
    net.fitBatch(data.images, data.masks, 2);
    List<String> ops = Arrays.stream(net.sameDiff().getFunction("grad").ops()).map(o -> o.opName()).toList();
    assertTrue(ops.contains("relu_bp"), ops.toString());
    assertFalse(ops.contains("thresholdedrelu_bp"), ops.toString());
  }
}
