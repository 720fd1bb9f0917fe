package org.heartbeam.pipelines.train;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code heartbeam train}: data, model size, training settings; Beam's options pass through. */
public interface TrainOptions extends PipelineOptions {
  @Description("Input folder: the Sunnybrook layout (link.csv, dicoms/, contourfiles/) or seed-schema TFRecords;"
      + " optional with --preset=synthetic (a phantom set is generated)")
  String getInput();

  void setInput(String value);

  @Description("Input format: auto (sunnybrook when the folder has link.csv, else tfrecord), sunnybrook or tfrecord")
  @Default.String("auto")
  String getInputFormat();

  void setInputFormat(String value);

  @Description("Run folder: model.hbm, run.json, epochs.csv, epochs.jsonl, curves.png, dead_letters.jsonl")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("Scratch folder for the materialized examples (default: a new folder under java.io.tmpdir,"
      + " removed at the end); must be reachable by the driver and every worker")
  String getWorkDir();

  void setWorkDir(String value);

  @Description("Settings preset: none, synthetic (small fast model, generated phantom data) or sunnybrook;"
      + " options given explicitly win over the preset's")
  @Default.String("none")
  String getPreset();

  void setPreset(String value);

  @Description("Maximum number of epochs")
  @Default.Integer(30)
  int getEpochs();

  void setEpochs(int value);

  @Description("Images per Adam step")
  @Default.Integer(8)
  int getBatchSize();

  void setBatchSize(int value);

  @Description("Adam's learning rate")
  @Default.Double(1e-3)
  double getLearningRate();

  void setLearningRate(double value);

  // Default 1, as heartbeam synth's --seed: Beam refuses one property with two defaults in one JVM.
  @Description("Seed of weight initialisation, augmentation and shuffling")
  @Default.Long(1L)
  long getSeed();

  void setSeed(long value);

  @Description("Stop after this many epochs without a better validation Dice (0 = never stop early)")
  @Default.Integer(8)
  int getPatience();

  void setPatience(int value);

  @Description("Fraction of patients (not images) that validate; ignored with --fold")
  @Default.Double(0.2)
  double getValidationFraction();

  void setValidationFraction(double value);

  @Description("Cross-validation fold: patients sorted by key, patient i validates when i mod --folds = --fold;"
      + " -1 = use --validationFraction")
  @Default.Integer(-1)
  int getFold();

  void setFold(int value);

  @Description("Number of cross-validation folds (with --fold)")
  @Default.Integer(3)
  int getFolds();

  void setFolds(int value);

  @Description("Augment the training split (flips, +-15 deg, scale 0.9-1.1, gamma and gain jitter)")
  @Default.Boolean(true)
  boolean getAugment();

  void setAugment(boolean value);

  @Description("Model input side in pixels; the field of view stays 200 mm (spacing = 200 mm / inputSize)")
  @Default.Integer(160)
  int getInputSize();

  void setInputSize(int value);

  @Description("Filters of the U-Net's first level (doubling per level)")
  @Default.Integer(16)
  int getBaseFilters();

  void setBaseFilters(int value);

  @Description("U-Net depth (number of poolings); inputSize must be a multiple of 2^depth")
  @Default.Integer(4)
  int getDepth();

  void setDepth(int value);

  @Description("In-plane pixel spacing of TFRecord images, which carry none (mm)")
  @Default.Double(1.0)
  double getPixelSpacingMm();

  void setPixelSpacingMm(double value);

  @Description("Hash buckets per materialized epoch: a bucket is sorted in memory when written")
  @Default.Integer(8)
  int getShardBuckets();

  void setShardBuckets(int value);

  @Description("Model registry folder (local path or Beam filesystem URI) the run is registered in")
  @Default.String("heartbeam-out/registry")
  String getRegistry();

  void setRegistry(String value);

  @Description("Name the run is registered under as a new immutable version; empty = do not register")
  @Default.String("lv-unet")
  String getModelName();

  void setModelName(String value);
}
