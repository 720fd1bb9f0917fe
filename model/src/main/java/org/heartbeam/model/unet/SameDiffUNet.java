package org.heartbeam.model.unet;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.listeners.records.History;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The fast engine: the U-Net as an NHWC SameDiff graph ({@link UNetSameDiffGraph}), whose
 * convolutions run on oneDNN when the {@code linux-x86_64-onednn-avx2} natives are on the class
 * path. Trained with SameDiff's own loop (TrainingConfig + Adam). Batch norm is not supported here.
 */
public final class SameDiffUNet implements SegmentationNet {
  private final UNetConfig config;
  private final SameDiff sd;

  public SameDiffUNet(UNetConfig config) {
    this.config = config;
    this.sd = UNetSameDiffGraph.build(config);
    TrainingConfig.Builder training = TrainingConfig.builder()
        .updater(new Adam(config.learningRate()))
        .dataSetLabelMapping(UNetSameDiffGraph.LABEL)
        .minimize(UNetSameDiffGraph.LOSS);
    if (config.dropout() > 0) {
      training.dataSetFeatureMapping(UNetSameDiffGraph.IMAGE, UNetSameDiffGraph.DROPOUT_KEEP);
    } else {
      training.dataSetFeatureMapping(UNetSameDiffGraph.IMAGE);
    }
    sd.setTrainingConfig(training.build());
    Nd4j.getRandom().setSeed(config.seed());
  }

  /** The graph itself, for saving or inspection. */
  public SameDiff sameDiff() { return sd; }

  @Override
  public UNetConfig config() { return config; }

  @Override
  public String engine() { return "samediff-nhwc"; }

  @Override
  public long parameterCount() {
    long n = 0;
    for (var v : sd.variables()) {
      if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
        n += v.getArr().length();
      }
    }
    return n;
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
    INDArray x = UNetBatches.images(config, images, n, true);
    INDArray y = UNetBatches.labels(config, masks, n, true);
    INDArray[] features = config.dropout() > 0 ? new INDArray[] {x, dropoutKeep(n)} : new INDArray[] {x};
    History history = sd.fit(new MultiDataSet(features, new INDArray[] {y}));
    return history.lossCurve().lastMeanLoss(UNetSameDiffGraph.LOSS);
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
