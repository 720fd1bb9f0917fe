package org.heartbeam.registry;

/**
 * Inference latency of one model on this machine: the median over {@code runs} timed batches of
 * {@code batchSize} images (after {@code warmUp} untimed ones), divided by the batch size, with the
 * engine, input size and ND4J OpenMP thread count it ran with.
 */
public record LatencyMeasurement(double msPerImage, int batchSize, int warmUp, int runs, int ompThreads,
    String engine, int inputHeight, int inputWidth) {

  /** e.g. "12.3 ms/image (median of 5 runs, batch 1, 160x160, 1 OpenMP thread, samediff-nhwc)". */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "%.3f ms/image (median of %d runs, batch %d, %dx%d, %d OpenMP thread%s, %s)",
        msPerImage, runs, batchSize, inputHeight, inputWidth, ompThreads, ompThreads == 1 ? "" : "s", engine);
  }
}
