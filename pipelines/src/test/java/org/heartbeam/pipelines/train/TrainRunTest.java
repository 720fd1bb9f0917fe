package org.heartbeam.pipelines.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.heartbeam.model.file.LoadedModel;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny U-Net (32x32, depth 2, 4 base filters) trains for a few epochs on a tiny phantom set (3
 * patients x 3 slices x 4 phases; fold 0 of 3 validates on one patient) through the whole command
 * path: Beam prepares and augments, the driver trains and writes the run folder.
 */
class TrainRunTest {
  private static final String[] TINY = {"--inputSize=32", "--depth=2", "--baseFilters=4", "--epochs=4",
      "--batchSize=4", "--learningRate=0.01", "--patience=0", "--fold=0", "--folds=3", "--seed=7",
      "--shardBuckets=3"};

  @TempDir static Path shared;
  private static Path phantom;

  @BeforeAll
  static void phantom() throws Exception {
    phantom = shared.resolve("phantom");
    SyntheticStudyGenerator.generate(SynthOptions.builder().patients(3).slices(3).phases(4).rows(128).cols(128)
        .seed(5).build(), phantom);
  }

  static RunManifest train(Path input, Path output, String... runner) throws Exception {
    List<String> args = new ArrayList<>(Arrays.asList(TINY));
    args.add("--input=" + input);
    args.add("--output=" + output);
    args.addAll(Arrays.asList(runner));
    TrainOptions options = PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).withValidation()
        .as(TrainOptions.class);
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    RunManifest manifest = TrainRun.run(options, "heartbeam train " + String.join(" ", args),
        new PrintStream(progress, true, StandardCharsets.UTF_8));
    String text = progress.toString(StandardCharsets.UTF_8);
    System.out.print(text);
    assertTrue(text.contains("epoch 4/4"), text);
    assertTrue(text.contains("ETA"), text);
    return manifest;
  }

  @Tag("flink")
  @Tag("slow")
  @Test
  void trainsOnDirectRunnerAndFlinkTheSameWay(@TempDir Path runs) throws Exception {
    RunManifest direct = train(phantom, runs.resolve("direct"), "--runner=DirectRunner");
    checkRunFolder(direct);
    RunManifest flink = train(phantom, runs.resolve("flink"), "--runner=FlinkRunner", "--flinkMaster=[local]",
        "--parallelism=2");
    checkRunFolder(flink);
    // Same data, options and seed: the same numbers to the float, whichever runner prepared the data.
    assertEquals(metrics(direct), metrics(flink));
    assertEquals(direct.dataFingerprint(), flink.dataFingerprint());
  }

  private static void checkRunFolder(RunManifest run) throws Exception {
    Path folder = run.runFolder();
    try (Stream<Path> files = Files.list(folder)) {
      Set<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(new TreeSet<>(Set.of("model.hbm", "run.json", "epochs.csv", "epochs.jsonl", "curves.png",
          "dead_letters.jsonl")), names);
    }
    List<String> csv = Files.readAllLines(folder.resolve("epochs.csv"));
    assertEquals("epoch,train_loss,val_loss,val_dice_mean,val_dice_median,learning_rate,seconds", csv.get(0));
    assertEquals(5, csv.size());
    double first = Double.parseDouble(csv.get(1).split(",")[1]);
    double last = Double.parseDouble(csv.get(4).split(",")[1]);
    assertTrue(last < first, "training loss must fall: " + first + " -> " + last);
    assertEquals(4, Files.readAllLines(folder.resolve("epochs.jsonl")).size());

    JsonNode json = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
    for (String key : List.of("command", "options", "data_fingerprint", "seed", "backend", "omp_threads",
        "best_epoch", "epochs_run", "stopped_early", "metrics", "train_images", "validation_images",
        "train_patients", "validation_patients", "dead_letters", "started_at", "finished_at")) {
      assertTrue(json.has(key), "run.json lacks " + key);
    }
    assertEquals(2, json.get("train_patients").asInt());
    assertEquals(1, json.get("validation_patients").asInt());
    assertEquals(24, json.get("train_images").asInt());
    assertEquals(12, json.get("validation_images").asInt());
    assertEquals(7, json.get("seed").asLong());
    assertEquals(4, json.get("epochs_run").asInt());
    assertTrue(json.get("metrics").has("val_dice_mean"));
    assertEquals(32, json.get("options").get("inputSize").asInt());

    LoadedModel model = ModelFile.load(run.modelFile());
    assertEquals(32, model.net().config().inputHeight());
    assertEquals(json.get("data_fingerprint").asText(), model.manifest().provenance().trainingDataFingerprint());
    assertEquals(json.get("metrics").get("val_dice_mean").asDouble(),
        model.manifest().provenance().metrics().get("val_dice_mean"), 0);
    assertTrue(Files.size(folder.resolve("curves.png")) > 1000);
  }

  /** epochs.csv without the seconds column. */
  private static List<String> metrics(RunManifest run) throws Exception {
    return Files.readAllLines(run.runFolder().resolve("epochs.csv")).stream()
        .map(line -> line.substring(0, line.lastIndexOf(','))).collect(Collectors.toList());
  }

  @Tag("slow")
  @Test
  void aCorruptInputFileIsADeadLetterAndTrainingCompletes(@TempDir Path work) throws Exception {
    Path input = work.resolve("input");
    copyTree(phantom, input);
    Path victim;
    try (Stream<Path> files = Files.walk(input)) {
      victim = files.filter(p -> p.toString().endsWith(".dcm")).sorted().findFirst().orElseThrow();
    }
    Files.write(victim, "not a DICOM file at all".getBytes(StandardCharsets.UTF_8));

    RunManifest run = train(input, work.resolve("run"), "--runner=DirectRunner");
    assertEquals(4, run.epochsRun());
    assertEquals(35, run.trainImages() + run.validationImages());
    List<DeadLetter> dead = Files.readAllLines(run.runFolder().resolve("dead_letters.jsonl")).stream()
        .map(DeadLetter::fromJson).collect(Collectors.toList());
    assertEquals(1, dead.size(), dead.toString());
    assertTrue(dead.get(0).source().contains(victim.getFileName().toString()), dead.toString());
    assertEquals(1, run.deadLetters());
    assertFalse(run.stoppedEarly());
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.collect(Collectors.toList())) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
