package org.heartbeam.pipelines.convert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.heartbeam.transforms.deadletter.DeadLetter;

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
    opts.put("split_rule", "patient-wise: sha256(patient identity) < fraction goes to validation;"
        + " tiny sets keep one patient per split");

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
            .put("sha256", sha256(file));
      }
    }

    Path deadLetterFile = output.resolve(ConvertPipeline.DEAD_LETTERS_FILE + ".jsonl");
    List<DeadLetter> deadLetters = readDeadLetters(deadLetterFile);
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
    ObjectNode counters = root.putObject("reader_counters");
    readerCounters(result).forEach(counters::put);

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

  private static List<DeadLetter> readDeadLetters(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.isBlank()).map(DeadLetter::fromJson).collect(Collectors.toList());
    }
  }

  private static List<Path> filesStartingWith(Path dir, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().collect(Collectors.toList());
    }
  }

  /** Committed counters of the org.heartbeam readers, by name (0 entries when the runner has no metrics). */
  static Map<String, Long> readerCounters(PipelineResult result) {
    Map<String, Long> counters = new TreeMap<>();
    try {
      MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder().build());
      for (MetricResult<Long> c : metrics.getCounters()) {
        String namespace = c.getName().getNamespace();
        if (namespace.startsWith("org.heartbeam")) {
          String shortNamespace = namespace.substring(namespace.lastIndexOf('.') + 1);
          counters.merge(shortNamespace + "." + c.getName().getName(), c.getAttempted(), Long::sum);
        }
      }
    } catch (UnsupportedOperationException e) {
      // Some runners answer no metrics; the manifest's own counts still stand.
    }
    return counters;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) >= 0) {
        // reading feeds the digest
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  private static String version() {
    String v = ConvertManifest.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
