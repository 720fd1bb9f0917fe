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

  @Description("Associations served at once; more are refused as transient (local limit exceeded), senders retry")
  @Default.Integer(16)
  int getMaxAssociations();

  void setMaxAssociations(int value);

  @Description("Largest PDU accepted, in bytes (offered to senders at association; 4096..16777216)")
  @Default.Integer(65536)
  int getMaxPduBytes();

  void setMaxPduBytes(int value);

  @Description("Drop a sender that sends nothing for this many seconds (its partial object is deleted)")
  @Default.Integer(60)
  int getIdleTimeoutSeconds();

  void setIdleTimeoutSeconds(int value);

  @Description("Refuse new associations (transient) while the landing disk has less than this many MB free")
  @Default.Long(1024L)
  long getMinFreeDiskMb();

  void setMinFreeDiskMb(long value);
}
