package org.heartbeam.transforms.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Writes one whole file under an output directory through Beam's {@link FileSystems}, so the same
 * code writes to a local path, gs:// or any registered file system. Paths are resolved one
 * sanitized component at a time (never by string concatenation of header values).
 *
 * <p>Each file is written to a hidden temporary sibling and renamed over its target, so a file
 * rewritten under the same name (a streaming session firing again, a replay) is never seen half
 * written: the local file system renames atomically, replacing the old file; object stores such as
 * GCS make an object visible only once it is complete anyway.
 */
final class OutputFiles {
  private OutputFiles() {}

  /**
   * @param outputDirectory local path or URI of the output directory
   * @param relativePath components from {@link SafeFileNames}, separated by '/'
   * @return the resource id written, as a string
   */
  static String write(String outputDirectory, String relativePath, byte[] content, String mimeType)
      throws IOException {
    ResourceId target = resolve(outputDirectory, relativePath);
    ResourceId temp = target.getCurrentDirectory().resolve(
        "." + target.getFilename() + "." + UUID.randomUUID() + ".tmp", StandardResolveOptions.RESOLVE_FILE);
    try {
      try (WritableByteChannel channel = FileSystems.create(temp, mimeType);
          OutputStream out = Channels.newOutputStream(channel)) {
        out.write(content);
      }
      FileSystems.rename(List.of(temp), List.of(target));
    } catch (IOException | RuntimeException e) {
      FileSystems.delete(List.of(temp), StandardMoveOptions.IGNORE_MISSING_FILES);
      throw e;
    }
    return target.toString();
  }

  static ResourceId resolve(String outputDirectory, String relativePath) {
    ResourceId resource = FileSystems.matchNewResource(outputDirectory, true);
    String[] parts = relativePath.split("/");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      // SafeFileNames never makes these; refusing them here keeps the guarantee local.
      if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains("\\")) {
        throw new IllegalArgumentException("unsafe path component in " + relativePath);
      }
      boolean last = i == parts.length - 1;
      resource = resource.resolve(part,
          last ? StandardResolveOptions.RESOLVE_FILE : StandardResolveOptions.RESOLVE_DIRECTORY);
    }
    return resource;
  }
}
