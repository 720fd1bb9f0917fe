package org.heartbeam.pipelines.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Sessions;
import org.apache.beam.sdk.transforms.windowing.Trigger;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.model.stats.StudyVolumes;
import org.heartbeam.transforms.coders.LabeledImageCoder;
import org.heartbeam.transforms.coders.SegmentedImageCoder;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.transforms.dicom.WatchDicomFolder;
import org.heartbeam.transforms.dicom.WatchTermination;
import org.heartbeam.transforms.inference.BatchingHints;
import org.heartbeam.transforms.inference.RegistryFollowingHandler;
import org.heartbeam.transforms.inference.RunInference;
import org.heartbeam.transforms.output.WriteMaskImages;
import org.heartbeam.transforms.output.WriteSegmentations;
import org.heartbeam.transforms.output.WrittenFile;
import org.heartbeam.transforms.stats.ComputeImageStatistics;
import org.heartbeam.transforms.stats.EstimateVolumes;

/**
 * The streaming inference pipeline: the batch pipeline's steps (decoder, {@link RunInference},
 * {@link ComputeImageStatistics}, {@link EstimateVolumes}) on an unbounded input, with windows.
 *
 * <pre>
 *   WatchDicomFolder -> RunInference(RegistryFollowingHandler: hot swap) -> ComputeImageStatistics
 *     -> WriteMaskImages (masks/&lt;study&gt;/&lt;series&gt;/&lt;key&gt;_mask.png, _overlay.png)
 *     -> WriteImageRecord (images/&lt;key&gt;.&lt;version&gt;.json)
 *          -> FixedWindows(windowSeconds) -> WindowStatisticsFn -> windows/&lt;start&gt;_&lt;end&gt;.json
 *     -> Sessions(sessionGapSeconds) -> EstimateVolumes (per version, study, series) -> volumes/...json
 *   RunInference -> Sessions(sessionGapSeconds) -> WriteSegmentations (per version and series)
 *     -> seg/&lt;study&gt;/&lt;series&gt;/seg.&lt;version&gt;.dcm
 *   dead letters of every step -> dead_letters/&lt;hash&gt;.json
 * </pre>
 *
 * <p>Time: element timestamps are the watch's sightings (arrival, processing time), so the watermark
 * follows the clock. Late data: both windowings allow as much lateness as their own length (window or
 * gap) and fire again, accumulating, for each late image, rewriting the same window-named file: so an
 * image replayed after a restore, or delayed in a busy stage, still counts in its window and session.
 * An image of a study that arrives after the study's session closed (more than the gap after its last
 * image) is not late but a new session: it gets its own volumes file, which (being a partial cine
 * stack) says why its EF is not computable; the earlier session's file is kept as it was. The SEG,
 * named by series and model version but not session, is the exception: the new session's SEG
 * replaces the earlier one.
 *
 * <p>Exactly-once in the output folder: every file has a deterministic name (image key and model
 * version; window bounds; series) and is written atomically ({@link AtomicFiles}; the PNGs and SEGs
 * by temporary file and rename through Beam's file systems), so whatever a runner
 * replays after a failure overwrites the same files. With Flink checkpointing, the watch's set of
 * seen files and the windows' state are restored together, so no file is lost either.
 */
public final class StreamPipeline {
  /** Mask and overlay PNGs per image, named by image key (a replay rewrites the same two files). */
  public static final String MASKS_DIR = "masks";
  /** One DICOM SEG per series, model version and session, rewritten whole (same UIDs) as its session fires. */
  public static final String SEG_DIR = "seg";
  private static final Duration MAX_BATCH_WAIT = Duration.ofMillis(500);
  private static final TupleTag<StreamedImage> RECORDS = new TupleTag<StreamedImage>("records") {};

  private StreamPipeline() {}

  /** Checks the options, resolves the model, builds and runs the stream until it ends or is cancelled. */
  public static PipelineResult run(StreamOptions options) throws IOException {
    Pipeline pipeline = plan(options);
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    return result;
  }

