package org.heartbeam.model.unet;

import java.util.LinkedHashMap;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The reference engine: the U-Net as a DL4J {@link ComputationGraph} ({@link UNetComputationGraph}).
 * Slow on CPU (DL4J's layers do im2col + GEMM), kept as a cross-check and for batch norm.
 */
public final class ComputationGraphUNet implements SegmentationNet {
  /** {@link #engine()}: the name model files record. */
  public static final String ENGINE = "dl4j-computationgraph-nchw";

  private final UNetConfig config;
  private final ComputationGraph graph;

  public ComputationGraphUNet(UNetConfig config) {
    this.config = config;
    this.graph = new ComputationGraph(UNetComputationGraph.build(config));
    graph.init();
  }

  public ComputationGraph graph() { return graph; }

  @Override
  public UNetConfig config() { return config; }

  @Override
  public String engine() { return ENGINE; }

  @Override
  public long parameterCount() { return graph.numParams(); }

  /** DL4J's parameter table: views into the graph's one flat parameter vector, e.g. "enc0_a_W". */
  @Override
  public LinkedHashMap<String, INDArray> weights() { return new LinkedHashMap<>(graph.paramTable()); }

  @Override
  public float[][] predictProbabilities(float[] images, int n) {
    INDArray probabilities = graph.output(false, UNetBatches.images(config, images, n, false))[0];
    int lv = config.outputMode().channels() - 1;
    INDArray lvChannel = probabilities.get(NDArrayIndex.all(), NDArrayIndex.point(lv), NDArrayIndex.all(),
        NDArrayIndex.all());
    return UNetBatches.split(lvChannel, config, n);
  }

  @Override
  public double fitBatch(float[] images, byte[] masks, int n) {
    graph.fit(new DataSet(UNetBatches.images(config, images, n, false), UNetBatches.labels(config, masks, n, false)));
    return graph.score();
  }
}
