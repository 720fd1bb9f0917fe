package org.heartbeam.dicom.seg;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * UIDs of a SEG derived from its source series UID and the model version, so rerunning the same model
 * over the same series writes the same SEG (an archive replaces it instead of holding duplicates),
 * while another model version makes a new series. {@code 2.25.<128-bit integer>} (ITU-T X.667) needs
 * no registered root; the integer is the first 128 bits of SHA-256 over what the UID names.
 */
final class SegmentationUids {
  private SegmentationUids() {}

  static String seriesUid(String sourceSeriesUid, String modelVersion) {
    return uid("series", sourceSeriesUid, modelVersion);
  }

  static String instanceUid(String sourceSeriesUid, String modelVersion) {
    return uid("instance", sourceSeriesUid, modelVersion);
  }

  static String dimensionOrganizationUid(String sourceSeriesUid, String modelVersion) {
    return uid("dimension-organization", sourceSeriesUid, modelVersion);
  }

  private static String uid(String what, String sourceSeriesUid, String modelVersion) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(
          ("heartbeam-seg/" + what + "/" + sourceSeriesUid + "/" + modelVersion).getBytes(StandardCharsets.UTF_8));
      return "2.25." + new BigInteger(1, Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
