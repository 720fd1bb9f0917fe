package org.heartbeam.pipelines.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.pipelines.files.BatchRun;
import org.heartbeam.pipelines.files.OutputFolder;
import org.heartbeam.pipelines.input.ImageSource;
import org.heartbeam.pipelines.input.ReadImages;
import org.heartbeam.transforms.coders.SegmentedImageCoder;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.transforms.deadletter.WriteDeadLetters;
import org.heartbeam.transforms.inference.BatchingHints;
import org.heartbeam.transforms.inference.RunInference;
import org.heartbeam.transforms.inference.UNetModelHandler;
import org.heartbeam.transforms.output.WriteMaskImages;
import org.heartbeam.transforms.output.WriteSegmentations;
import org.heartbeam.registry.ModelRegistry;
import org.heartbeam.registry.ResolvedModel;
import org.heartbeam.transforms.stats.ComputeImageStatistics;
import org.heartbeam.transforms.stats.EstimateVolumes;
import org.heartbeam.transforms.stats.RankCinePhases;
import org.heartbeam.transforms.stats.SummarizeStatistics;
import org.heartbeam.transforms.stats.WriteStatistics;

/**
 * The batch inference pipeline: every image of a folder is segmented by the U-Net (loaded once per
 * worker JVM), and the run writes masks and overlays, a DICOM SEG per series, statistics per image,
 * patient and run, LV volumes and EF per cine series, dead letters, and {@code infer_manifest.json}.
 *
 * <pre>
 *   ReadImages -> RunInference(UNetModelHandler) -> WriteMaskImages (masks/)
 *                                                -> WriteSegmentations (seg/)   [DICOM sources]
 *                                                -> ComputeImageStatistics -> RankCinePhases -> images.csv
 *                                                      -> SummarizeStatistics -> patients.csv, run.csv/json
 *                                                      -> EstimateVolumes -> volumes.csv/json   [DICOM sources]
 *   dead letters of every step -> dead_letters.jsonl
 * </pre>
 */
public final class InferPipeline {
  public static final String DEAD_LETTERS_FILE = "dead_letters";
  public static final String MASKS_DIR = "masks";
  public static final String SEG_DIR = "seg";
  /** Dead-letter stages after an image was segmented: one of its outputs is missing, not the image. */
  static final Set<String> OUTPUT_STAGES = Set.of(ComputeImageStatistics.STAGE, EstimateVolumes.STAGE,
      WriteMaskImages.STAGE, WriteSegmentations.STAGE);
  private static final Duration MAX_BATCH_WAIT = Duration.ofSeconds(1);
  private static final TupleTag<ImageStatistics> PHASED = new TupleTag<ImageStatistics>("phased") {};

  private InferPipeline() {}

  /** A built, not yet run, inference pipeline and what it needs to report on itself. */
  public static final class Plan {
    final Pipeline pipeline;
    final ImageSource source;
    final ResolvedModel model;
    final Path output;

    private Plan(Pipeline pipeline, ImageSource source, ResolvedModel model, Path output) {
      this.pipeline = pipeline;
      this.source = source;
      this.model = model;
      this.output = output;
    }

    public Pipeline pipeline() { return pipeline; }

    public ResolvedModel model() { return model; }
  }

  /** Checks the options, resolves the model, builds and runs the pipeline, writes and returns the manifest. */
  public static InferManifest run(InferOptions options) throws Exception {
    Plan plan = plan(options);
    prepareOutput(plan.output);
    long started = System.nanoTime();
    PipelineResult result = BatchRun.untilDone(plan.pipeline, "inference");
    double seconds = (System.nanoTime() - started) / 1e9;
    return InferManifest.write(plan.output, options, plan.source, plan.model, result, seconds);
  }

