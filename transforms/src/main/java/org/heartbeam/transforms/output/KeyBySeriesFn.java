package org.heartbeam.transforms.output;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.SegmentedImage;

/**
 * Keys images by Series Instance UID (and model version, if asked) for grouping into one SEG per series. Images without study,
 * series or SOP Instance UIDs (TFRecords) cannot be referenced by a SEG: they are counted
 * ({@value WriteSegmentations#IMAGES_WITHOUT_UIDS}), not dead-lettered, since nothing is wrong with them
 * and their PNGs are written all the same.
 */
final class KeyBySeriesFn extends DoFn<SegmentedImage, KV<String, SegmentedImage>> {
  private static final long serialVersionUID = 1L;

  private final Counter read = Metrics.counter(WriteSegmentations.class, WriteSegmentations.IMAGES_READ);
  private final Counter withoutUids = Metrics.counter(WriteSegmentations.class, WriteSegmentations.IMAGES_WITHOUT_UIDS);
  private final boolean perModelVersion;

  /** @param perModelVersion key by series and model version, so each version's images get their own SEG */
  KeyBySeriesFn(boolean perModelVersion) {
    this.perModelVersion = perModelVersion;
  }

  @ProcessElement
  public void process(@Element SegmentedImage segmented, OutputReceiver<KV<String, SegmentedImage>> out) {
    read.inc();
    CardiacImage image = segmented.image();
    if (image.studyInstanceUid().isEmpty() || image.seriesInstanceUid().isEmpty() || image.sopInstanceUid().isEmpty()) {
      withoutUids.inc();
      return;
    }
    // '|' cannot occur in a UID, so the two parts of the key cannot run into each other.
    String key = perModelVersion ? image.seriesInstanceUid() + "|" + segmented.modelVersion() : image.seriesInstanceUid();
    out.output(KV.of(key, segmented));
  }
}
