package org.heartbeam.pipelines.files;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * Runs a batch pipeline to its end: its outputs and counters count only if it ended DONE. A run
 * that ends FAILED, CANCELLED or otherwise is an error naming the pipeline and the state (a failing
 * DoFn usually throws from {@code waitUntilFinish} before that).
 */
public final class BatchRun {
  private BatchRun() {}

  /**
   * Runs {@code pipeline}, waits for it, and returns its result if DONE.
   *
   * @param name what the pipeline is, for the message: "the &lt;name&gt; pipeline ended in state ..."
   * @throws IllegalStateException if it ended in any other state
   */
  public static PipelineResult untilDone(Pipeline pipeline, String name) {
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (state == null) {
      state = result.getState();
    }
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the " + name + " pipeline ended in state " + state);
    }
    return result;
  }
}
