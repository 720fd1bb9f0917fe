package org.heartbeam.runners.cli;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code heartbeam receive}, parsed like every other command's. */
public interface ReceiveCliOptions extends PipelineOptions {
  @Description("Watched folder the received MR images land in (what `heartbeam stream` reads)")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("TCP port to listen on (DICOM's registered port is 104; 11112 needs no privileges)")
  @Default.Integer(11112)
  int getPort();

  void setPort(int value);

  @Description("Our AE title: senders must call it exactly")
  @Default.String("HEARTBEAM")
  String getAeTitle();

  void setAeTitle(String value);

  @Description("Comma-separated calling AE titles allowed to send; empty allows any")
  @Default.String("")
  String getAllowedCallingAeTitles();

  void setAllowedCallingAeTitles(String value);

  @Description("Stop after this many seconds; 0 runs until the process is stopped")
  @Default.Long(0L)
  long getRunSeconds();

  void setRunSeconds(long value);
}
