package org.heartbeam.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Re-hashes a version's files against its version.json: a changed, missing or added file is a
 * problem. A version is immutable once written, so any difference is damage or tampering.
 */
final class IntegrityCheck {
  private IntegrityCheck() {}

  /** The problems found, one line each; empty when the version is intact. */
  static List<String> problems(RegisteredModel model) throws IOException {
    List<String> problems = new ArrayList<>();
    ResourceId folder = RegistryFiles.folder(model.uri());
    for (Map.Entry<String, String> file : model.files().entrySet()) {
      ResourceId resource = RegistryFiles.file(folder, file.getKey());
      if (!RegistryFiles.exists(resource)) {
        problems.add(model.ref() + " " + file.getKey() + " is missing");
      } else if (!RegistryFiles.sha256(resource).equals(file.getValue())) {
        problems.add(model.ref() + " " + file.getKey() + " was modified (SHA-256 differs from version.json)");
      }
    }
    for (ResourceId present : RegistryFiles.list(folder + "*")) {
      String fileName = present.getFilename();
      if (!model.files().containsKey(fileName) && !fileName.equals(RegisteredModel.VERSION_FILE)
          && !fileName.equals(VersionClaim.MARKER)) {
        problems.add(model.ref() + " " + fileName + " was added after registration");
      }
    }
    return problems;
  }
}
