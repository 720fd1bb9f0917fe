package org.heartbeam.transforms.augment;

import java.util.Objects;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One augmented copy of each training example per epoch in [{@code firstEpoch}, {@code lastEpoch}],
 * keyed by epoch. Each copy is seeded by {@link Augmenter#seedFor}(seed, epoch, imageKey), so the
 * output does not depend on the runner, the bundle or the order. An example that cannot be
 * augmented (malformed) becomes one dead letter (stage "augment"), not one per epoch.
 */
public final class AugmentFn extends DoFn<TrainingExample, KV<Integer, TrainingExample>> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(AugmentFn.class);
  public static final String STAGE = "augment";
  public static final TupleTag<KV<Integer, TrainingExample>> AUGMENTED =
      new TupleTag<KV<Integer, TrainingExample>>("augmented") {};

  private final AugmentOptions options;
  private final long seed;
  private final int firstEpoch;
  private final int lastEpoch;
  private final Counter read = Metrics.counter(AugmentFn.class, "read");
  private final Counter emitted = Metrics.counter(AugmentFn.class, "emitted");
  private final Counter deadLettered = Metrics.counter(AugmentFn.class, "deadLettered");

  public AugmentFn(AugmentOptions options, long seed, int firstEpoch, int lastEpoch) {
    if (firstEpoch < 1 || lastEpoch < firstEpoch) {
      throw new IllegalArgumentException("epochs must satisfy 1 <= first <= last: " + firstEpoch + ".." + lastEpoch);
    }
    this.options = Objects.requireNonNull(options, "options");
    this.seed = seed;
    this.firstEpoch = firstEpoch;
    this.lastEpoch = lastEpoch;
  }

  @ProcessElement
  public void processElement(@Element TrainingExample example, MultiOutputReceiver out) {
    read.inc();
    if (!example.isWellFormed()) {
      refuse(example, "pixels not finite or mask not 0/1", out);
      return;
    }
    for (int epoch = firstEpoch; epoch <= lastEpoch; epoch++) {
      TrainingExample augmented;
      try {
        augmented = Augmenter.augment(example, options, Augmenter.seedFor(seed, epoch, example.imageKey()));
      } catch (RuntimeException e) {
        refuse(example, e.getClass().getSimpleName() + ": " + e.getMessage(), out);
        return;
      }
      out.get(AUGMENTED).output(KV.of(epoch, augmented));
    }
    emitted.inc();
  }

  private void refuse(TrainingExample example, String reason, MultiOutputReceiver out) {
    LOG.warn("cannot augment image {}: {}", example.imageKey(), reason);
    deadLettered.inc();
    out.get(WithDeadLetters.DEAD_LETTER_TAG).output(new DeadLetter("image:" + example.imageKey(), STAGE, reason));
  }
}
