package org.heartbeam.pipelines.infer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.bytedeco.javacpp.Pointer;
import org.heartbeam.model.file.LoadedModel;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.file.ModelProvenance;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.UNetConfig;
import org.heartbeam.dicom.DicomFrameDecoder;
import org.heartbeam.transforms.inference.UNetModelHandler;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;

/**
 * {@code heartbeam bench infer}: the whole inference pipeline (DICOM files in; masks, overlays, SEG,
 * statistics out) on Flink [local] next to the bare model loop over the same images in the same
 * JVM, and the model's memory per worker JVM with 1 and 2 replicas.
 *
 * <p>The bare loop is what the pipeline cannot beat: the images already decoded in memory, one
 * thread per replica calling the same {@link UNetModelHandler#run} the pipeline's DoFn calls
 * (preprocess, predict, threshold, map back), in batches of the same size. Pipeline time is the
 * wall time of {@code InferPipeline.run}, start-up and file writing included.
 */
public final class InferBench {
  private static final int BATCH = 8;

  private final PrintStream out;
  private final Path work;

  public InferBench(Path work, PrintStream out) {
    this.work = work;
    this.out = out;
  }

  /**
   * @param model a model file, or null for the default architecture with fresh weights (speed does
   *     not depend on the weights' values)
   */
  public void run(SynthOptions phantom, Path model, int[] parallelisms) throws Exception {
    Path input = work.resolve("phantom");
    SyntheticStudyGenerator.generate(phantom, input);
    Path dicoms = input.resolve("dicoms");
    Path modelFile = model != null ? model : defaultModel(work.resolve("default.hbm"));
    List<LabeledImage> images = decodeAll(dicoms);
    out.printf(Locale.ROOT, "bench infer: %d DICOM images %dx%d, model %s, OMP_NUM_THREADS=%s, %d cores%n",
        images.size(), phantom.rows(), phantom.cols(), modelFile.getFileName(), System.getenv("OMP_NUM_THREADS"),
        Runtime.getRuntime().availableProcessors());
    memory(modelFile);

    UNetModelHandler handler = UNetModelHandler.forFile(modelFile).withMaxReplicas(Math.max(2, max(parallelisms)));
    bareLoop(handler, images, 1); // warm-up: JIT and native kernels, not reported
    out.println("what | parallelism | images | seconds | images/s | pipeline / bare loop");
    for (int p : parallelisms) {
      double bare = bareLoop(handler, images, p);
      out.printf(Locale.ROOT, "bare model loop | %d | %d | %.1f | %.2f | -%n", p, images.size(),
          images.size() / bare, bare);
      InferManifest manifest = pipeline(dicoms, modelFile, p);
      double pipelineRate = manifest.imagesSegmented() / manifest.seconds();
      out.printf(Locale.ROOT, "pipeline, Flink [local] | %d | %d | %.1f | %.2f | %.2f%n", p,
          manifest.imagesSegmented(), manifest.seconds(), pipelineRate, pipelineRate / bare);
    }
  }

  /** Images per second of {@code threads} threads, each with its own replica, over all images. */
  double bareLoop(UNetModelHandler handler, List<LabeledImage> images, int threads) throws Exception {
    List<LoadedModel> replicas = new ArrayList<>();
    LoadedModel first = handler.load();
    replicas.add(first);
    for (int i = 1; i < threads; i++) {
      replicas.add(first.replica());
    }
    AtomicLong next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (LoadedModel replica : replicas) {
        done.add(pool.submit(() -> {
          for (long start = next.getAndAdd(BATCH); start < images.size(); start = next.getAndAdd(BATCH)) {
            handler.run(replica, images.subList((int) start, (int) Math.min(images.size(), start + BATCH)));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return images.size() / ((System.nanoTime() - started) / 1e9);
  }

  private InferManifest pipeline(Path dicoms, Path model, int parallelism) throws Exception {
    Path output = work.resolve("out-p" + parallelism);
    String[] args = {"--input=" + dicoms, "--model=" + model, "--output=" + output,
        "--registry=" + work.resolve("registry"), "--runner=FlinkRunner", "--flinkMaster=[local]",
        "--parallelism=" + parallelism, "--modelReplicas=" + parallelism, "--batchSize=" + BATCH};
    return InferPipeline.run(PipelineOptionsFactory.fromArgs(args).as(InferOptions.class));
  }

  /** Native (JavaCPP-tracked) and resident memory of loading the model, then of a second replica. */
  private void memory(Path modelFile) throws IOException {
    System.gc();
    long nativeBefore = Pointer.totalBytes();
    long rssBefore = Pointer.physicalBytes();
    LoadedModel one = ModelFile.load(modelFile);
    one.net().predictProbabilities(new float[BATCH * one.net().config().pixelsPerImage()], BATCH);
    long nativeOne = Pointer.totalBytes();
    long rssOne = Pointer.physicalBytes();
    LoadedModel two = one.replica();
    two.net().predictProbabilities(new float[BATCH * two.net().config().pixelsPerImage()], BATCH);
    long nativeTwo = Pointer.totalBytes();
    long rssTwo = Pointer.physicalBytes();
    out.printf(Locale.ROOT, "model memory per worker JVM (batch %d run once): 1 replica +%.0f MB native, +%.0f MB RSS;"
        + " 2 replicas +%.0f MB native, +%.0f MB RSS%n", BATCH, mb(nativeOne - nativeBefore), mb(rssOne - rssBefore),
        mb(nativeTwo - nativeBefore), mb(rssTwo - rssBefore));
  }

  private static double mb(long bytes) { return bytes / 1e6; }

  private static int max(int[] values) {
    int m = 1;
    for (int v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  private static Path defaultModel(Path file) throws IOException {
    ModelFile.save(file, new SameDiffUNet(UNetConfig.defaultModel()),
        ModelProvenance.of(PreprocessOptions.modelDefaults(UNetConfig.DEFAULT_INPUT_SIZE)));
    return file;
  }

  private static List<LabeledImage> decodeAll(Path dicoms) throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dicoms)) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    List<LabeledImage> images = new ArrayList<>();
    for (Path f : files) {
      DicomFrameDecoder.decode(Files.readAllBytes(f), f.toString()).forEach(i -> images.add(LabeledImage.unlabeled(i)));
    }
    return images;
  }
}
