package org.heartbeam.pipelines.convert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.heartbeam.pipelines.files.PipelineCounters;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.pipelines.split.DatasetSplit;
import org.heartbeam.model.hash.Sha256;

/**
 * {@code manifest.json} of a convert run, made from what the pipeline actually wrote (not from what
 * it meant to write): per split the record counts, patient keys and files with SHA-256; dead letters
 * by stage; the reader's counters; and whether the counts reconcile.
 */
public final class ConvertManifest {
  public static final String FILE_NAME = "manifest.json";
  public static final String FORMAT = "heartbeam-convert-manifest/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path path;
  private final ObjectNode root;

  private ConvertManifest(Path path, ObjectNode root) {
    this.path = path;
    this.root = root;
  }

  static ConvertManifest write(Path output, ConvertOptions options, InputFormat format, PipelineResult result,
      double seconds) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("created_at", Instant.now().toString());
    root.put("heartbeam_version", version());
    ObjectNode input = root.putObject("input");
    input.put("path", Path.of(options.getInput()).toAbsolutePath().normalize().toString());
    input.put("format", format.name().toLowerCase());
    ObjectNode opts = root.putObject("options");
    opts.put("validation_fraction", options.getValidationFraction());
    opts.put("include_unlabelled", options.getIncludeUnlabelled());
    opts.put("num_shards", options.getNumShards());
    opts.put("runner", options.getRunner().getSimpleName());
    opts.put("split_rule", "patient-wise: patients ranked by sha256 of their key, the first"
        + " round(fraction x patients) go to validation; with 2+ patients each split keeps one");

    Map<String, List<String[]>> tallyBySplit = readTally(output.resolve(ConvertPipeline.PATIENTS_FILE + ".csv"));
    long written = 0;
    ObjectNode splits = root.putObject("splits");
    for (DatasetSplit split : DatasetSplit.values()) {
      ObjectNode node = splits.putObject(split.fileName());
      List<String[]> rows = tallyBySplit.getOrDefault(split.fileName(), List.of());
      long records = rows.stream().mapToLong(r -> Long.parseLong(r[2])).sum();
      long labelled = rows.stream().mapToLong(r -> Long.parseLong(r[3])).sum();
      written += records;
      node.put("records", records);
      node.put("labelled_records", labelled);
      node.put("patient_count", rows.size());
      ArrayNode patients = node.putArray("patients");
      rows.forEach(r -> patients.addObject().put("key", r[1]).put("records", Long.parseLong(r[2])));
      ArrayNode files = node.putArray("files");
      for (Path file : filesStartingWith(output, split.fileName() + "-")) {
        files.addObject()
            .put("name", file.getFileName().toString())
            .put("bytes", Files.size(file))
            .put("sha256", Sha256.hex(file));
      }
    }

    Path deadLetterFile = output.resolve(ConvertPipeline.DEAD_LETTERS_FILE + ".jsonl");
    List<DeadLetter> deadLetters = DeadLetter.readAll(deadLetterFile);
    ObjectNode dead = root.putObject("dead_letters");
    dead.put("file", deadLetterFile.getFileName().toString());
    dead.put("count", deadLetters.size());
    ObjectNode byStage = dead.putObject("by_stage");
    deadLetters.stream()
        .collect(Collectors.groupingBy(DeadLetter::stage, TreeMap::new, Collectors.counting()))
        .forEach(byStage::put);

    ObjectNode counts = root.putObject("counts");
    counts.put("records_written", written);
    counts.put("dead_lettered", deadLetters.size());
    counts.put("seconds", Math.round(seconds * 10) / 10.0);
    Map<String, Long> readerCounters = PipelineCounters.of(result);
    ObjectNode counters = root.putObject("reader_counters");
    readerCounters.forEach(counters::put);
    reconcile(root.putObject("reconciliation"), format, readerCounters, written, deadLetters.size());

    Path path = output.resolve(FILE_NAME);
    JSON.writeValue(path.toFile(), root);
    return new ConvertManifest(path, root);
  }

  public Path path() {
    return path;
  }

  public long records(DatasetSplit split) {
    return root.path("splits").path(split.fileName()).path("records").asLong();
  }

  public long patients(DatasetSplit split) {
    return root.path("splits").path(split.fileName()).path("patient_count").asLong();
  }

  public List<String> patientKeys(DatasetSplit split) {
    return root.path("splits").path(split.fileName()).path("patients").findValuesAsText("key");
  }

  /** True when read = written + dead-lettered + skipped; false when not; empty without counters. */
  public java.util.Optional<Boolean> reconciles() {
    var node = root.path("reconciliation").path("reconciles");
    return node.isBoolean() ? java.util.Optional.of(node.asBoolean()) : java.util.Optional.empty();
  }

  public long deadLettered() {
    return root.path("counts").path("dead_lettered").asLong();
  }

  public ObjectNode json() {
    return root.deepCopy();
  }

  /** patients.csv rows (split, key, records, labelled) grouped by split, sorted by key. */
  private static Map<String, List<String[]>> readTally(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Map.of();
    }
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.split(","))
          .sorted((a, b) -> a[1].compareTo(b[1]))
          .collect(Collectors.groupingBy(r -> r[0], TreeMap::new, Collectors.toList()));
    }
  }

  private static List<Path> filesStartingWith(Path dir, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().collect(Collectors.toList());
    }
  }

  /**
   * read = written + dead-lettered + skipped, with "read" from the readers' own counters and the other
   * terms from the files on disk: an image lost anywhere between reader and writer shows up here.
   * Skipped = images without a contour left out on purpose ({@code --contours} without
   * {@code --includeUnlabelled}). {@code reconciles} is null when the runner reported no counters.
   */
  static void reconcile(ObjectNode node, InputFormat format, Map<String, Long> counters, long written, long dead) {
    Long read;
    if (format == InputFormat.SUNNYBROOK) {
      read = counters.get("ReadSunnybrook.items-considered");
    } else {
      // A counter never incremented is not reported at all: absent dead-letter counters mean 0.
      Long filesRead = counters.get("ReadDicomFiles.filesRead");
      read = filesRead == null ? null
          : counters.getOrDefault("ReadDicomFiles.framesEmitted", 0L)
              + counters.getOrDefault("ReadDicomFiles.filesDeadLettered", 0L)
              + counters.getOrDefault("LabelWithContours.contours-dead-lettered", 0L);
    }
    long skipped = counters.getOrDefault("LabelWithContours.skipped-unlabelled", 0L);
    if (read == null) {
      node.putNull("read");
      node.putNull("reconciles");
    } else {
      node.put("read", read);
      node.put("reconciles", read == written + dead + skipped);
    }
    node.put("written", written);
    node.put("dead_lettered", dead);
    node.put("skipped_unlabelled", skipped);
  }

  private static String version() {
    String v = ConvertManifest.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
