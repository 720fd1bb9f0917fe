package org.heartbeam.model.image;

/**
 * A PHI-free name for a patient: {@code p-} and 16 hex digits of SHA-256 over the PatientID. The
 * same key everywhere (manifests, {@code inspect}, splits), so users can match them up without the
 * ID ever being printed.
 */
public final class PatientKey {
  private PatientKey() {}

  /** The key of a PatientID (or of another identity when there is none, e.g. "study:1.2.3"). */
  public static String of(String identity) {
    return "p-" + CardiacImage.shortHash("patient:" + identity);
  }
}
