package org.heartbeam.pipelines.infer;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of the batch inference pipeline: images in, masks, DICOM SEG, statistics and EF out. */
public interface InferOptions extends PipelineOptions {
  @Description("Input folder: the Sunnybrook layout (labels used for Dice), a folder of DICOM files, or a folder"
      + " of seed-schema TFRecords (*.tfrecords / *.tfrecord)")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description("Input format: auto (sunnybrook with link.csv, tfrecord when the folder holds *.tfrecord(s) files,"
      + " else dicom), sunnybrook, dicom or tfrecord")
  @Default.String("auto")
  String getInputFormat();

  void setInputFormat(String value);

  @Description("The model: a registry reference (name, name@N, name@production) or a model file (.hbm)")
  @Validation.Required
  String getModel();

  void setModel(String value);

  @Description("Model registry folder (local path or any Beam filesystem URI) for registry references")
  @Default.String("heartbeam-out/registry")
  String getRegistry();

  void setRegistry(String value);

  @Description("Output folder: masks/ (PNG), seg/ (DICOM SEG per series), images.csv, patients.csv, run.json,"
      + " volumes.csv, dead_letters.jsonl, infer_manifest.json")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("Images per model call (batched within a bundle)")
  @Default.Integer(8)
  int getBatchSize();

  void setBatchSize(int value);

  @Description("Model replicas per worker JVM (one per thread that runs inference); 0 = one per core")
  @Default.Integer(0)
  int getModelReplicas();

  void setModelReplicas(int value);

  @Description("Pixel spacing in mm of TFRecord images (the seed schema carries none)")
  @Default.Double(1.0)
  double getTfrecordPixelSpacingMm();

  void setTfrecordPixelSpacingMm(double value);

  @Description("Also write the mask and overlay PNGs of every image (the statistics and SEG are always written)")
  @Default.Boolean(true)
  boolean getWritePngs();

  void setWritePngs(boolean value);
}
