package org.heartbeam.transforms.stats;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.model.stats.StudyVolumes;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * LV volumes and EF per cine series: image statistics grouped by model version, study and series,
 * then {@link StudyVolumes} by Simpson's disc summation of the predicted areas.
 *
 * <p>Two kinds of failure, handled differently on purpose:
 * <ul>
 *   <li>an image that belongs to no series or has no slice position is a dead letter
 *       ({@value #STAGE}): it is the input that is wrong;
 *   <li>a series that is incomplete (one slice, one phase, a phase missing on some slice, ...) is a
 *       row of its own with {@code computable() == false} and the reason, and no EDV/ESV/EF: the
 *       study exists and users need to see that its EF could not be measured, and why.
 * </ul>
 * Counters in namespace {@code EstimateVolumes}: {@value #IMAGES_READ} = {@value #IMAGES_GROUPED} +
 * {@value #IMAGES_DEAD_LETTERED}; {@value #SERIES_COMPUTED} and {@value #SERIES_NOT_COMPUTABLE}.
 */
public final class EstimateVolumes extends PTransform<PCollection<ImageStatistics>, WithDeadLetters<StudyVolumes>> {
  public static final String STAGE = "volume-input";
  public static final String IMAGES_READ = "images-read";
  public static final String IMAGES_GROUPED = "images-grouped";
  public static final String IMAGES_DEAD_LETTERED = "images-dead-lettered";
  public static final String SERIES_COMPUTED = "series-computed";
  public static final String SERIES_NOT_COMPUTABLE = "series-not-computable";

  private static final TupleTag<KV<String, ImageStatistics>> KEYED =
      new TupleTag<KV<String, ImageStatistics>>("keyed") {};
  private static final TupleTag<StudyVolumes> VOLUMES = new TupleTag<StudyVolumes>("volumes") {};

  private EstimateVolumes() {}

  public static EstimateVolumes create() { return new EstimateVolumes(); }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("method", "Simpson's disc summation per (model version, study, series)").withLabel("Volume method"));
  }

  @Override
  public WithDeadLetters<StudyVolumes> expand(PCollection<ImageStatistics> images) {
    PCollectionTuple keyed = images.apply("KeyBySeries", ParDo.of(new KeyBySeriesFn(KEYED))
        .withOutputTags(KEYED, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    PCollection<StudyVolumes> volumes = keyed.get(KEYED)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(ImageStatistics.class)))
        .apply("SimpsonPerSeries", Combine.perKey(new StudyVolumesFn()))
        .apply("Volumes", Values.create())
        .setCoder(SerializableCoder.of(StudyVolumes.class))
        .apply("CountSeries", ParDo.of(new CountSeriesFn()))
        .setCoder(SerializableCoder.of(StudyVolumes.class));
    WithDeadLetters<KV<String, ImageStatistics>> inputs = WithDeadLetters.of(keyed, KEYED);
    return WithDeadLetters.of(VOLUMES, volumes, inputs.deadLetters());
  }

  /** Counts computed and not computable series, so a run's log shows how many EFs it has. */
  private static final class CountSeriesFn extends DoFn<StudyVolumes, StudyVolumes> {
    private final Counter computed = Metrics.counter(EstimateVolumes.class, SERIES_COMPUTED);
    private final Counter notComputable = Metrics.counter(EstimateVolumes.class, SERIES_NOT_COMPUTABLE);

    @ProcessElement
    public void process(@Element StudyVolumes volumes, OutputReceiver<StudyVolumes> out) {
      (volumes.computable() ? computed : notComputable).inc();
      out.output(volumes);
    }
  }
}
