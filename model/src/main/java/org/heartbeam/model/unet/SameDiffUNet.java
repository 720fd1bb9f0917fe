package org.heartbeam.model.unet;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The fast engine: the U-Net as an NHWC SameDiff graph ({@link UNetSameDiffGraph}), whose
 * convolutions run on oneDNN when the {@code linux-x86_64-onednn-avx2} natives are on the class
 * path. Batch norm is not supported here.
 *
 * <p>Training step: one {@code calculateGradientsAndOutputs} pass (forward + backward, the loss
 * among the outputs), then ND4J's own Adam updater per weight array, exactly what
 * {@code SameDiff.fit} does. Not {@code fit} itself: in ND4J 1.0.0-M2.1 it never evaluates the loss
 * variable (the backward pass does not need its value) and reports 0 to listeners, and a training
 * loop that cannot see its loss is blind.
 */
public final class SameDiffUNet implements SegmentationNet {
  /** {@link #engine()}: the name model files record. */
  public static final String ENGINE = "samediff-nhwc";

  private final UNetConfig config;
  private final SameDiff sd;
  private final List<String> weights = new ArrayList<>();
  private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
  private int iteration;
  private boolean gradientsBuilt;

  public SameDiffUNet(UNetConfig config) {
    this.config = config;
    this.sd = UNetSameDiffGraph.build(config);
    Adam adam = new Adam(config.learningRate());
    for (SDVariable v : sd.variables()) {
      if (v.getVariableType() == VariableType.VARIABLE) {
        INDArray weight = v.getArr();
        INDArray state = Nd4j.zeros(DataType.FLOAT, 1, adam.stateSize(weight.length()));
        GradientUpdater<?> updater = adam.instantiate(state, false);
        // As SameDiff does: the state views must take the weight's shape, or Adam's moment
        // arithmetic broadcasts against the gradient instead of matching it element by element.
        updater.setStateViewArray(state, weight.shape(), weight.ordering(), true);
        weights.add(v.name());
        updaters.put(v.name(), updater);
      }
    }
    Nd4j.getRandom().setSeed(config.seed());
  }

  /** The graph itself, for saving or inspection. */
  public SameDiff sameDiff() { return sd; }

  @Override
  public UNetConfig config() { return config; }

  @Override
  public String engine() { return ENGINE; }

  @Override
  public long parameterCount() {
    long n = 0;
    for (String name : weights) {
      n += sd.getArrForVarName(name).length();
    }
    return n;
  }

  @Override
  public LinkedHashMap<String, INDArray> weights() {
    LinkedHashMap<String, INDArray> arrays = new LinkedHashMap<>();
    for (String name : weights) {
      arrays.put(name, sd.getArrForVarName(name));
    }
    return arrays;
  }

  @Override
  public float[][] predictProbabilities(float[] images, int n) {
    Map<String, INDArray> feed = new HashMap<>();
    feed.put(UNetSameDiffGraph.IMAGE, UNetBatches.images(config, images, n, true));
    if (config.dropout() > 0) {
      feed.put(UNetSameDiffGraph.DROPOUT_KEEP, Nd4j.ones(DataType.FLOAT, bottleneckShape(n)));
    }
    INDArray probabilities = sd.outputSingle(feed, UNetSameDiffGraph.PROBABILITIES);
    int lv = config.outputMode().channels() - 1;
    INDArray lvChannel = probabilities.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(),
        NDArrayIndex.point(lv));
    return UNetBatches.split(lvChannel, config, n);
  }

  @Override
  public double fitBatch(float[] images, byte[] masks, int n) {
    Map<String, INDArray> feed = new HashMap<>();
    feed.put(UNetSameDiffGraph.IMAGE, UNetBatches.images(config, images, n, true));
    feed.put(UNetSameDiffGraph.LABEL, UNetBatches.labels(config, masks, n, true));
    if (config.dropout() > 0) {
      feed.put(UNetSameDiffGraph.DROPOUT_KEEP, dropoutKeep(n));
    }
    if (!gradientsBuilt) {
      buildGradientFunctionQuietly();
    }
    OutAndGrad result = sd.calculateGradientsAndOutputs(feed, List.of(UNetSameDiffGraph.LOSS), weights);
    double loss = result.getOutputs().get(UNetSameDiffGraph.LOSS).getDouble(0);
    for (String name : weights) {
      INDArray gradient = result.getGradients().get(name);
      // Adam turns the gradient into the step, in place.
      updaters.get(name).applyUpdater(gradient, iteration, 0);
      sd.getArrForVarName(name).subi(gradient);
    }
    iteration++;
    return loss;
  }

  /**
   * ND4J 1.0.0-M2.1's createGradFunction prints "Added differentiated op ..." to System.out for
   * every op (a leftover println), which would flood a CLI's or a pipeline's standard output: the
   * gradient graph is built once, here, with System.out briefly pointed at nothing. Output other
   * threads print during those milliseconds is lost; that is the price of not patching ND4J.
   * Then the ReLU gradients get their faster kernel ({@link ReluGradientKernel}).
   */
  private void buildGradientFunctionQuietly() {
    synchronized (System.class) {
      PrintStream out = System.out;
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      try {
        sd.createGradFunction();
      } finally {
        System.setOut(out);
      }
    }
    ReluGradientKernel.useReluBp(sd.getFunction("grad"));
    gradientsBuilt = true;
  }

  /** Inverted dropout: keep with probability 1 - p and scale kept units by 1 / (1 - p). */
  private INDArray dropoutKeep(int n) {
    double p = config.dropout();
    INDArray uniform = Nd4j.rand(DataType.FLOAT, bottleneckShape(n));
    return Transforms.step(uniform.subi(p)).muli(1.0 / (1.0 - p));
  }

  private long[] bottleneckShape(int n) {
    return new long[] {n, config.inputHeight() >> config.depth(), config.inputWidth() >> config.depth(),
        config.filters(config.depth())};
  }
}
