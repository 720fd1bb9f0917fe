package org.heartbeam.pipelines.stream;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Hidden;
import org.apache.beam.sdk.options.StreamingOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of the streaming inference pipeline: a watched folder in, per-image records and windows out. */
public interface StreamOptions extends StreamingOptions {
  @Description("Folder to watch (and its subfolders) for DICOM files; writers must rename complete files into"
      + " place (*.part / *.tmp / dot-names are ignored)")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description("The model: a registry reference (name@production follows promotions while running) or a model"
      + " file (.hbm)")
  @Validation.Required
  String getModel();

  void setModel(String value);

  @Description("Model registry folder for registry references")
  @Default.String("heartbeam-out/registry")
  String getRegistry();

  void setRegistry(String value);

  @Description("Local output folder: images/ (one record per image and model version), windows/ (run statistics"
      + " per fixed window), volumes/ (LV volumes and EF per study session), seg/ (a DICOM SEG per series, model"
      + " version and session), dead_letters/")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("Length of the fixed windows of run statistics, in seconds")
  @Default.Integer(60)
  int getWindowSeconds();

  void setWindowSeconds(int value);

  @Description("A study's session closes (and its volumes and EF are written) after this many seconds without"
      + " a new image of it")
  @Default.Integer(30)
  int getSessionGapSeconds();

  void setSessionGapSeconds(int value);

  @Description("How often the input folder is listed, in seconds")
  @Default.Integer(2)
  int getPollSeconds();

  void setPollSeconds(int value);

  @Description("How often the model ref is re-resolved in the registry (hot swap), in seconds; 0 = every batch")
  @Default.Integer(10)
  int getModelRefreshSeconds();

  void setModelRefreshSeconds(int value);

  @Description("Stop once no new file has arrived for this many seconds (0 = never)")
  @Default.Integer(0)
  int getIdleStopSeconds();

  void setIdleStopSeconds(int value);

  @Description("Stop watching after this many seconds in all (0 = never; with --idleStopSeconds, an upper bound)")
  @Default.Integer(0)
  int getMaxSeconds();

  void setMaxSeconds(int value);

  // Same default as train and infer: Beam refuses one option name with two defaults in one JVM.
  @Description("Images per model call at most (batched within a bundle; a batch waits <= 0.5 s)")
  @Default.Integer(8)
  int getBatchSize();

  void setBatchSize(int value);

  @Description("Model replicas per worker JVM; 0 = one per core")
  @Default.Integer(0)
  int getModelReplicas();

  void setModelReplicas(int value);

  @Hidden
  @Description("TEST ONLY: throw once, after this many image records were written in a JVM, to exercise"
      + " restart from a checkpoint; 0 = never")
  @Default.Integer(0)
  int getFailOnceAfterImages();

  void setFailOnceAfterImages(int value);

  @Hidden
  @Description("TEST ONLY: marker file that records the injected failure, so it happens once across restarts")
  @Default.String("")
  String getFailOnceMarker();

  void setFailOnceMarker(String value);
}
