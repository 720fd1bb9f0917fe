package org.heartbeam.pipelines.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** What kind of labelled folder training reads. */
public enum TrainInputFormat {
  /** link.csv + dicoms/ + contourfiles/ (Sunnybrook, and the phantom's layout). */
  SUNNYBROOK,
  /** *.tfrecord / *.tfrecords files in the seed's schema, searched recursively. */
  TFRECORD;

  /** The file pattern of TFRecords under a folder. */
  static String tfRecordPattern(Path input) {
    return input + "/**.tfrecord*";
  }

  /**
   * Resolves "auto" by looking at the folder. A plain DICOM folder is refused: it has no expert
   * labels, and training without labels cannot work (convert it with --contours first).
   */
  public static TrainInputFormat resolve(String requested, Path input) {
    if (!Files.isDirectory(input)) {
      throw new IllegalArgumentException("input folder not found: " + input);
    }
    boolean sunnybrook = Files.isRegularFile(input.resolve("link.csv"));
    switch (requested.toLowerCase(Locale.ROOT)) {
      case "auto":
        if (sunnybrook) {
          return SUNNYBROOK;
        }
        if (hasTfRecords(input)) {
          return TFRECORD;
        }
        throw new IllegalArgumentException("input holds neither a Sunnybrook layout (link.csv) nor TFRecords: " + input);
      case "sunnybrook":
        if (!sunnybrook) {
          throw new IllegalArgumentException("not a Sunnybrook layout (no link.csv): " + input);
        }
        return SUNNYBROOK;
      case "tfrecord":
        return TFRECORD;
      case "dicom":
        throw new IllegalArgumentException("a DICOM folder has no labels to train on: run heartbeam convert"
            + " --contours=<folder> and train on its TFRecords, or give a Sunnybrook layout");
      default:
        throw new IllegalArgumentException("--inputFormat must be auto, sunnybrook or tfrecord, got '" + requested + "'");
    }
  }

  private static boolean hasTfRecords(Path input) {
    try (Stream<Path> files = Files.walk(input)) {
      return files.anyMatch(p -> p.getFileName().toString().matches(".*\\.tfrecords?$"));
    } catch (IOException e) {
      return false;
    }
  }
}
