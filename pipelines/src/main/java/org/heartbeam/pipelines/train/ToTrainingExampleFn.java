package org.heartbeam.pipelines.train;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.model.preprocess.PreparedImage;
import org.heartbeam.transforms.augment.TrainingExample;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * A prepared image becomes a training example; one without an expert label, or with pixels a
 * training step cannot take (not finite), becomes a dead letter (stage "training-example").
 */
final class ToTrainingExampleFn extends DoFn<PreparedImage, TrainingExample> {
  static final String STAGE = "training-example";
  static final TupleTag<TrainingExample> EXAMPLES = new TupleTag<TrainingExample>("examples") {};

  private final Counter emitted = Metrics.counter(ToTrainingExampleFn.class, "emitted");
  private final Counter deadLettered = Metrics.counter(ToTrainingExampleFn.class, "deadLettered");

  @ProcessElement
  public void process(@Element PreparedImage prepared, MultiOutputReceiver out) {
    String reason;
    if (!prepared.isLabeled()) {
      reason = "image has no expert label";
    } else {
      TrainingExample example = TrainingExample.of(prepared);
      if (example.isWellFormed()) {
        emitted.inc();
        out.get(EXAMPLES).output(example);
        return;
      }
      reason = "pixels not finite or mask not 0/1";
    }
    deadLettered.inc();
    out.get(WithDeadLetters.DEAD_LETTER_TAG).output(new DeadLetter(prepared.sourceUri(), STAGE, reason));
  }
}
