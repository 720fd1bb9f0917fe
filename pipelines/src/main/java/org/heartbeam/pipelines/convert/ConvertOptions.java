package org.heartbeam.pipelines.convert;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of the convert pipeline: cardiac MRI (+ expert contours) to seed-schema TFRecords. */
public interface ConvertOptions extends PipelineOptions {
  @Description("Input folder: the Sunnybrook layout (link.csv, dicoms/, contourfiles/) or a folder of DICOM files")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description("Input format: auto (sunnybrook when the folder has link.csv, else dicom), sunnybrook or dicom")
  @Default.String("auto")
  String getInputFormat();

  void setInputFormat(String value);

  @Description("Output folder: train-*.tfrecords, validation-*.tfrecords, patients.csv, dead_letters.jsonl, manifest.json")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("With a DICOM folder: a folder of i-contour files (IM-0001-<NNNN>-icontour-manual.txt) paired"
      + " with images by InstanceNumber (one series per folder); images without one are kept only with"
      + " --includeUnlabelled")
  String getContours();

  void setContours(String value);

  @Description("Fraction of patients (not images) that go to validation; patients are ranked by a hash of their PatientID")
  @Default.Double(0.2)
  double getValidationFraction();

  void setValidationFraction(double value);

  @Description("Also write images that have no expert contour (their label_raw is all zeros)."
      + " A DICOM folder without --contours has no labels, so this is implied there")
  @Default.Boolean(false)
  boolean getIncludeUnlabelled();

  void setIncludeUnlabelled(boolean value);

  @Description("TFRecord files per split; 0 lets the runner decide")
  @Default.Integer(1)
  int getNumShards();

  void setNumShards(int value);
}
