package org.heartbeam.transforms.stats;

import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.SegmentedImage;

/** Test stand-in for inference: a perfect model that "predicts" each labelled image's expert mask. */
final class ExpertMasks extends PTransform<PCollection<LabeledImage>, PCollection<SegmentedImage>> {
  static final String MODEL_VERSION = "expert-contours";

  @Override
  public PCollection<SegmentedImage> expand(PCollection<LabeledImage> labelled) {
    return labelled
        .apply("LabelAsPrediction", MapElements.into(TypeDescriptor.of(SegmentedImage.class))
            .via(l -> SegmentedImage.of(l, l.label().orElseThrow(), MODEL_VERSION)))
        .setCoder(SerializableCoder.of(SegmentedImage.class));
  }
}
