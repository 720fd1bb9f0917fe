package org.heartbeam.transforms.output;

import java.io.Serializable;
import java.util.Objects;

/**
 * One output file written: what it is, where it went, what it shows (an image key, or for a SEG the
 * series directory name) and the model version that made it. PHI-free, so it can be logged or listed.
 */
public final class WrittenFile implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The kinds of output file. */
  public enum Kind { MASK_PNG, OVERLAY_PNG, DICOM_SEG }

  private final Kind kind;
  private final String path;
  private final String key;
  private final String modelVersion;
  private final long bytes;

  public WrittenFile(Kind kind, String path, String key, String modelVersion, long bytes) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.path = Objects.requireNonNull(path, "path");
    this.key = Objects.requireNonNull(key, "key");
    this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
    this.bytes = bytes;
  }

  public Kind kind() { return kind; }

  /** The full resource id (local path or URI) written. */
  public String path() { return path; }

  /** The image key (PNGs) or the sanitized series directory name (SEG). */
  public String key() { return key; }

  public String modelVersion() { return modelVersion; }

  public long bytes() { return bytes; }

  @Override
  public boolean equals(Object o) {
    return o instanceof WrittenFile w && kind == w.kind && path.equals(w.path) && key.equals(w.key)
        && modelVersion.equals(w.modelVersion) && bytes == w.bytes;
  }

  @Override
  public int hashCode() { return Objects.hash(kind, path, key, modelVersion, bytes); }

  @Override
  public String toString() { return kind + " " + path + " (" + key + ", model " + modelVersion + ", " + bytes + " B)"; }
}
