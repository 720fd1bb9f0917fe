package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.file.ModelProvenance;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.UNetConfig;
import org.heartbeam.testing.HostileDicomCorpus;
import org.heartbeam.testing.MalformedDicomCorpus;
import org.heartbeam.testing.MalformedTfRecordCorpus;
import org.heartbeam.testing.TestDicomFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input through every command that reads it, as a user runs them: the DICOM corpora (64 cases:
 * cut at many offsets, wrong VRs and lengths, huge dimensions, empty values, non-image SOP classes,
 * undecodable compression, inconsistent multi-frame, raw data sets) beside good images through
 * {@code inspect}, {@code convert}, {@code infer} and {@code stream}; the TFRecord corpus (bad CRCs,
 * truncation, wrong feature types and sizes) through {@code inspect} and {@code train}. No command crashes
 * or prints a stack trace, counts reconcile, and every bad file is a dead letter naming its source.
 */
@Tag("slow")
@Tag("flink")
class HostileInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path dicoms;
  private Set<String> refused;
  private int readable;
  private Path model;

  @BeforeEach
  void corpus() throws IOException {
    dicoms = tmp.resolve("dicoms");
    refused = new TreeSet<>();
    readable = 0;
    for (Map.Entry<String, HostileDicomCorpus.Expect> c : HostileDicomCorpus.writeTo(dicoms.resolve("hostile")).entrySet()) {
      if (c.getValue() == HostileDicomCorpus.Expect.REFUSED) {
        refused.add(dicoms.resolve("hostile").resolve(c.getKey()).toString());
      } else {
        readable++;
      }
    }
    MalformedDicomCorpus.writeTo(dicoms.resolve("malformed")).keySet()
        .forEach(name -> refused.add(dicoms.resolve("malformed").resolve(name).toString()));
    Path good = Files.createDirectories(dicoms.resolve("good"));
    for (int i = 0; i < 4; i++) {
      TestDicomFile.mr(16, 16, new short[256]).write(good.resolve("good-" + i + ".dcm"));
      readable++;
    }
    model = tmp.resolve("tiny.hbm");
    ModelFile.save(model, new SameDiffUNet(UNetConfig.builder().inputSize(32, 32).depth(2).baseFilters(4).build()),
        ModelProvenance.of(PreprocessOptions.defaults().withTargetSize(32, 32).withSpacing(4.0)));
  }

  @Test
  @Timeout(300)
  void inspectAnswersEveryFileWithAReasonWithoutAStackTrace() throws IOException {
    List<Path> files = files(dicoms);
    files.addAll(files(tfRecords()));
    assertTrue(files.size() >= 70, files.size() + " files");
    List<String> wrong = new ArrayList<>();
    for (Path file : files) {
      Cli cli = new Cli();
      int status = cli.run("inspect", file.toString());
      String all = cli.all();
      boolean stackTrace = all.contains("\tat ") || all.contains("Exception in thread");
      // inspect names a file it cannot read (or a TFRecord's bad records) with the reason, and exits 1.
      String lower = all.toLowerCase(Locale.ROOT);
      boolean explained = all.contains(file.toString()) && (lower.contains("not readable") || lower.contains("bad"));
      if (status < 0 || status > HeartBeamCli.EXIT_USER_ERROR || stackTrace || (status != 0 && !explained)) {
        wrong.add(file.getFileName() + " (status " + status + "): " + all.lines().limit(3).collect(Collectors.joining(" | ")));
      }
    }
    assertEquals(List.of(), wrong, "inspect must name the file and one reason, never crash");
  }

  @Test
  @Timeout(300)
  void convertInferAndStreamDeadLetterEveryBadFileAndReconcile() throws IOException {
    Path converted = tmp.resolve("converted");
    Cli convert = new Cli();
    assertEquals(0, convert.run("convert", "--input=" + dicoms, "--output=" + converted, "--includeUnlabelled"),
        convert.all());
    convert.assertNoStackTrace("convert");
    JsonNode manifest = JSON.readTree(converted.resolve("manifest.json").toFile());
    assertTrue(manifest.path("reconciliation").path("reconciles").asBoolean(false), manifest::toString);
    assertEquals(refused, deadLetterSources(converted), "convert's dead letters");

    Path inferred = tmp.resolve("inferred");
    Cli infer = new Cli();
    assertEquals(0, infer.run("infer", "--input=" + dicoms, "--model=" + model, "--output=" + inferred,
        "--registry=" + tmp.resolve("registry")), infer.all());
    infer.assertNoStackTrace("infer");
    JsonNode inferManifest = JSON.readTree(inferred.resolve("infer_manifest.json").toFile());
    assertTrue(inferManifest.path("reconciliation").path("reconciles").asBoolean(false), inferManifest::toString);
    assertEquals(readable, inferManifest.path("counts").path("images_segmented").asLong(), inferManifest::toString);
    assertEquals(refused, deadLetterSources(inferred), "infer's dead letters");

    Path streamed = tmp.resolve("streamed");
    Cli stream = new Cli();
    assertEquals(0, stream.run("stream", "--runner=DirectRunner", "--input=" + dicoms, "--model=" + model,
        "--output=" + streamed, "--pollSeconds=1", "--idleStopSeconds=3", "--maxSeconds=120",
        "--registry=" + tmp.resolve("registry")), stream.all());
    stream.assertNoStackTrace("stream");
    assertEquals(readable, files(streamed.resolve("images")).size(), "one record per readable image");
    Set<String> streamDead = new TreeSet<>();
    for (Path letter : files(streamed.resolve("dead_letters"))) {
      String source = JSON.readTree(letter.toFile()).path("source").asText();
      if (source.startsWith(dicoms.toString())) {
        streamDead.add(source);
      }
    }
    assertEquals(refused, streamDead, "stream's dead letters");
  }

  @Test
  @Timeout(300)
  void trainOnHostileTfRecordsDeadLettersTheBadRecordsAndTrainsOnTheRest() throws IOException {
    Path records = tfRecords();
    Path run = tmp.resolve("run");
    Cli train = new Cli();
    int status = train.run("train", "--input=" + records, "--inputFormat=tfrecord", "--output=" + run,
        "--registry=" + tmp.resolve("registry"), "--inputSize=32", "--baseFilters=4", "--depth=2", "--epochs=1",
        "--batchSize=4", "--preset=synthetic");
    train.assertNoStackTrace("train");
    assertEquals(0, status, train.all());
    Path deadLetters = run.resolve("dead_letters.jsonl");
    assertTrue(Files.isRegularFile(deadLetters), "dead letters in the run folder");
    List<String> letters = Files.readAllLines(deadLetters);
    assertFalse(letters.isEmpty(), "bad records are dead letters");
    for (String letter : letters) {
      JsonNode node = JSON.readTree(letter);
      assertTrue(node.path("source").asText().contains(".tfrecords"), letter);
      assertFalse(node.path("reason").asText().isBlank(), letter);
    }
  }

  private Path tfRecords() throws IOException {
    Path dir = tmp.resolve("tfrecords");
    if (!Files.isDirectory(dir)) {
      MalformedTfRecordCorpus.write(dir);
    }
    return dir;
  }

  /**
   * The sources of the file-level dead letters (later steps may add their own, e.g. a series whose
   * volumes cannot be computed, named by series, not by file).
   */
  private Set<String> deadLetterSources(Path output) throws IOException {
    Set<String> sources = new TreeSet<>();
    for (String line : Files.readAllLines(output.resolve("dead_letters.jsonl"))) {
      String source = line.isBlank() ? "" : JSON.readTree(line).path("source").asText();
      if (source.startsWith(dicoms.toString())) {
        sources.add(source);
      }
    }
    return sources;
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).sorted().collect(Collectors.toCollection(ArrayList::new));
    }
  }

  /** The CLI in this JVM with its two streams captured. */
  private static final class Cli {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
      return HeartBeamCli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
      return err.toString(StandardCharsets.UTF_8);
    }

    String all() {
      return out.toString(StandardCharsets.UTF_8) + err();
    }

    void assertNoStackTrace(String what) {
      String text = all();
      assertFalse(text.contains("\tat ") || text.contains("Exception in thread"), what + " printed a stack trace:\n" + text);
    }
  }
}
