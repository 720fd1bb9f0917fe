package org.heartbeam.pipelines.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.heartbeam.model.file.RunFolder;

/** run.json: what was run, on what, with which result; written when training ends. */
public final class RunManifest {
  public static final String FILE = RunFolder.RUN_JSON;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  final String command;
  final Map<String, Object> options;
  final String dataFingerprint;
  final long seed;
  final String backend;
  final int ompThreads;
  final int bestEpoch;
  final int epochsRun;
  final boolean stoppedEarly;
  final EpochMetrics best;
  final int trainImages;
  final int validationImages;
  final int trainPatients;
  final int validationPatients;
  final long deadLetters;
  final Instant startedAt;
  final Instant finishedAt;
  final Path runFolder;

  RunManifest(String command, Map<String, Object> options, String dataFingerprint, long seed, String backend,
      int ompThreads, int bestEpoch, int epochsRun, boolean stoppedEarly, EpochMetrics best, int trainImages,
      int validationImages, int trainPatients, int validationPatients, long deadLetters, Instant startedAt,
      Instant finishedAt, Path runFolder) {
    this.command = command;
    this.options = options;
    this.dataFingerprint = dataFingerprint;
    this.seed = seed;
    this.backend = backend;
    this.ompThreads = ompThreads;
    this.bestEpoch = bestEpoch;
    this.epochsRun = epochsRun;
    this.stoppedEarly = stoppedEarly;
    this.best = best;
    this.trainImages = trainImages;
    this.validationImages = validationImages;
    this.trainPatients = trainPatients;
    this.validationPatients = validationPatients;
    this.deadLetters = deadLetters;
    this.startedAt = startedAt;
    this.finishedAt = finishedAt;
    this.runFolder = runFolder;
  }

  void write() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("command", command);
    ObjectNode opts = root.putObject("options");
    options.forEach((k, v) -> opts.putPOJO(k, v));
    root.put("data_fingerprint", dataFingerprint);
    root.put("seed", seed);
    root.put("backend", backend);
    root.put("omp_threads", ompThreads);
    root.put("best_epoch", bestEpoch);
    root.put("epochs_run", epochsRun);
    root.put("stopped_early", stoppedEarly);
    ObjectNode metrics = root.putObject("metrics");
    metrics.put("val_dice_mean", best.valDiceMean());
    metrics.put("val_dice_median", best.valDiceMedian());
    metrics.put("val_loss", best.valLoss());
    metrics.put("train_loss", best.trainLoss());
    root.put("train_images", trainImages);
    root.put("validation_images", validationImages);
    root.put("train_patients", trainPatients);
    root.put("validation_patients", validationPatients);
    root.put("dead_letters", deadLetters);
    root.put("started_at", startedAt.toString());
    root.put("finished_at", finishedAt.toString());
    JSON.writeValue(runFolder.resolve(FILE).toFile(), root);
  }

  public Path runFolder() { return runFolder; }

  public Path modelFile() { return runFolder.resolve(RunFolder.MODEL); }

  public int bestEpoch() { return bestEpoch; }

  public int epochsRun() { return epochsRun; }

  public boolean stoppedEarly() { return stoppedEarly; }

  public double bestValidationDiceMean() { return best.valDiceMean(); }

  public double bestValidationDiceMedian() { return best.valDiceMedian(); }

  public int trainImages() { return trainImages; }

  public int validationImages() { return validationImages; }

  public int trainPatients() { return trainPatients; }

  public int validationPatients() { return validationPatients; }

  public long deadLetters() { return deadLetters; }

  public String dataFingerprint() { return dataFingerprint; }
}
