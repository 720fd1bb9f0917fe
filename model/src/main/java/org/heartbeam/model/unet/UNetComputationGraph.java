package org.heartbeam.model.unet;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.weights.WeightInit;
import org.heartbeam.model.loss.DiceCrossEntropy;
import org.heartbeam.model.loss.DiceCrossEntropyLossFunction;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Builds a {@link UNetConfig}'s network as a DL4J {@link ComputationGraphConfiguration} (NCHW,
 * DL4J's layer API). It is the slow reference engine: DL4J's conv layers do im2col + GEMM (2-8
 * GFLOP/s measured here), but the API is the familiar one and batch norm works.
 *
 * <p>Input {@link #INPUT} [n, 1, h, w]; output {@link #OUTPUT}, a CnnLossLayer with softmax or
 * sigmoid over [n, c, h, w] and {@link DiceCrossEntropyLossFunction}.
 */
public final class UNetComputationGraph {
  public static final String INPUT = "image";
  public static final String OUTPUT = "output";

  private UNetComputationGraph() {}

  public static ComputationGraphConfiguration build(UNetConfig config) {
    ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
        .seed(config.seed())
        .updater(new Adam(config.learningRate()))
        .weightInit(WeightInit.RELU)
        .convolutionMode(ConvolutionMode.Same)
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
        .graphBuilder()
        .addInputs(INPUT)
        .setInputTypes(InputType.convolutional(config.inputHeight(), config.inputWidth(), 1));

    String x = INPUT;
    String[] skips = new String[config.depth()];
    for (int level = 0; level < config.depth(); level++) {
      int f = config.filters(level);
      x = convBlock(g, config, "enc" + level + "_a", x, f);
      x = convBlock(g, config, "enc" + level + "_b", x, f);
      skips[level] = x;
      g.addLayer("enc" + level + "_pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
          .kernelSize(2, 2).stride(2, 2).convolutionMode(ConvolutionMode.Truncate).build(), x);
      x = "enc" + level + "_pool";
    }
    int fb = config.filters(config.depth());
    x = convBlock(g, config, "bottleneck_a", x, fb);
    x = convBlock(g, config, "bottleneck_b", x, fb);
    if (config.dropout() > 0) {
      // DL4J's dropout argument is the probability of RETAINING an activation.
      g.addLayer("bottleneck_dropout", new DropoutLayer.Builder(1 - config.dropout()).build(), x);
      x = "bottleneck_dropout";
    }
    for (int level = config.depth() - 1; level >= 0; level--) {
      int f = config.filters(level);
      String up = "dec" + level + "_up";
      if (config.upSampling() == UpSampling.TRANSPOSED_CONV) {
        g.addLayer(up, new Deconvolution2D.Builder().kernelSize(2, 2).stride(2, 2).nOut(f)
            .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build(), x);
      } else {
        g.addLayer(up + "_nn", new Upsampling2D.Builder(2).build(), x);
        g.addLayer(up, new ConvolutionLayer.Builder(3, 3).nOut(f).activation(Activation.IDENTITY)
            .weightInit(WeightInit.XAVIER).build(), up + "_nn");
      }
      g.addVertex("dec" + level + "_concat", new MergeVertex(), up, skips[level]);
      x = convBlock(g, config, "dec" + level + "_a", "dec" + level + "_concat", f);
      x = convBlock(g, config, "dec" + level + "_b", x, f);
    }
    int channels = config.outputMode().channels();
    g.addLayer("logits", new ConvolutionLayer.Builder(1, 1).nOut(channels).activation(Activation.IDENTITY)
        .weightInit(WeightInit.XAVIER).build(), x);
    g.addLayer(OUTPUT, new CnnLossLayer.Builder(
            new DiceCrossEntropyLossFunction(config.pixelsPerImage(), DiceCrossEntropy.DEFAULT_SMOOTH))
        .activation(channels == 1 ? Activation.SIGMOID : Activation.SOFTMAX).build(), "logits");
    return g.setOutputs(OUTPUT).build();
  }

  /** 3x3 conv + ReLU, or 3x3 conv (no bias) + batch norm + ReLU; returns the block's last vertex. */
  private static String convBlock(ComputationGraphConfiguration.GraphBuilder g, UNetConfig config, String name,
      String input, int filters) {
    if (!config.batchNorm()) {
      g.addLayer(name, new ConvolutionLayer.Builder(3, 3).nOut(filters).activation(Activation.RELU).build(), input);
      return name;
    }
    g.addLayer(name, new ConvolutionLayer.Builder(3, 3).nOut(filters).hasBias(false)
        .activation(Activation.IDENTITY).build(), input);
    g.addLayer(name + "_bn", new BatchNormalization.Builder().build(), name);
    g.addLayer(name + "_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "_bn");
    return name + "_relu";
  }
}
