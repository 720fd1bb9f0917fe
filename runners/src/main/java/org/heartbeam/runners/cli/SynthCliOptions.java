package org.heartbeam.runners.cli;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of {@code heartbeam synth}. Parsed by Beam's options machinery like the pipelines, so every
 * command takes {@code --name=value} the same way and prints help the same way.
 */
public interface SynthCliOptions extends PipelineOptions {
  @Description("Output folder (Sunnybrook layout: link.csv, dicoms/, contourfiles/, ground_truth*.csv)")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("Number of patients (one cine study each)")
  @Default.Integer(3)
  int getPatients();

  void setPatients(int value);

  @Description("Short-axis slices per study, base to apex")
  @Default.Integer(10)
  int getSlices();

  void setSlices(int value);

  @Description("Cardiac phases per slice (cine frames over one heartbeat)")
  @Default.Integer(20)
  int getPhases();

  void setPhases(int value);

  @Description("Random seed: the same seed gives the same bytes")
  @Default.Long(1L)
  long getSeed();

  void setSeed(long value);

  @Description("Which phases get contour files: ALL, or ED_ES (end-diastole and end-systole, like Sunnybrook)")
  @Default.String("ALL")
  String getContouredPhases();

  void setContouredPhases(String value);
}
