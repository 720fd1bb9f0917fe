package org.heartbeam.transforms.stats;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Keys an image by model version, study and series for {@link EstimateVolumes}; an image that cannot
 * be placed in a cine stack (no Study or Series Instance UID, or no slice position) is dead-lettered,
 * not guessed into some study.
 */
final class KeyBySeriesFn extends DoFn<ImageStatistics, KV<String, ImageStatistics>> {
  private final TupleTag<KV<String, ImageStatistics>> outputTag;
  private final Counter read = Metrics.counter(EstimateVolumes.class, EstimateVolumes.IMAGES_READ);
  private final Counter grouped = Metrics.counter(EstimateVolumes.class, EstimateVolumes.IMAGES_GROUPED);
  private final Counter dead = Metrics.counter(EstimateVolumes.class, EstimateVolumes.IMAGES_DEAD_LETTERED);

  KeyBySeriesFn(TupleTag<KV<String, ImageStatistics>> outputTag) {
    this.outputTag = outputTag;
  }

  @ProcessElement
  public void process(@Element ImageStatistics image, MultiOutputReceiver out) {
    read.inc();
    String problem = image.studyKey().isEmpty() ? "no StudyInstanceUID: the image belongs to no study"
        : image.seriesKey().isEmpty() ? "no SeriesInstanceUID: the image belongs to no series"
        : !image.hasSlicePosition() ? "no ImagePositionPatient/ImageOrientationPatient: no slice position"
        : null;
    if (problem != null) {
      dead.inc();
      out.get(WithDeadLetters.DEAD_LETTER_TAG).output(new DeadLetter(image.sourceUri(), EstimateVolumes.STAGE,
          problem + "; it cannot take part in an LV volume"));
      return;
    }
    grouped.inc();
    // Study and series keys have a fixed length, so the joined key is unambiguous.
    out.get(outputTag).output(KV.of(image.modelVersion() + "/" + image.studyKey() + "/" + image.seriesKey(), image));
  }
}
