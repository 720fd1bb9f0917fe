package org.heartbeam.model.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.UNetConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A measurement, not a test: one SameDiffUNet training step (fitBatch) of the reference U-Net at
 * each batch size given, median wall time and median CPU time of the calling thread (with
 * OMP_NUM_THREADS=1 the native ops run on it, so CPU time is what the step costs without the
 * neighbours' load; with more threads only wall time means anything). Run:
 * {@code java -cp ... org.heartbeam.model.bench.TrainStepProbe <input size> <repeats> <batch>...}.
 */
public final class TrainStepProbe {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private TrainStepProbe() {}

  public static void main(String[] args) {
    int size = Integer.parseInt(args[0]);
    int repeats = Integer.parseInt(args[1]);
    UNetConfig config = UNetConfig.builder().inputSize(size, size).build();
    double gflopPerImage = 3.0 * config.forwardFlops() / 1e9;
    System.out.printf(Locale.ROOT, "reference %dx%d, OMP threads %d, training GFLOP/image %.2f%n", size, size,
        Nd4j.getEnvironment().maxMasterThreads(), gflopPerImage);
    System.out.println("batch | wall ms/step | images/s | GFLOP/s | thread CPU ms/step | GFLOP/s per CPU second");
    for (int a = 2; a < args.length; a++) {
      int batch = Integer.parseInt(args[a]);
      SameDiffUNet net = new SameDiffUNet(config);
      Random random = new Random(1);
      float[] images = new float[batch * config.pixelsPerImage()];
      byte[] masks = new byte[images.length];
      for (int i = 0; i < images.length; i++) {
        images[i] = (float) random.nextGaussian();
        masks[i] = (byte) (random.nextDouble() < 0.05 ? 1 : 0);
      }
      net.fitBatch(images, masks, batch);
      List<Double> wall = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        long c0 = CPU.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        net.fitBatch(images, masks, batch);
        wall.add((System.nanoTime() - w0) / 1e6);
        cpu.add((CPU.getCurrentThreadCpuTime() - c0) / 1e6);
      }
      double w = median(wall);
      double c = median(cpu);
      System.out.printf(Locale.ROOT, "%d | %.0f | %.2f | %.1f | %.0f | %.1f%n", batch, w, batch * 1000 / w,
          batch * gflopPerImage / w * 1000, c, batch * gflopPerImage / c * 1000);
    }
  }

  private static double median(List<Double> values) {
    values.sort(null);
    return values.get(values.size() / 2);
  }
}
