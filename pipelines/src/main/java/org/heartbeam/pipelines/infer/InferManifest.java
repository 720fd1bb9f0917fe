package org.heartbeam.pipelines.infer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.heartbeam.pipelines.files.PipelineCounters;
import org.heartbeam.pipelines.input.ImageSource;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.registry.ResolvedModel;
import org.heartbeam.transforms.stats.WriteStatistics;

/**
 * {@code infer_manifest.json} of an inference run, made from what the pipeline counted and wrote:
 * input, model (reference, version, SHA-256), the run's counters, dead letters by stage, and the
 * reconciliation "inputs read = images segmented + inputs dead-lettered before or at inference".
 * Output failures after segmentation (a PNG or SEG that could not be written) are dead letters too,
 * counted on their own: the image was segmented, one of its outputs is missing.
 */
public final class InferManifest {
  public static final String FILE_NAME = "infer_manifest.json";
  public static final String FORMAT = "heartbeam-infer-manifest/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path path;
  private final ObjectNode root;

  private InferManifest(Path path, ObjectNode root) {
    this.path = path;
    this.root = root;
  }

  static InferManifest write(Path output, InferOptions options, ImageSource source, ResolvedModel model,
      PipelineResult result, double seconds) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("created_at", Instant.now().toString());
    ObjectNode input = root.putObject("input");
    input.put("path", Path.of(options.getInput()).toAbsolutePath().normalize().toString());
    input.put("format", source.name().toLowerCase(Locale.ROOT));
    ObjectNode modelNode = root.putObject("model");
    modelNode.put("reference", options.getModel());
    modelNode.put("version", model.version());
    modelNode.put("sha256", model.sha256());
    ObjectNode opts = root.putObject("options");
    opts.put("batch_size", options.getBatchSize());
    opts.put("model_replicas", options.getModelReplicas());
    opts.put("write_pngs", options.getWritePngs());
    opts.put("runner", options.getRunner().getSimpleName());

    Map<String, Long> counters = PipelineCounters.of(result);
    ObjectNode counterNode = root.putObject("counters");
    counters.forEach(counterNode::put);
    root.set("distributions", distributions(result));

    List<DeadLetter> deadLetters = DeadLetter.readAll(output.resolve(InferPipeline.DEAD_LETTERS_FILE + ".jsonl"));
    Map<String, Long> byStage = deadLetters.stream()
        .collect(Collectors.groupingBy(DeadLetter::stage, TreeMap::new, Collectors.counting()));
    ObjectNode dead = root.putObject("dead_letters");
    dead.put("file", InferPipeline.DEAD_LETTERS_FILE + ".jsonl");
    dead.put("count", deadLetters.size());
    ObjectNode stages = dead.putObject("by_stage");
    byStage.forEach(stages::put);

    long segmented = counters.getOrDefault("RunInference.emitted", 0L);
    long afterSegmentation = deadLetters.stream().filter(d -> InferPipeline.OUTPUT_STAGES.contains(d.stage())).count();
    long beforeOrAtInference = deadLetters.size() - afterSegmentation;
    ObjectNode counts = root.putObject("counts");
    counts.put("images_segmented", segmented);
    counts.put("inputs_dead_lettered", beforeOrAtInference);
    counts.put("output_failures", afterSegmentation);
    counts.put("seconds", Math.round(seconds * 10) / 10.0);
    counts.put("images_per_second", seconds > 0 ? Math.round(segmented / seconds * 100) / 100.0 : 0);
    ObjectNode reconciliation = root.putObject("reconciliation");
    Long read = inputsRead(source, counters);
    if (read == null) {
      reconciliation.putNull("read");
      reconciliation.putNull("reconciles");
    } else {
      reconciliation.put("read", read);
      reconciliation.put("reconciles", read == segmented + beforeOrAtInference);
    }
    reconciliation.put("segmented", segmented);
    reconciliation.put("dead_lettered", beforeOrAtInference);

    root.set("run_statistics", readJson(output.resolve(WriteStatistics.RUN_JSON)));
    root.set("volumes", readJson(output.resolve(WriteStatistics.VOLUMES_JSON)));
    Path path = output.resolve(FILE_NAME);
    JSON.writeValue(path.toFile(), root);
    return new InferManifest(path, root);
  }

  /**
   * What the reader took in, from its own counters: a Sunnybrook item, a DICOM frame or unreadable
   * file, a TFRecord record. Null when the runner reported no counters.
   */
  static Long inputsRead(ImageSource source, Map<String, Long> counters) {
    switch (source) {
      case SUNNYBROOK:
        return counters.get("ReadSunnybrook.items-considered");
      case TFRECORD:
        return counters.get("ReadSeedTfRecords.tfrecord-records-read");
      case DICOM:
        Long files = counters.get("ReadDicomFiles.filesRead");
        return files == null ? null : counters.getOrDefault("ReadDicomFiles.framesEmitted", 0L)
            + counters.getOrDefault("ReadDicomFiles.filesDeadLettered", 0L);
      default:
        return null;
    }
  }

  public Path path() { return path; }

  public ObjectNode json() { return root.deepCopy(); }

  public long imagesSegmented() { return root.path("counts").path("images_segmented").asLong(); }

  public long inputsDeadLettered() { return root.path("counts").path("inputs_dead_lettered").asLong(); }

  public long outputFailures() { return root.path("counts").path("output_failures").asLong(); }

  public double seconds() { return root.path("counts").path("seconds").asDouble(); }

  public String modelVersion() { return root.path("model").path("version").asText(); }

  /** True when inputs read = segmented + dead-lettered; empty when the runner gave no counters. */
  public java.util.Optional<Boolean> reconciles() {
    JsonNode node = root.path("reconciliation").path("reconciles");
    return node.isBoolean() ? java.util.Optional.of(node.asBoolean()) : java.util.Optional.empty();
  }

  public long counter(String name) { return root.path("counters").path(name).asLong(); }

  /** The run's summary of one metric ("dice", "lv_area_mm2", ...): mean, median, ... or a missing node. */
  public JsonNode runMetric(String metric) {
    JsonNode runs = root.path("run_statistics");
    return runs.isArray() && runs.size() > 0 ? runs.get(0).path("metrics").path(metric) : runs.path("missing");
  }

  /** One entry per series: keys, slices, phases, EDV/ESV/SV/EF or the reason they are not computable. */
  public ArrayNode volumes() {
    JsonNode v = root.path("volumes");
    return v.isArray() ? (ArrayNode) v : JSON.createArrayNode();
  }

  /** HeartBeam's distributions (count, mean, min, max) by short name; counters come from {@link PipelineCounters}. */
  private static ObjectNode distributions(PipelineResult result) {
    ObjectNode distributions = JSON.createObjectNode();
    try {
      for (MetricResult<DistributionResult> d
          : result.metrics().queryMetrics(MetricsFilter.builder().build()).getDistributions()) {
        String name = PipelineCounters.shortName(d.getName().getNamespace(), d.getName().getName());
        DistributionResult r = d.getAttempted();
        if (name != null && r.getCount() > 0) {
          distributions.putObject(name).put("count", r.getCount()).put("mean", r.getMean())
              .put("min", r.getMin()).put("max", r.getMax());
        }
      }
    } catch (UnsupportedOperationException e) {
      // Some runners answer no metrics; the files written still stand.
    }
    return distributions;
  }

  private static JsonNode readJson(Path file) throws IOException {
    return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.nullNode();
  }
}
