package org.heartbeam.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.heartbeam.model.hash.Sha256;

/**
 * The registry's file operations, all through Beam's {@link FileSystems} so a registry can live on
 * any filesystem Beam has on the classpath (local, gs://, s3://, hdfs://). Object stores have no
 * directories: a "folder" here is a prefix, and a file exists once written.
 */
final class RegistryFiles {
  private static final String LOCAL_SCHEME = "file";

  private RegistryFiles() {}

  /**
   * A folder given as a local path (relative ones made absolute) or a URI. Registers the
   * filesystems found on the classpath once, so gs:// etc. work outside a pipeline too.
   */
  static ResourceId folder(String spec) {
    FileSystems.registerFileSystemsOnce(PipelineOptionsFactory.create());
    String absolute = spec.contains("://") ? spec : Path.of(spec).toAbsolutePath().normalize().toString();
    return FileSystems.matchNewResource(absolute, true);
  }

  /** A file given as a local path (relative ones made absolute) or a URI. */
  static ResourceId fileResource(String spec) {
    FileSystems.registerFileSystemsOnce(PipelineOptionsFactory.create());
    String absolute = spec.contains("://") ? spec : Path.of(spec).toAbsolutePath().normalize().toString();
    return FileSystems.matchNewResource(absolute, false);
  }

  static ResourceId file(ResourceId folder, String name) {
    return folder.resolve(name, StandardResolveOptions.RESOLVE_FILE);
  }

  static ResourceId subfolder(ResourceId folder, String name) {
    return folder.resolve(name, StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  static boolean isLocal(ResourceId resource) {
    return LOCAL_SCHEME.equals(resource.getScheme());
  }

  /** The local path of a {@code file} resource. */
  static Path localPath(ResourceId resource) {
    return Path.of(resource.toString());
  }

  /** The file's metadata, or empty when there is no such file. */
  static Optional<MatchResult.Metadata> metadata(ResourceId file) throws IOException {
    MatchResult match = FileSystems.match(file.toString(), EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK) {
      return Optional.empty();
    }
    return match.metadata().stream().filter(m -> m.resourceId().toString().equals(file.toString())).findFirst();
  }

  static boolean exists(ResourceId file) throws IOException {
    return metadata(file).isPresent();
  }

  /** Files matching a glob (empty when none). */
  static List<ResourceId> list(String glob) throws IOException {
    MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
    List<ResourceId> files = new ArrayList<>();
    if (match.status() == MatchResult.Status.OK) {
      match.metadata().forEach(m -> files.add(m.resourceId()));
    }
    return files;
  }

  static byte[] read(ResourceId file) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
      return in.readAllBytes();
    }
  }

  /**
   * Writes {@code bytes} under a temporary sibling name and renames it onto {@code file}: readers
   * see the old content or the new, never a partial file (Beam's local rename is an atomic move;
   * object stores publish an object whole).
   */
  static void writeAtomically(ResourceId file, byte[] bytes) throws IOException {
    ResourceId temporary = file.getCurrentDirectory()
        .resolve("." + file.getFilename() + "." + UUID.randomUUID() + ".part", StandardResolveOptions.RESOLVE_FILE);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(temporary, "application/octet-stream"))) {
      out.write(bytes);
    }
    FileSystems.rename(List.of(temporary), List.of(file));
  }

  static void copy(ResourceId from, ResourceId to) throws IOException {
    FileSystems.copy(List.of(from), List.of(to));
  }

  /** Lowercase hex SHA-256 of a file's bytes, streamed. */
  static String sha256(ResourceId file) throws IOException {
    return Sha256.hex(Channels.newInputStream(FileSystems.open(file)));
  }

  /** Copies a (possibly remote) file to a new local temporary file and returns its path. */
  static Path toLocalTemporary(ResourceId file, String suffix) throws IOException {
    Path local = Files.createTempFile("heartbeam-registry-", suffix);
    try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
      Files.copy(in, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return local;
  }
}
