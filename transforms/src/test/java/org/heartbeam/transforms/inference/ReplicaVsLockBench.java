package org.heartbeam.transforms.inference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.heartbeam.model.file.LoadedModel;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.file.ModelProvenance;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.UNetConfig;

/**
 * Which way should two threads share the U-Net: one net under a lock, or a replica each? Runs the
 * default model on 256x256 images through {@link ModelPool} exactly as {@link RunInferenceFn} does,
 * alternating the two settings, and prints images per second. Not a test: run it by hand, with
 * {@code OMP_NUM_THREADS=1} set before the JVM starts:
 * {@code java -cp <test classpath> org.heartbeam.transforms.inference.ReplicaVsLockBench [batches]}.
 */
public final class ReplicaVsLockBench {
  private static final int THREADS = 2;
  private static final int BATCH = 4;

  private ReplicaVsLockBench() {}

  public static void main(String[] args) throws Exception {
    int batchesPerThread = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    Path dir = Files.createTempDirectory("replica-bench");
    Path file = dir.resolve("default.hbmodel");
    ModelFile.save(file, new SameDiffUNet(UNetConfig.defaultModel()),
        ModelProvenance.of(PreprocessOptions.modelDefaults(UNetConfig.DEFAULT_INPUT_SIZE)));
    List<LabeledImage> batch = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      batch.add(LabeledImage.unlabeled(TinyUNet.image(256, 256, i)));
    }
    System.out.println("OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS") + ", " + THREADS + " threads, "
        + batchesPerThread + " batches of " + BATCH + " 256x256 images each, default model");
    for (int round = 0; round < 2; round++) {
      for (int replicas : new int[] {1, THREADS}) {
        UNetModelHandler handler = UNetModelHandler.forFile(file).withMaxReplicas(replicas)
            .withModelVersion("round" + round + "-" + replicas); // version is not in the cache key: fresh pool below
        ModelPool<LoadedModel> pool = new ModelPool<>(handler);
        pool.loadOnce();
        warmUp(pool, handler, batch);
        double perSecond = imagesPerSecond(pool, handler, batch, batchesPerThread);
        System.out.printf("round %d, %s: %.2f images/s (%d instances)%n", round,
            replicas == 1 ? "one net under a lock" : "a replica per thread", perSecond, pool.instances());
      }
    }
  }

  /** Both threads' first batches (replica creation, graph set-up) are not timed. */
  private static void warmUp(ModelPool<LoadedModel> pool, UNetModelHandler handler, List<LabeledImage> batch)
      throws Exception {
    imagesPerSecond(pool, handler, batch, 1);
  }

  private static double imagesPerSecond(ModelPool<LoadedModel> pool, UNetModelHandler handler,
      List<LabeledImage> batch, int batchesPerThread) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      done.add(threads.submit(() -> {
        for (int b = 0; b < batchesPerThread; b++) {
          LoadedModel model = pool.borrow(() -> { });
          try {
            handler.run(model, batch);
          } finally {
            pool.giveBack(model);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    threads.shutdown();
    return THREADS * batchesPerThread * BATCH / ((System.nanoTime() - start) / 1e9);
  }
}
