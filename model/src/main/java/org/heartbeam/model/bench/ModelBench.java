package org.heartbeam.model.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.heartbeam.model.unet.ComputationGraphUNet;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.SegmentationNet;
import org.heartbeam.model.unet.UNetConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Quick CPU benchmark of the U-Net engines: not a test. Prints the backend and its build flags
 * (HAVE_ONEDNN), one 3x3 conv in NHWC and NCHW, then per engine and network: inference images/s and
 * GFLOP/s at batch 1 and 8, and one training step at batch 8 (counted as 3x the forward FLOPs).
 * Each number is the median of the repeats after warm-up. Set OMP_NUM_THREADS before starting the JVM.
 *
 * <p>Run: {@code java -cp <model classpath> org.heartbeam.model.bench.ModelBench [repeats] [--dl4j]}.
 * The DL4J ComputationGraph engine is slow (minutes at the reference size): only with --dl4j, and
 * only inference at batch 1.
 */
public final class ModelBench {
  private ModelBench() {}

  public static void main(String[] args) {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    boolean dl4j = Arrays.asList(args).contains("--dl4j");
    System.out.println("backend: " + Nd4j.getBackend().getClass().getSimpleName()
        + ", OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS")
        + ", cores: " + Runtime.getRuntime().availableProcessors());
    System.out.println("environment: " + Nd4j.getExecutioner().getEnvironmentInformation());
    System.out.println("native build: " + NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo()
        .replace('\n', ' '));
    convProbe(repeats);

    System.out.println();
    System.out.println("engine | network | batch | phase | median ms | images/s | GFLOP/s");
    for (UNetConfig config : new UNetConfig[] {UNetConfig.reference(), UNetConfig.cpuDefault()}) {
      String name = config.equals(UNetConfig.reference()) ? "reference (transposed conv)" : "cpuDefault (upsample+conv)";
      SegmentationNet net = new SameDiffUNet(config);
      for (int batch : new int[] {1, 8}) {
        float[] images = randomImages(config, batch);
        row(net, name, batch, "infer", 1, repeats, () -> net.predictProbabilities(images, batch));
      }
      float[] images = randomImages(config, 8);
      byte[] masks = randomMasks(config, 8);
      row(net, name, 8, "train", 3, repeats, () -> net.fitBatch(images, masks, 8));
      if (dl4j) {
        SegmentationNet reference = new ComputationGraphUNet(config);
        float[] one = randomImages(config, 1);
        row(reference, name, 1, "infer", 1, Math.min(repeats, 3), () -> reference.predictProbabilities(one, 1));
      }
    }
  }

  /** One 64->64 3x3 conv on 8 x 64 x 64, the op the U-Net spends its time in, in both layouts. */
  private static void convProbe(int repeats) {
    for (String format : new String[] {Conv2DConfig.NHWC, Conv2DConfig.NCHW}) {
      // 64 channels and 64x64 pixels: the same shape in both layouts.
      INDArray x = Nd4j.rand(DataType.FLOAT, 8, 64, 64, 64);
      INDArray w = Nd4j.rand(DataType.FLOAT, 3, 3, 64, 64);
      Conv2DConfig c = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).paddingMode(PaddingMode.SAME)
          .dataFormat(format).build();
      double ms = medianMs(2, repeats, () -> Nd4j.exec(new Conv2D(x, w, null, c)));
      double flops = 2.0 * 8 * 64 * 64 * 64 * 64 * 9;
      System.out.printf(Locale.ROOT, "conv2d 3x3 64->64 8x64x64 %s: %.1f ms, %.1f GFLOP/s%n", format, ms,
          flops / ms / 1e6);
    }
  }

  private static void row(SegmentationNet net, String name, int batch, String phase, int flopFactor, int repeats,
      Runnable work) {
    double ms = medianMs(2, repeats, () -> {
      work.run();
      return null;
    });
    double flops = (double) flopFactor * batch * net.config().forwardFlops();
    System.out.printf(Locale.ROOT, "%s | %s | %d | %s | %.1f | %.2f | %.1f%n", net.engine(), name, batch, phase, ms,
        batch * 1000.0 / ms, flops / ms / 1e6);
  }

  private static double medianMs(int warmUp, int repeats, Supplier<?> work) {
    for (int i = 0; i < warmUp; i++) {
      work.get();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      long start = System.nanoTime();
      work.get();
      times.add((System.nanoTime() - start) / 1e6);
    }
    times.sort(null);
    return times.get(times.size() / 2);
  }

  private static float[] randomImages(UNetConfig config, int n) {
    Random random = new Random(1);
    float[] images = new float[n * config.pixelsPerImage()];
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) random.nextGaussian();
    }
    return images;
  }

  private static byte[] randomMasks(UNetConfig config, int n) {
    Random random = new Random(2);
    byte[] masks = new byte[n * config.pixelsPerImage()];
    for (int i = 0; i < masks.length; i++) {
      masks[i] = (byte) (random.nextDouble() < 0.05 ? 1 : 0);
    }
    return masks;
  }
}
