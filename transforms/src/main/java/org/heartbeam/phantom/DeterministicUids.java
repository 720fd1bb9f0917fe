package org.heartbeam.phantom;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * DICOM UIDs derived from the seed, so the same options give byte-identical files. Uses the
 * {@code 2.25.<128-bit integer>} form (ITU-T X.667), which needs no registered root; the integer is
 * the first 128 bits of SHA-256 over the seed and what the UID names.
 */
final class DeterministicUids {
  private DeterministicUids() {}

  static String uid(long seed, String what) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(("heartbeam-synth/" + seed + "/" + what).getBytes(StandardCharsets.UTF_8));
      byte[] first16 = java.util.Arrays.copyOf(digest, 16);
      return "2.25." + new BigInteger(1, first16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
