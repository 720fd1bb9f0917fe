package org.heartbeam.transforms.stats;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/** Measures one segmented image; an image the metrics refuse becomes a dead letter. */
final class ComputeImageStatisticsFn extends DoFn<SegmentedImage, ImageStatistics> {
  private final TupleTag<ImageStatistics> outputTag;
  private final Counter read = Metrics.counter(ComputeImageStatistics.class, ComputeImageStatistics.READ);
  private final Counter emitted = Metrics.counter(ComputeImageStatistics.class, ComputeImageStatistics.EMITTED);
  private final Counter dead = Metrics.counter(ComputeImageStatistics.class, ComputeImageStatistics.DEAD_LETTERED);

  ComputeImageStatisticsFn(TupleTag<ImageStatistics> outputTag) {
    this.outputTag = outputTag;
  }

  @ProcessElement
  public void process(@Element SegmentedImage image, MultiOutputReceiver out) {
    read.inc();
    ImageStatistics statistics;
    try {
      statistics = ImageStatistics.of(image);
    } catch (RuntimeException e) {
      // The model types validate on construction, so this is a metric refusing odd geometry: that
      // image's problem, not the run's.
      dead.inc();
      out.get(WithDeadLetters.DEAD_LETTER_TAG)
          .output(DeadLetter.of(image.image().sourceUri(), ComputeImageStatistics.STAGE, e));
      return;
    }
    emitted.inc();
    out.get(outputTag).output(statistics);
  }
}
