package org.heartbeam.registry;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Measures what a model costs to run: the promotion gate asks a probe and judges the answer, so the
 * policy does not care how (or on what) the model was timed.
 */
@FunctionalInterface
public interface LatencyProbe {
  /**
   * The median time per image over {@code runs} timed batches of {@code batchSize} images, after
   * {@code warmUp} untimed ones.
   */
  LatencyMeasurement measure(Path modelFile, int batchSize, int warmUp, int runs) throws IOException;

  /** Loads the model as inference does and times it on this machine ({@link ModelLatencyProbe}). */
  static LatencyProbe onThisMachine() {
    return ModelLatencyProbe.INSTANCE;
  }
}
