package org.heartbeam.model.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
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
 * CPU benchmark of the U-Net on the SameDiff engine: not a test. Prints the backend, whether it has
 * oneDNN, the OpenMP thread count, one 3x3 conv in NHWC and NCHW (what the hardware gives one op),
 * then per network: inference images/s and GFLOP/s at batch 1 and 8, and one training step at
 * batch 8 (forward + backward counted as 3x the forward FLOPs, the usual convention). With one
 * OpenMP thread and several cores it also measures one net per core inferring side by side (how a
 * Beam worker uses the cores: measured here, 2 x 1 thread beat 1 x 2 threads by 1.4x). Each figure
 * is the median of the repeats after warm-up.
 *
 * <p>The thread count is OMP_NUM_THREADS, read by the native library when it loads: set it before
 * the JVM starts ({@code heartbeam bench model --threads N} forks a JVM to do so).
 */
public final class ModelBench {
  /** Inference batch sizes, and the training batch size. */
  static final int[] INFER_BATCHES = {1, 8};
  static final int TRAIN_BATCH = 8;

  private final int repeats;
  private final int warmUp;
  private final PrintStream out;

  public ModelBench(int repeats, int warmUp, PrintStream out) {
    if (repeats < 1 || warmUp < 0) {
      throw new IllegalArgumentException("repeats must be >= 1 and warm-up >= 0: " + repeats + ", " + warmUp);
    }
    this.repeats = repeats;
    this.warmUp = warmUp;
    this.out = out;
  }

  /** Run: {@code java -cp <model classpath> org.heartbeam.model.bench.ModelBench [repeats] [input size] [--profile]}. */
  public static void main(String[] args) {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int input = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    ModelBench bench = new ModelBench(repeats, 2, System.out);
    bench.printEnvironment();
    if (args.length > 2 && args[2].equals("--profile")) {
      bench.profile(BenchNetwork.reference(input), 8);
      bench.profile(BenchNetwork.defaultModel(), 8);
      return;
    }
    bench.convProbe();
    bench.printHeader();
    bench.measure(BenchNetwork.reference(input));
    bench.measure(BenchNetwork.defaultModel());
  }

