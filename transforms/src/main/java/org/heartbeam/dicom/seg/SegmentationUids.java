package org.heartbeam.dicom.seg;

import java.math.BigInteger;
import java.util.Arrays;
import org.heartbeam.model.hash.Sha256;

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
    byte[] digest = Sha256.digest("heartbeam-seg/" + what + "/" + sourceSeriesUid + "/" + modelVersion);
    return "2.25." + new BigInteger(1, Arrays.copyOf(digest, 16));
  }
}
