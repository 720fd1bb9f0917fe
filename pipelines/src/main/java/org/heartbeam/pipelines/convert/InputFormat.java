package org.heartbeam.pipelines.convert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What kind of folder the convert pipeline reads. */
public enum InputFormat {
  /** link.csv + dicoms/ + contourfiles/ (the Sunnybrook Cardiac Data layout, and the phantom's). */
  SUNNYBROOK,
  /** Any folder of DICOM files, searched recursively; no contours, so records are unlabelled. */
  DICOM;

  /** Resolves "auto" by looking at the folder; refuses a missing folder with a clear message. */
  public static InputFormat resolve(String requested, Path input) {
    if (!Files.isDirectory(input)) {
      throw new IllegalArgumentException("input folder not found: " + input);
    }
    switch (requested.toLowerCase(Locale.ROOT)) {
      case "auto":
        return Files.isRegularFile(input.resolve("link.csv")) ? SUNNYBROOK : DICOM;
      case "sunnybrook":
        if (!Files.isRegularFile(input.resolve("link.csv"))) {
          throw new IllegalArgumentException("not a Sunnybrook layout (no link.csv): " + input);
        }
        return SUNNYBROOK;
      case "dicom":
        return DICOM;
      default:
        throw new IllegalArgumentException("--inputFormat must be auto, sunnybrook or dicom, got '" + requested + "'");
    }
  }
}
