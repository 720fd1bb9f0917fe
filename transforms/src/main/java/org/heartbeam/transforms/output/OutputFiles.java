package org.heartbeam.transforms.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Writes one whole file under an output directory through Beam's {@link FileSystems}, so the same
 * code writes to a local path, gs:// or any registered file system. Paths are resolved one
 * sanitized component at a time (never by string concatenation of header values).
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
    try (WritableByteChannel channel = FileSystems.create(target, mimeType);
        OutputStream out = Channels.newOutputStream(channel)) {
      out.write(content);
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
