package org.heartbeam.pipelines.convert;

import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The seed's {@code name} feature for a converted image: its source file relative to the input
 * folder (e.g. {@code dicoms/SCD0000101/59.dcm}, plus {@code #frame=N} for multi-frame files), so a
 * record leads back to its file without carrying header values into the dataset.
 */
final class RecordNames implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String root;

  RecordNames(String inputRoot) {
    this.root = Paths.get(inputRoot).toAbsolutePath().normalize().toString();
  }

  String nameOf(String sourceUri) {
    String fragment = "";
    String path = sourceUri;
    int hash = sourceUri.indexOf('#');
    if (hash >= 0) {
      fragment = sourceUri.substring(hash);
      path = sourceUri.substring(0, hash);
    }
    if (path.startsWith("file:")) {
      path = Paths.get(java.net.URI.create(path)).toString();
    }
    Path absolute = Paths.get(path).toAbsolutePath().normalize();
    Path base = Paths.get(root);
    String relative = absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.getFileName().toString();
    return relative.replace('\\', '/') + fragment;
  }
}
