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
 * Measures what a model costs to run here, for the promotion gate: loads the model file as the
 * inference pipeline will, and times {@link SegmentationNet#predictProbabilities} on batches of its
 * own input size. The pixel values do not change the work a convolution net does, so the input is
 * seeded noise.
 */
final class LatencyProbe {
  private LatencyProbe() {}

  static LatencyMeasurement measure(Path modelFile, PromotionGate gate) throws IOException {
    LoadedModel model = ModelFile.load(modelFile);
    SegmentationNet net = model.net();
    UNetConfig config = net.config();
    int n = gate.batchSize();
    float[] images = new float[n * config.inputHeight() * config.inputWidth()];
    Random random = new Random(1);
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < gate.warmUp(); i++) {
      net.predictProbabilities(images, n);
    }
    double[] millis = new double[gate.runs()];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      net.predictProbabilities(images, n);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    double median = millis.length % 2 == 1 ? millis[millis.length / 2]
        : (millis[millis.length / 2 - 1] + millis[millis.length / 2]) / 2;
    return new LatencyMeasurement(median / n, n, gate.warmUp(), gate.runs(),
        Nd4j.getEnvironment().maxMasterThreads(), net.engine(), config.inputHeight(), config.inputWidth());
  }
}
