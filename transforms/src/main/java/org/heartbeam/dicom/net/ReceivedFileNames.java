package org.heartbeam.dicom.net;

import java.util.regex.Pattern;
import org.heartbeam.model.hash.Sha256;

/**
 * Where a received object lands below the watched folder: {@code <study>/<instance>.dcm}. Names are
 * never raw header values: a sender controls the header, and a UID is not guaranteed to be a UID
 * ("../..", PHI typed into the wrong field). The study folder is a hash of the Study Instance UID;
 * the file is the SOP Instance UID when it is a well-formed UID (digits and dots, at most 64), a
 * hash otherwise. One name per instance is what makes a re-sent instance replace, not duplicate.
 */
final class ReceivedFileNames {
  private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

  private ReceivedFileNames() {}

  /** {@code study-<16 hex of SHA-256(studyUid)>}. */
  static String studyFolder(String studyInstanceUid) {
    return "study-" + Sha256.hex(studyInstanceUid).substring(0, 16);
  }

  /** {@code <sopInstanceUid>.dcm} if it is digits and dots, else {@code sop-<32 hex>.dcm}. */
  static String instanceFile(String sopInstanceUid) {
    boolean wellFormed = sopInstanceUid.length() <= 64 && UID.matcher(sopInstanceUid).matches();
    return (wellFormed ? sopInstanceUid : "sop-" + Sha256.hex(sopInstanceUid).substring(0, 32)) + ".dcm";
  }
}
