package org.heartbeam.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.heartbeam.model.file.LoadedModel;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.unet.SegmentationNet;
import org.heartbeam.model.unet.UNetConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The probe promotions use: loads the model file as the inference pipeline will, and times
 * {@link SegmentationNet#predictProbabilities} on batches of its own input size. The pixel values do
 * not change the work a convolution net does, so the input is seeded noise.
 */
final class ModelLatencyProbe implements LatencyProbe {
  static final ModelLatencyProbe INSTANCE = new ModelLatencyProbe();

  private ModelLatencyProbe() {}

  @Override
  public LatencyMeasurement measure(Path modelFile, int batchSize, int warmUp, int runs) throws IOException {
    LoadedModel model = ModelFile.load(modelFile);
    SegmentationNet net = model.net();
    UNetConfig config = net.config();
    float[] images = new float[batchSize * config.inputHeight() * config.inputWidth()];
    Random random = new Random(1);
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < warmUp; i++) {
      net.predictProbabilities(images, batchSize);
    }
    double[] millis = new double[runs];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      net.predictProbabilities(images, batchSize);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    double median = millis.length % 2 == 1 ? millis[millis.length / 2]
        : (millis[millis.length / 2 - 1] + millis[millis.length / 2]) / 2;
    return new LatencyMeasurement(median / batchSize, batchSize, warmUp, runs,
        Nd4j.getEnvironment().maxMasterThreads(), net.engine(), config.inputHeight(), config.inputWidth());
  }
}
