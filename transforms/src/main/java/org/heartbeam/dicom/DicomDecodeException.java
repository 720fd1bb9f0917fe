package org.heartbeam.dicom;

/**
 * A DICOM file that cannot become {@code CardiacImage}s, with one line saying why and, where there is
 * one, what to do about it (e.g. "convert to explicit VR little endian"). Messages never carry patient
 * names or IDs: they become dead-letter reasons and log lines.
 */
public final class DicomDecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  public DicomDecodeException(String reason) {
    super(reason);
  }

  public DicomDecodeException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
