package org.heartbeam.pipelines.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes an output file all at once under its final, deterministic name: a temporary dot-file in the
 * same folder renamed over the target. A replay after a restore (Flink re-runs what followed the
 * last checkpoint) therefore replaces the file it wrote before the failure instead of adding one,
 * and a reader never sees half a file. That is how the stream's output folder is exactly-once.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  static void writeString(Path target, String content) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.write(temp, content.getBytes(StandardCharsets.UTF_8));
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A version, key or instant as a file-name part: letters, digits, dot, dash; anything else '_'. */
  static String safeName(String part) {
    return part.replaceAll("[^A-Za-z0-9.-]", "_");
  }
}
