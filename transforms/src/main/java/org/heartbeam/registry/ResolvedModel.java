package org.heartbeam.registry;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A model ready to load: the local path of its model file, and the version string outputs carry
 * ({@code name@N} for registry refs, {@code file:sha256:<12 hex>} for plain files).
 */
public final class ResolvedModel {
  private final Path modelFile;
  private final String version;
  private final String sha256;

  ResolvedModel(Path modelFile, String version, String sha256) {
    this.modelFile = Objects.requireNonNull(modelFile, "modelFile");
    this.version = Objects.requireNonNull(version, "version");
    this.sha256 = Objects.requireNonNull(sha256, "sha256");
  }

  /** A local model file (in a local registry, or in the local cache for remote ones). */
  public Path modelFile() { return modelFile; }

  public String version() { return version; }

  /** SHA-256 of the model file: equal digests mean the same model. */
  public String sha256() { return sha256; }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResolvedModel && ((ResolvedModel) o).modelFile.equals(modelFile)
        && ((ResolvedModel) o).version.equals(version) && ((ResolvedModel) o).sha256.equals(sha256);
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelFile, version, sha256);
  }

  @Override
  public String toString() {
    return version + " (" + modelFile + ")";
  }
}
