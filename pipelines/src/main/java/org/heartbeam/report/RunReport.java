package org.heartbeam.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.heartbeam.model.file.RunFolder;

/**
 * Everything the HTML report shows about one run folder: a training run (run.json object,
 * epochs.csv), an inference run (images.csv and friends, overlay PNGs), or both when a pipeline
 * wrote both into one folder; and its dead letters.
 */
public final class RunReport {
  private final Path runDir;
  private final Optional<TrainingRun> training;
  private final Optional<InferenceRun> inference;
  private final DeadLetterSummary deadLetters;

  RunReport(Path runDir, Optional<TrainingRun> training, Optional<InferenceRun> inference,
      DeadLetterSummary deadLetters) {
    this.runDir = Objects.requireNonNull(runDir, "runDir");
    this.training = training;
    this.inference = inference;
    this.deadLetters = deadLetters;
  }

  /** Reads a run folder; throws {@link NotARunDirectoryException} when it is missing or not a run. */
  public static RunReport read(Path runDir) throws IOException {
    Path dir = runDir.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new NotARunDirectoryException("no such folder: " + dir);
    }
    boolean isTraining = TrainingRunFiles.isTrainingRun(dir);
    boolean isInference = InferenceRunFiles.isInferenceRun(dir);
    if (!isTraining && !isInference) {
      throw new NotARunDirectoryException(dir + " is not a run folder (no " + RunFolder.EPOCHS_CSV
          + " or training " + RunFolder.RUN_JSON + ", no " + InferenceRunFiles.IMAGES_CSV + ")");
    }
    return new RunReport(dir,
        isTraining ? Optional.of(TrainingRunFiles.read(dir)) : Optional.empty(),
        isInference ? Optional.of(InferenceRunFiles.read(dir)) : Optional.empty(),
        DeadLetterSummary.read(dir));
  }

  public Path runDir() { return runDir; }

  public Optional<TrainingRun> training() { return training; }

  public Optional<InferenceRun> inference() { return inference; }

  public DeadLetterSummary deadLetters() { return deadLetters; }

  /** "training", "inference" or "training + inference". */
  public String kind() {
    if (training.isPresent() && inference.isPresent()) {
      return "training + inference";
    }
    return training.isPresent() ? "training" : "inference";
  }
}
