package org.heartbeam.transforms.stats;

import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Segmented images to their {@link ImageStatistics} (LV area always; Dice, IoU, precision, recall,
 * HD95, ASSD against the label when there is one). Counters in namespace
 * {@code ComputeImageStatistics}: {@value #READ} = {@value #EMITTED} + {@value #DEAD_LETTERED}.
 */
public final class ComputeImageStatistics
    extends PTransform<PCollection<SegmentedImage>, WithDeadLetters<ImageStatistics>> {
  public static final String STAGE = "image-statistics";
  public static final String READ = "images-read";
  public static final String EMITTED = "statistics-emitted";
  public static final String DEAD_LETTERED = "dead-lettered";

  private static final TupleTag<ImageStatistics> STATISTICS = new TupleTag<ImageStatistics>("statistics") {};

  private ComputeImageStatistics() {}

  public static ComputeImageStatistics create() { return new ComputeImageStatistics(); }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("statistics", "LV area; Dice, IoU, precision, recall, HD95, ASSD when labelled").withLabel("Per-image statistics"));
  }

  @Override
  public WithDeadLetters<ImageStatistics> expand(PCollection<SegmentedImage> images) {
    PCollectionTuple measured = images.apply("Measure", ParDo.of(new ComputeImageStatisticsFn(STATISTICS))
        .withOutputTags(STATISTICS, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    measured.get(STATISTICS).setCoder(SerializableCoder.of(ImageStatistics.class));
    return WithDeadLetters.of(measured, STATISTICS);
  }
}
