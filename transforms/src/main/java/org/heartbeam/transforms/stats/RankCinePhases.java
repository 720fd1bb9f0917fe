package org.heartbeam.transforms.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.model.volume.CinePhases;

/**
 * Gives every image its cine phase before anything is written: headers without a phase index (real
 * Sunnybrook data has no TemporalPositionIdentifier) get the rank of their trigger time within their
 * slice of the series ({@link CinePhases}, the phases {@link EstimateVolumes} sums by), so images.csv
 * and the report say "phase 7", not "phase -1". Images that have a phase, or lack a series, slice
 * position or trigger time, pass unchanged; nothing is dropped (as many images out as in). Batch
 * only: the ranking needs a whole series, so only the statistics (no pixels) are grouped.
 */
public final class RankCinePhases extends PTransform<PCollection<ImageStatistics>, PCollection<ImageStatistics>> {
  private static final TupleTag<ImageStatistics> AS_READ = new TupleTag<ImageStatistics>("as-read") {};
  private static final TupleTag<KV<String, ImageStatistics>> TO_RANK =
      new TupleTag<KV<String, ImageStatistics>>("to-rank") {};

  private RankCinePhases() {}

  public static RankCinePhases create() { return new RankCinePhases(); }

  @Override
  public PCollection<ImageStatistics> expand(PCollection<ImageStatistics> images) {
    PCollectionTuple split = images.apply("NeedsRank", ParDo.of(new SplitFn())
        .withOutputTags(AS_READ, TupleTagList.of(TO_RANK)));
    PCollection<ImageStatistics> asRead = split.get(AS_READ).setCoder(SerializableCoder.of(ImageStatistics.class));
    PCollection<ImageStatistics> ranked = split.get(TO_RANK)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(ImageStatistics.class)))
        .apply("BySeries", GroupByKey.create())
        .apply("RankTriggerTimes", ParDo.of(new RankFn()))
        .setCoder(SerializableCoder.of(ImageStatistics.class));
    return PCollectionList.of(asRead).and(ranked).apply("AllImages", Flatten.pCollections());
  }

  private static final class SplitFn extends DoFn<ImageStatistics, ImageStatistics> {
    @ProcessElement
    public void process(@Element ImageStatistics image, MultiOutputReceiver out) {
      boolean rankable = image.phaseIndex() < 0 && !image.seriesKey().isEmpty() && image.hasSlicePosition()
          && Double.isFinite(image.triggerTimeMs());
      if (rankable) {
        out.get(TO_RANK).output(KV.of(image.modelVersion() + "/" + image.studyKey() + "/" + image.seriesKey(), image));
      } else {
        out.get(AS_READ).output(image);
      }
    }
  }

  private static final class RankFn extends DoFn<KV<String, Iterable<ImageStatistics>>, ImageStatistics> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<ImageStatistics>> series, OutputReceiver<ImageStatistics> out) {
      List<ImageStatistics> images = new ArrayList<>();
      series.getValue().forEach(images::add);
      for (List<ImageStatistics> slice : CinePhases.bySlice(images, ImageStatistics::slicePositionMm)) {
        List<ImageStatistics> byTime = CinePhases.byTriggerTime(slice, ImageStatistics::triggerTimeMs);
        for (int phase = 0; phase < byTime.size(); phase++) {
          out.output(byTime.get(phase).withPhaseIndex(phase));
        }
      }
    }
  }
}
