package org.heartbeam.transforms.preprocess;

import java.util.Objects;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.preprocess.ModelInputPreparer;
import org.heartbeam.model.preprocess.PreparedImage;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares each image for the U-Net with {@link ModelInputPreparer}; an image that cannot be
 * prepared (absurd size, window outside the image) becomes a dead letter on {@link
 * WithDeadLetters#DEAD_LETTER_TAG}, never an exception.
 */
public final class PrepareForModelFn extends DoFn<LabeledImage, PreparedImage> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PrepareForModelFn.class);
  public static final String STAGE = "preprocess";
  public static final TupleTag<PreparedImage> PREPARED = new TupleTag<PreparedImage>("prepared") {};

  private final PreprocessOptions options;
  private final Counter read = Metrics.counter(PrepareForModelFn.class, "read");
  private final Counter emitted = Metrics.counter(PrepareForModelFn.class, "emitted");
  private final Counter deadLettered = Metrics.counter(PrepareForModelFn.class, "deadLettered");

  public PrepareForModelFn(PreprocessOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  @ProcessElement
  public void processElement(@Element LabeledImage input, MultiOutputReceiver out) {
    read.inc();
    PreparedImage prepared;
    try {
      prepared = ModelInputPreparer.prepare(input, options);
    } catch (RuntimeException e) {
      // Any failure here is about this one image; the pipeline goes on without it, on the record.
      LOG.warn("cannot prepare image {} for the model: {}", input.image().imageKey(), e.getMessage());
      deadLettered.inc();
      out.get(WithDeadLetters.DEAD_LETTER_TAG).output(DeadLetter.of(input.image().sourceUri(), STAGE, e));
      return;
    }
    emitted.inc();
    out.get(PREPARED).output(prepared);
  }
}