  /** Backend, oneDNN presence and thread counts. */
  public void printEnvironment() {
    // The backend first: it loads the configuration NativeOpsHolder needs.
    String backend = Nd4j.getBackend().getClass().getSimpleName();
    String build = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
    out.println("backend: " + backend
        + (build.contains("HAVE_ONEDNN") ? " with oneDNN" : " WITHOUT oneDNN (slow convolutions)")
        + ", OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS")
        + ", ND4J OpenMP threads: " + Nd4j.getEnvironment().maxMasterThreads()
        + ", cores: " + Runtime.getRuntime().availableProcessors());
    out.println("timing: median of " + repeats + " after " + warmUp + " warm-up runs; training GFLOP/s counts 3x the "
        + "forward FLOPs");
  }

  /** One 64->64 3x3 conv on 8 x 64 x 64, the op the U-Net spends its time in, in both layouts. */
  public void convProbe() {
    for (String format : new String[] {Conv2DConfig.NHWC, Conv2DConfig.NCHW}) {
      // 64 channels and 64x64 pixels: the same shape in both layouts.
      INDArray x = Nd4j.rand(DataType.FLOAT, 8, 64, 64, 64);
      INDArray w = Nd4j.rand(DataType.FLOAT, 3, 3, 64, 64);
      Conv2DConfig c = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).paddingMode(PaddingMode.SAME)
          .dataFormat(format).build();
      double ms = medianMs(() -> Nd4j.exec(new Conv2D(x, w, null, c)));
      double flops = 2.0 * 8 * 64 * 64 * 64 * 64 * 9;
      out.printf(Locale.ROOT, "one conv2d 3x3 64->64, 8x64x64, %s: %.1f ms, %.1f GFLOP/s%n", format, ms,
          flops / ms / 1e6);
    }
  }

  public void printHeader() {
    out.println();
    out.println("network | input | GFLOP/image | batch | phase | median ms | images/s | GFLOP/s");
  }

  /** Inference at each of {@link #INFER_BATCHES}, then a training step at {@link #TRAIN_BATCH}. */
  public List<BenchResult> measure(BenchNetwork network) {
    UNetConfig config = network.config();
    SegmentationNet net = new SameDiffUNet(config);
    List<BenchResult> results = new ArrayList<>();
    for (int batch : INFER_BATCHES) {
      float[] images = randomImages(config, batch);
      results.add(row(network, batch, "infer", 1, () -> net.predictProbabilities(images, batch)));
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (cores > 1 && Nd4j.getEnvironment().maxMasterThreads() == 1) {
      results.add(parallelInference(network, cores, INFER_BATCHES[INFER_BATCHES.length - 1]));
    }
    float[] images = randomImages(config, TRAIN_BATCH);
    byte[] masks = randomMasks(config, TRAIN_BATCH);
    results.add(row(network, TRAIN_BATCH, "train", 3, () -> net.fitBatch(images, masks, TRAIN_BATCH)));
    return results;
  }

  /**
   * With one OpenMP thread per op, the cores are used by running one net per core side by side, as a
   * Beam worker does with one model per DoFn thread: total images/s of {@code nets} threads, each
   * inferring its own batch (the row's batch is the total; time is per round of all threads).
   */
  private BenchResult parallelInference(BenchNetwork network, int nets, int batch) {
    UNetConfig config = network.config();
    float[] images = randomImages(config, batch);
    List<SegmentationNet> copies = new ArrayList<>();
    for (int i = 0; i < nets; i++) {
      copies.add(new SameDiffUNet(config));
    }
    ExecutorService pool = Executors.newFixedThreadPool(nets);
    try {
      return row(network, nets * batch, "infer, " + nets + " nets x batch " + batch, 1, () -> {
        List<Future<?>> rounds = new ArrayList<>();
        for (SegmentationNet copy : copies) {
          rounds.add(pool.submit(() -> copy.predictProbabilities(images, batch)));
        }
        for (Future<?> round : rounds) {
          try {
            round.get();
          } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("parallel inference failed", e);
          }
        }
        return null;
      });
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Where one inference batch and one training step of {@code network} spend their time, per op type
   * (median-free: the totals of {@code repeats} runs after warm-up, divided by the repeats).
   */
  public void profile(BenchNetwork network, int batch) {
    UNetConfig config = network.config();
    SameDiffUNet net = new SameDiffUNet(config);
    OpTimeListener listener = new OpTimeListener();
    net.sameDiff().addListeners(listener);
    float[] images = randomImages(config, batch);
    byte[] masks = randomMasks(config, batch);
    printProfile(network, batch, "infer", listener, () -> net.predictProbabilities(images, batch));
    printProfile(network, batch, "train", listener, () -> net.fitBatch(images, masks, batch));
  }

  private void printProfile(BenchNetwork network, int batch, String phase, OpTimeListener listener, Supplier<?> work) {
    for (int i = 0; i < warmUp; i++) {
      work.get();
    }
    listener.reset();
    long start = System.nanoTime();
    for (int i = 0; i < repeats; i++) {
      work.get();
    }
    double wallMs = (System.nanoTime() - start) / 1e6 / repeats;
    out.printf(Locale.ROOT, "%nprofile %s %dx%d batch %d %s: %.1f ms per run%n", network.label(),
        network.config().inputHeight(), network.config().inputWidth(), batch, phase, wallMs);
    double opsMs = 0;
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(listener.totals().entrySet());
    entries.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
    for (Map.Entry<String, long[]> e : entries) {
      double ms = e.getValue()[0] / 1e6 / repeats;
      opsMs += ms;
      out.printf(Locale.ROOT, "  %-28s %8.1f ms %5.1f%% (%d per run)%n", e.getKey(), ms, 100 * ms / wallMs,
          e.getValue()[1] / repeats);
    }
    out.printf(Locale.ROOT, "  %-28s %8.1f ms %5.1f%%%n", "(outside ops)", wallMs - opsMs,
        100 * (wallMs - opsMs) / wallMs);
  }

  private BenchResult row(BenchNetwork network, int batch, String phase, int flopFactor, Supplier<?> work) {
    double ms = medianMs(work);
    UNetConfig c = network.config();
    BenchResult r = new BenchResult(network.label(), c, batch, phase, ms,
        (double) flopFactor * batch * c.forwardFlops() / ms / 1e6);
    out.printf(Locale.ROOT, "%s | %dx%d | %.2f | %d | %s | %.1f | %.2f | %.1f%n", r.network(), c.inputHeight(),
        c.inputWidth(), c.forwardFlops() / 1e9, batch, phase, ms, r.imagesPerSecond(), r.gflops());
    return r;
  }

  private double medianMs(Supplier<?> work) {
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
