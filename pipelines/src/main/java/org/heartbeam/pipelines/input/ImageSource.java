package org.heartbeam.pipelines.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** What kind of folder an inference or training pipeline reads images (and labels) from. */
public enum ImageSource {
  /** link.csv + dicoms/ + contourfiles/ (the Sunnybrook Cardiac Data layout, and the phantom's): labelled. */
  SUNNYBROOK,
  /** Any folder of DICOM files, searched recursively: unlabelled. */
  DICOM,
  /** Seed-schema TFRecords (*.tfrecord, *.tfrecords), searched recursively: labelled by label_raw. */
  TFRECORD;

  /**
   * Resolves "auto" by looking at the folder (link.csv -> Sunnybrook; any *.tfrecord(s) file ->
   * TFRecord; else DICOM); refuses a missing folder or an unknown name with a one-line message.
   */
  public static ImageSource resolve(String requested, Path input) {
    if (!Files.isDirectory(input)) {
      throw new IllegalArgumentException("input folder not found: " + input);
    }
    switch (requested.toLowerCase(Locale.ROOT)) {
      case "auto":
        if (Files.isRegularFile(input.resolve("link.csv"))) {
          return SUNNYBROOK;
        }
        return hasTfRecords(input) ? TFRECORD : DICOM;
      case "sunnybrook":
        if (!Files.isRegularFile(input.resolve("link.csv"))) {
          throw new IllegalArgumentException("not a Sunnybrook layout (no link.csv): " + input);
        }
        return SUNNYBROOK;
      case "dicom":
        return DICOM;
      case "tfrecord":
        return TFRECORD;
      default:
        throw new IllegalArgumentException(
            "--inputFormat must be auto, sunnybrook, dicom or tfrecord, got '" + requested + "'");
    }
  }

  static boolean isTfRecordName(String name) {
    return name.endsWith(".tfrecord") || name.endsWith(".tfrecords");
  }

  private static boolean hasTfRecords(Path input) {
    try (Stream<Path> files = Files.walk(input, 4)) {
      return files.anyMatch(f -> Files.isRegularFile(f) && isTfRecordName(f.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + input + ": " + e.getMessage(), e);
    }
  }
}
