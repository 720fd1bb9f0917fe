package org.heartbeam.model.preprocess;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;

/**
 * A quick measurement, not a test: ns per prepared 256x256 labeled image, for each normalization and
 * resize. Run: {@code java -cp model/target/classes:model/target/test-classes
 * org.heartbeam.model.preprocess.PrepareMicroBenchmark}.
 */
public final class PrepareMicroBenchmark {
  /** CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours. */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private PrepareMicroBenchmark() {}

  public static void main(String[] args) {
    CardiacImage image256 = ModelInputPreparerTest.image(256, 256, 1.25, 1);
    CardiacImage image512 = ModelInputPreparerTest.image(512, 512, 0.7, 2);
    LabeledImage labeled256 = LabeledImage.labeled(image256, ModelInputPreparerTest.disc(256, 256, 128, 128, 30));
    LabeledImage labeled512 = LabeledImage.labeled(image512, ModelInputPreparerTest.disc(512, 512, 256, 256, 60));
    measure("256x256 seed-scale, crop/pad only", labeled256,
        PreprocessOptions.defaults().withNormalization(IntensityNormalization.seedScale()));
    measure("256x256 percentile:1:99, crop/pad only", labeled256, PreprocessOptions.defaults());
    measure("256x256 percentile:1:99, to 1.0 mm (320x320 -> crop)", labeled256,
        PreprocessOptions.defaults().withSpacing(1.0));
    measure("512x512 percentile:1:99, fit to 256", labeled512, PreprocessOptions.defaults().withFit());
  }

  private static void measure(String name, LabeledImage input, PreprocessOptions options) {
    long sink = 0;
    for (int i = 0; i < 300; i++) { // warm-up: let the JIT compile the loops
      sink += ModelInputPreparer.prepare(input, options).pixels().length;
    }
    int n = 1000;
    long start = System.nanoTime();
    long cpuStart = CPU.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      sink += ModelInputPreparer.prepare(input, options).pixels().length;
    }
    long cpuNsPerOp = (CPU.getCurrentThreadCpuTime() - cpuStart) / n;
    long nsPerOp = (System.nanoTime() - start) / n;
    System.out.printf("%-55s %,10d ns/op wall %,10d ns/op cpu (%d)%n", name, nsPerOp, cpuNsPerOp, sink % 7);
  }
}