  /** Validates the options and builds the graph; nothing is written yet. */
  public static Plan plan(InferOptions options) throws IOException {
    if (!(options.getTfrecordPixelSpacingMm() > 0)) {
      throw new IllegalArgumentException("--tfrecordPixelSpacingMm must be > 0, got "
          + options.getTfrecordPixelSpacingMm());
    }
    ImageSource source = ImageSource.resolve(options.getInputFormat(), Paths.get(options.getInput()));
    ResolvedModel model = ModelRegistry.at(options.getRegistry()).resolve(options.getModel());
    UNetModelHandler handler = UNetModelHandler.forFile(model.modelFile())
        .withModelVersion(model.version())
        .withBatching(BatchingHints.of(options.getBatchSize(), MAX_BATCH_WAIT))
        .withMaxReplicas(options.getModelReplicas());
    Path output = Paths.get(options.getOutput()).toAbsolutePath().normalize();
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options, source, handler, output.toString());
    return new Plan(pipeline, source, model, output);
  }

  /** The graph, on a pipeline the caller made (tests use a TestPipeline). */
  public static void build(Pipeline pipeline, InferOptions options, ImageSource source, UNetModelHandler handler,
      String output) {
    List<PCollection<DeadLetter>> deadLetters = new ArrayList<>();
    WithDeadLetters<LabeledImage> read = pipeline.apply("ReadImages", ReadImages.from(options.getInput(), source)
        .withTfRecordSpacingMm(options.getTfrecordPixelSpacingMm()));
    // then() gathers the dead letters of every step so far: add each chain's last collection once.
    WithDeadLetters<SegmentedImage> segmented = read.then("RunInference",
        RunInference.of(handler).withOutputCoder(SegmentedImageCoder.of()));
    deadLetters.add(segmented.deadLetters());
    PCollection<SegmentedImage> images = segmented.output();

    if (options.getWritePngs()) {
      deadLetters.add(images.apply("WriteMaskImages", WriteMaskImages.to(output + "/" + MASKS_DIR)).deadLetters());
    }
    if (source != ImageSource.TFRECORD) {
      deadLetters.add(images.apply("WriteSegmentations", WriteSegmentations.to(output + "/" + SEG_DIR)).deadLetters());
    }

    WithDeadLetters<ImageStatistics> measured = images.apply("ComputeImageStatistics",
        ComputeImageStatistics.create());
    // Before anything is written: images whose headers have no phase (Sunnybrook) get their trigger-time rank.
    WithDeadLetters<ImageStatistics> statistics = WithDeadLetters.of(PHASED,
        measured.output().apply("RankCinePhases", RankCinePhases.create()), measured.deadLetters());
    statistics.output().apply("WriteImageStatistics", WriteStatistics.images(output));
    statistics.output().apply("PerPatient", SummarizeStatistics.perPatient())
        .apply("WritePatients", WriteStatistics.patients(output));
    statistics.output().apply("PerRun", SummarizeStatistics.perRun())
        .apply("WriteRun", WriteStatistics.run(output));
    if (source != ImageSource.TFRECORD) {
      // TFRecords carry no study, series or slice position: there is no cine stack to measure.
      var volumes = statistics.then("EstimateVolumes", EstimateVolumes.create());
      deadLetters.add(volumes.deadLetters());
      volumes.output().apply("WriteVolumes", WriteStatistics.volumes(output));
    } else {
      deadLetters.add(statistics.deadLetters());
    }

    PCollectionList.of(deadLetters).apply("AllDeadLetters", Flatten.pCollections())
        .apply("WriteDeadLetters", WriteDeadLetters.to(output + "/" + DEAD_LETTERS_FILE));
  }

  /**
   * An output folder must be new, empty, or hold an earlier inference run (it has
   * infer_manifest.json), which is then removed whole so no stale mask survives next to new ones.
   * Anything else is refused: inference never writes into a folder of unknown files.
   */
  static void prepareOutput(Path output) throws IOException {
    OutputFolder.prepare(output, InferManifest.FILE_NAME, "inference run", entry -> true);
  }
}
