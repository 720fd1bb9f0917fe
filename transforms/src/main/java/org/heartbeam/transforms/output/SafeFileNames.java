package org.heartbeam.transforms.output;

import java.util.regex.Pattern;
import org.heartbeam.model.image.CardiacImage;

/**
 * Directory and file names for outputs, made only from values that cannot escape the output
 * directory or leak identity. Header values are attacker-controlled (a DICOM file can claim any
 * "UID"), so a UID is used as a name only when it is what the standard allows: digits and dots, at
 * most 64 characters, no empty component. Anything else ("../../etc", slashes, control characters,
 * long strings) becomes {@code h-} and a hash of it. Patient names and IDs are never used.
 */
public final class SafeFileNames {
  /** DICOM PS3.5 9.1: components of digits separated by dots, at most 64 characters. */
  private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
  private static final int MAX_UID_CHARS = 64;
  /** The directory name used when an image has no UID at all (e.g. TFRecords). */
  public static final String UNKNOWN = "unknown";

  private SafeFileNames() {}

  /** The UID itself when it is a valid UID, "unknown" when empty, else {@code h-<16 hex>}. */
  public static String forUid(String uid) {
    if (uid == null || uid.isEmpty()) {
      return UNKNOWN;
    }
    if (isValidUid(uid)) {
      return uid;
    }
    return "h-" + CardiacImage.shortHash("uid:" + uid);
  }

  /** Digits and dots, no empty component, at most 64 characters (PS3.5 9.1). */
  public static boolean isValidUid(String uid) {
    return uid != null && uid.length() <= MAX_UID_CHARS && UID.matcher(uid).matches();
  }

  /** {@code <study-dir>/<series-dir>}: where every output of this image's series goes. */
  public static String seriesDirectory(CardiacImage image) {
    return forUid(image.studyInstanceUid()) + "/" + forUid(image.seriesInstanceUid());
  }

  /** The mask PNG's path relative to the output directory. */
  public static String maskPng(CardiacImage image) {
    return seriesDirectory(image) + "/" + image.imageKey() + "_mask.png";
  }

  /** The overlay PNG's path relative to the output directory. */
  public static String overlayPng(CardiacImage image) {
    return seriesDirectory(image) + "/" + image.imageKey() + "_overlay.png";
  }

  /** The series' DICOM SEG path relative to the output directory. */
  public static String segmentation(CardiacImage anyImageOfSeries) {
    return seriesDirectory(anyImageOfSeries) + "/seg.dcm";
  }

  /**
   * The DICOM SEG path of the series' images segmented by one model version, for outputs that may hold
   * several versions of a series: {@code <series-dir>/seg.<version>.dcm}, the version reduced to
   * letters, digits, dot and dash (anything else '_').
   */
  public static String segmentation(CardiacImage anyImageOfSeries, String modelVersion) {
    return seriesDirectory(anyImageOfSeries) + "/seg." + modelVersion.replaceAll("[^A-Za-z0-9.-]", "_") + ".dcm";
  }
}
