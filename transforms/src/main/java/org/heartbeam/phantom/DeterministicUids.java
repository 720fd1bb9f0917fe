package org.heartbeam.phantom;

import java.math.BigInteger;
import org.heartbeam.model.hash.Sha256;

/**
 * DICOM UIDs derived from the seed, so the same options give byte-identical files. Uses the
 * {@code 2.25.<128-bit integer>} form (ITU-T X.667), which needs no registered root; the integer is
 * the first 128 bits of SHA-256 over the seed and what the UID names.
 */
final class DeterministicUids {
  private DeterministicUids() {}

  static String uid(long seed, String what) {
    byte[] first16 = java.util.Arrays.copyOf(Sha256.digest("heartbeam-synth/" + seed + "/" + what), 16);
    return "2.25." + new BigInteger(1, first16);
  }
}
