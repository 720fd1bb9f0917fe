package org.heartbeam.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.heartbeam.model.file.RunFolder;
import org.heartbeam.model.hash.Sha256;

/**
 * Model files on local disk, where ND4J can load them: a local file is used in place, a remote one
 * is downloaded once into a folder of files named by their SHA-256 and checked against it. What was
 * resolved is remembered, so polling a ref that did not change costs no hashing.
 */
final class ModelFileCache {
  private final Path directory;
  /** Resolved registry versions by ref "name@N": versions are immutable, so this never goes stale. */
  private final Map<String, ResolvedModel> versions = new ConcurrentHashMap<>();
  /** Resolved plain files by "path|size|mtime": re-hashed only when the file changes. */
  private final Map<String, ResolvedModel> files = new ConcurrentHashMap<>();

  ModelFileCache(Path directory) {
    this.directory = directory;
  }

  Path directory() {
    return directory;
  }

  /** A version resolved before whose local file is still there. */
  Optional<ResolvedModel> knownVersion(String ref) {
    ResolvedModel known = versions.get(ref);
    return known != null && Files.isRegularFile(known.modelFile()) ? Optional.of(known) : Optional.empty();
  }

  /** A registry version's model file, local, checked against the SHA-256 in its version.json. */
  ResolvedModel version(RegisteredModel model) throws IOException {
    String sha = model.files().get(RunFolder.MODEL);
    if (sha == null) {
      throw new RegistryException(model.ref() + " has no " + RunFolder.MODEL);
    }
    ResourceId file = RegistryFiles.file(RegistryFiles.folder(model.uri()), RunFolder.MODEL);
    Path local = RegistryFiles.isLocal(file) ? RegistryFiles.localPath(file) : cached(file, sha);
    ResolvedModel resolved = new ResolvedModel(local, model.ref(), sha);
    versions.put(model.ref(), resolved);
    return resolved;
  }

  /** A plain model file, if {@code spec} names one. */
  Optional<ResolvedModel> plainFile(String spec) throws IOException {
    boolean remote = spec.contains("://");
    if (!remote && !Files.isRegularFile(Path.of(spec))) {
      return Optional.empty();
    }
    ResourceId resource = RegistryFiles.fileResource(spec);
    Optional<MatchResult.Metadata> metadata = RegistryFiles.metadata(resource);
    if (metadata.isEmpty()) {
      return Optional.empty();
    }
    String key = resource + "|" + metadata.get().sizeBytes() + "|" + metadata.get().lastModifiedMillis();
    ResolvedModel known = files.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Path local;
    String sha;
    if (remote) {
      Path download = RegistryFiles.toLocalTemporary(resource, ".hbm");
      sha = Sha256.hex(download);
      local = intoCache(download, sha);
    } else {
      local = RegistryFiles.localPath(resource);
      sha = RegistryFiles.sha256(resource);
    }
    ResolvedModel resolved = new ResolvedModel(local, "file:sha256:" + sha.substring(0, 12), sha);
    files.put(key, resolved);
    return Optional.of(resolved);
  }

  /** A remote model file's local copy in the cache, named by its SHA-256 and checked against it. */
  private Path cached(ResourceId file, String sha) throws IOException {
    Path target = directory.resolve(sha + ".hbm");
    if (Files.isRegularFile(target) && Sha256.hex(target).equals(sha)) {
      return target;
    }
    Path download = RegistryFiles.toLocalTemporary(file, ".hbm");
    String downloaded = Sha256.hex(download);
    if (!downloaded.equals(sha)) {
      Files.deleteIfExists(download);
      throw new RegistryException(file + " was modified: its SHA-256 differs from version.json");
    }
    return intoCache(download, sha);
  }

  private Path intoCache(Path download, String sha) throws IOException {
    Files.createDirectories(directory);
    Path target = directory.resolve(sha + ".hbm");
    // Same name, same bytes: whichever concurrent download lands last replaces an identical file.
    Files.move(download, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }
}
