package org.heartbeam.transforms.output;

import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.transforms.sunnybrook.ReadSunnybrook;

/** The phantom read by the production reader, "predicted" by its own labels, plus extra images. */
final class PhantomPipelineInput {
  private PhantomPipelineInput() {}

  static PCollection<SegmentedImage> of(Pipeline pipeline, String phantomRoot, List<SegmentedImage> extra) {
    WithDeadLetters<LabeledImage> read = pipeline.apply("ReadPhantom", ReadSunnybrook.from(phantomRoot));
    PCollection<SegmentedImage> segmented = read.output()
        .apply("PredictWithLabel", MapElements.into(TypeDescriptor.of(SegmentedImage.class))
            .via((LabeledImage l) -> SegmentedImage.of(l, l.label().orElseThrow(), PhantomSegmentations.MODEL)))
        .setCoder(SerializableCoder.of(SegmentedImage.class));
    if (extra.isEmpty()) {
      return segmented;
    }
    PCollection<SegmentedImage> more = pipeline.apply("Extra",
        Create.of(extra).withCoder(SerializableCoder.of(SegmentedImage.class)));
    return PCollectionList.of(segmented).and(more).apply("All", Flatten.pCollections());
  }
}
