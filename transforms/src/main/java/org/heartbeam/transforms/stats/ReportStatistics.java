package org.heartbeam.transforms.stats;

import java.util.Objects;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.model.stats.StudyVolumes;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * The whole statistics output of an inference run: per-image statistics, per-patient and per-run
 * summaries, LV volumes and EF per series, all written by {@link WriteStatistics} under one
 * directory. Returns the series volumes and every dead letter of the way (images the metrics refused,
 * images that belong to no cine stack), for the caller to write next to the outputs.
 */
public final class ReportStatistics extends PTransform<PCollection<SegmentedImage>, WithDeadLetters<StudyVolumes>> {
  private static final TupleTag<StudyVolumes> VOLUMES = new TupleTag<StudyVolumes>("volumes") {};
  private final String outputDir;

  private ReportStatistics(String outputDir) {
    this.outputDir = Objects.requireNonNull(outputDir, "outputDir");
  }

  public static ReportStatistics to(String outputDir) { return new ReportStatistics(outputDir); }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("outputDirectory", outputDir).withLabel("Output folder"));
  }

  @Override
  public WithDeadLetters<StudyVolumes> expand(PCollection<SegmentedImage> images) {
    WithDeadLetters<ImageStatistics> measured = images.apply("ComputeImageStatistics", ComputeImageStatistics.create());
    PCollection<ImageStatistics> statistics = measured.output().apply("RankCinePhases", RankCinePhases.create());
    statistics.apply("WriteImages", WriteStatistics.images(outputDir));
    statistics.apply("PerPatient", SummarizeStatistics.perPatient())
        .apply("WritePatients", WriteStatistics.patients(outputDir));
    statistics.apply("PerRun", SummarizeStatistics.perRun())
        .apply("WriteRun", WriteStatistics.run(outputDir));
    WithDeadLetters<StudyVolumes> volumes = statistics.apply("EstimateVolumes", EstimateVolumes.create());
    volumes.output().apply("WriteVolumes", WriteStatistics.volumes(outputDir));
    return WithDeadLetters.of(VOLUMES, volumes.output(), PCollectionList.of(measured.deadLetters())
        .and(volumes.deadLetters()).apply("AllDeadLetters", Flatten.pCollections()));
  }
}