  /** Validates the options and builds the graph on a new pipeline (the output folder is created). */
  public static Pipeline plan(StreamOptions options) throws IOException {
    options.setStreaming(true);
    positive("--windowSeconds", options.getWindowSeconds());
    positive("--sessionGapSeconds", options.getSessionGapSeconds());
    positive("--pollSeconds", options.getPollSeconds());
    positive("--batchSize", options.getBatchSize());
    notNegative("--modelRefreshSeconds", options.getModelRefreshSeconds());
    notNegative("--idleStopSeconds", options.getIdleStopSeconds());
    notNegative("--maxSeconds", options.getMaxSeconds());
    notNegative("--modelReplicas", options.getModelReplicas());
    if (!Files.isDirectory(Paths.get(options.getInput()))) {
      throw new IllegalArgumentException("--input is not a folder: " + options.getInput());
    }
    int replicas = options.getModelReplicas() == 0
        ? Runtime.getRuntime().availableProcessors() : options.getModelReplicas();
    RegistryFollowingHandler handler = RegistryFollowingHandler.of(options.getRegistry(), options.getModel())
        .withRefresh(org.joda.time.Duration.standardSeconds(options.getModelRefreshSeconds()))
        .withBatching(BatchingHints.of(options.getBatchSize(), MAX_BATCH_WAIT))
        .withMaxReplicas(replicas);
    Path output = Files.createDirectories(Paths.get(options.getOutput()).toAbsolutePath().normalize());
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options, handler, output.toString());
    return pipeline;
  }

  /** The graph, on a pipeline the caller made. */
  public static void build(Pipeline pipeline, StreamOptions options, RegistryFollowingHandler handler,
      String output) {
    List<PCollection<DeadLetter>> deadLetters = new ArrayList<>();
    org.joda.time.Duration poll = org.joda.time.Duration.standardSeconds(options.getPollSeconds());
    WithDeadLetters<CardiacImage> read = pipeline.apply("WatchDicomFolder",
        WatchDicomFolder.of(options.getInput()).withPollInterval(poll).withTermination(termination(options)));
    deadLetters.add(read.deadLetters());
    PCollection<LabeledImage> images = read.output()
        .apply("Unlabelled", MapElements.into(TypeDescriptor.of(LabeledImage.class)).via(LabeledImage::unlabeled))
        .setCoder(LabeledImageCoder.of());

    WithDeadLetters<SegmentedImage> segmented = images.apply("RunInference",
        RunInference.of(handler).withOutputCoder(SegmentedImageCoder.of()));
    deadLetters.add(segmented.deadLetters());
    WithDeadLetters<WrittenFile> pngs = segmented.output().apply("WriteMaskImages",
        WriteMaskImages.to(output + "/" + MASKS_DIR));
    deadLetters.add(pngs.deadLetters());
    WithDeadLetters<ImageStatistics> statistics = segmented.output().apply("ComputeImageStatistics",
        ComputeImageStatistics.create());
    deadLetters.add(statistics.deadLetters());

    // Arrival may precede the sighting by up to a poll interval, plus slack for a slow listing.
    long maxListingLag = poll.getMillis() + 10_000;
    PCollectionTuple written = statistics.output().apply("WriteImageRecords",
        ParDo.of(new WriteImageRecordFn(output, maxListingLag, RECORDS))
            .withOutputTags(RECORDS, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    deadLetters.add(written.get(WithDeadLetters.DEAD_LETTER_TAG));
    PCollection<StreamedImage> records = written.get(RECORDS).setCoder(SerializableCoder.of(StreamedImage.class));
    if (options.getFailOnceAfterImages() > 0) {
      if (options.getFailOnceMarker().isEmpty()) {
        throw new IllegalArgumentException("--failOnceAfterImages needs --failOnceMarker");
      }
      records = records.apply("FailOnce(test)",
          ParDo.of(new FailOnceFn(options.getFailOnceAfterImages(), options.getFailOnceMarker())))
          .setCoder(SerializableCoder.of(StreamedImage.class));
    }

    org.joda.time.Duration window = org.joda.time.Duration.standardSeconds(options.getWindowSeconds());
    records.apply("FixedWindows", Window.<StreamedImage>into(FixedWindows.of(window))
            .triggering(trigger(poll))
            .withAllowedLateness(window)
            .accumulatingFiredPanes())
        .apply("WindowStatistics", Combine.globally(new WindowStatisticsFn()).withoutDefaults())
        .apply("WriteWindows", ParDo.of(new WriteWindowFiles.StatisticsFn(output)));

    org.joda.time.Duration gap = org.joda.time.Duration.standardSeconds(options.getSessionGapSeconds());
    WithDeadLetters<StudyVolumes> volumes = statistics.output()
        .apply("StudySessions", StreamPipeline.<ImageStatistics>studySessions(gap, poll))
        .apply("EstimateVolumes", EstimateVolumes.create());
    volumes.output().apply("WriteVolumes", ParDo.of(new WriteWindowFiles.VolumesFn(output)));
    deadLetters.add(volumes.deadLetters());

    // The same sessions as the volumes, so a series' SEG holds the images its EF was computed from.
    // Panes accumulate: each firing rewrites the whole SEG under its one name with the same UIDs. One
    // SEG per model version: a promotion mid-series would otherwise make the series one dead letter.
    WithDeadLetters<WrittenFile> segs = segmented.output()
        .apply("SegSessions", StreamPipeline.<SegmentedImage>studySessions(gap, poll))
        .apply("WriteSegmentations", WriteSegmentations.to(output + "/" + SEG_DIR).perModelVersion());
    deadLetters.add(segs.deadLetters());

    // Written where they arise, not flattened: the session step's dead letters are in session windows.
    for (int i = 0; i < deadLetters.size(); i++) {
      deadLetters.get(i).apply("WriteDeadLetters" + i, ParDo.of(new WriteWindowFiles.DeadLetterFn(output)));
    }
  }

  /**
   * On time at the end of the window, early every {@code early} of processing time while images come
   * in, and again for each late image; panes accumulate, so the last file written for a window holds
   * all of it. The early panes make windows visible while they are open, and they are what writes a
   * window on Flink when the watch ends: Flink's SDF operator does not pass the watch's final
   * watermark on, so windows open at the end would otherwise never fire (processing-time timers are
   * run before the operator closes).
   */
  static Trigger trigger(org.joda.time.Duration early) {
    return AfterWatermark.pastEndOfWindow()
        .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(early))
        .withLateFirings(AfterPane.elementCountAtLeast(1));
  }

  /**
   * A study's session: it closes {@code gap} after its last image, fires early every {@code early}
   * while open and again for each image up to one gap late, with accumulating panes. The volumes and
   * the SEGs use this one definition so that both see the same images per session.
   */
  static <T> Window<T> studySessions(org.joda.time.Duration gap, org.joda.time.Duration early) {
    return Window.<T>into(Sessions.withGapDuration(gap))
        .triggering(trigger(early))
        .withAllowedLateness(gap)
        .accumulatingFiredPanes();
  }

  static WatchTermination termination(StreamOptions options) {
    org.joda.time.Duration idle = org.joda.time.Duration.standardSeconds(options.getIdleStopSeconds());
    org.joda.time.Duration max = org.joda.time.Duration.standardSeconds(options.getMaxSeconds());
    if (options.getIdleStopSeconds() > 0) {
      // Beam's idle condition never fires if nothing ever arrived: bound it (a day when no --maxSeconds).
      return WatchTermination.afterIdle(idle, options.getMaxSeconds() > 0 ? max : org.joda.time.Duration.standardDays(1));
    }
    return options.getMaxSeconds() > 0 ? WatchTermination.afterTotal(max) : WatchTermination.never();
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }
  }

  private static void notNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }
}
