package org.heartbeam.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Who owns a version number. A version folder {@code v<N>} is claimed before anything is written
 * into it, and only its claimant writes there; {@code version.json}, written last, marks it
 * complete. A claimed folder without {@code version.json} (a crashed registration) is never listed
 * and its number never reused.
 *
 * <p>Guarantee per filesystem: on a local (or NFS v3+) disk the claim is
 * {@link Files#createDirectory}, atomic create-if-absent, so two registrars, threads or processes,
 * can never get the same number. Beam's FileSystems has no create-if-absent for object stores
 * (gs://, s3://): there the claim writes a marker with a random token and reads it back, which
 * narrows but does not close the race; register to one name from one place at a time there, and
 * {@link ModelRegistry#verify} detects a collision's damage.
 */
final class VersionClaim {
  static final String MARKER = ".claim";

  private VersionClaim() {}

  static ResourceId folder(ResourceId nameFolder, int version) {
    return RegistryFiles.subfolder(nameFolder, "v" + version);
  }

  /** Claims version {@code version} of the model in {@code nameFolder}; false if it is taken. */
  static boolean claim(ResourceId nameFolder, int version) throws IOException {
    ResourceId folder = folder(nameFolder, version);
    if (RegistryFiles.isLocal(folder)) {
      Path path = RegistryFiles.localPath(folder);
      Files.createDirectories(path.getParent());
      try {
        Files.createDirectory(path);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    if (!RegistryFiles.list(folder + "*").isEmpty()) {
      return false;
    }
    ResourceId marker = RegistryFiles.file(folder, MARKER);
    byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
    RegistryFiles.writeAtomically(marker, token);
    return java.util.Arrays.equals(RegistryFiles.read(marker), token);
  }

  /** The highest claimed version number, complete or not; 0 when there is none. */
  static int highest(ResourceId nameFolder) throws IOException {
    if (RegistryFiles.isLocal(nameFolder)) {
      Path path = RegistryFiles.localPath(nameFolder);
      if (!Files.isDirectory(path)) {
        return 0;
      }
      try (Stream<Path> children = Files.list(path)) {
        return children.filter(Files::isDirectory).mapToInt(p -> number(p.getFileName().toString())).max().orElse(0);
      }
    }
    return RegistryFiles.list(nameFolder + "v*/*").stream()
        .mapToInt(file -> number(file.getCurrentDirectory().getFilename())).max().orElse(0);
  }

  /** N of a folder named vN, else 0. */
  static int number(String folderName) {
    String name = folderName == null ? "" : folderName.replace("/", "");
    if (name.matches("v[1-9][0-9]{0,8}")) {
      return Integer.parseInt(name.substring(1));
    }
    return 0;
  }
}
