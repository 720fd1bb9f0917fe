package org.heartbeam.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.file.RunFolder;

/**
 * A training run's output folder, checked before anything is registered: it must hold
 * {@code model.hbm} whose manifest reads, and {@code run.json} that parses as a JSON object. Every
 * top-level file of the folder is part of the run (model, run.json, epochs.csv/jsonl, curves.png,
 * dead_letters.jsonl).
 */
final class RunDirectory {
  private static final ObjectMapper JSON = new ObjectMapper();

  final String location;
  /** File name to resource, sorted by name. */
  final Map<String, ResourceId> files;
  final JsonNode run;

  private RunDirectory(String location, Map<String, ResourceId> files, JsonNode run) {
    this.location = location;
    this.files = files;
    this.run = run;
  }

  static RunDirectory read(String location) throws IOException {
    ResourceId folder = RegistryFiles.folder(location);
    if (RegistryFiles.isLocal(folder) && !Files.isDirectory(RegistryFiles.localPath(folder))) {
      throw new RegistryException("no run folder at " + location);
    }
    Map<String, ResourceId> files = new TreeMap<>();
    for (ResourceId file : RegistryFiles.list(folder + "*")) {
      String name = file.getFilename();
      if (name != null && !name.startsWith(".") && !name.equals(RegisteredModel.VERSION_FILE)) {
        files.put(name, file);
      }
    }
    for (String required : List.of(RunFolder.MODEL, RunFolder.RUN_JSON)) {
      if (!files.containsKey(required)) {
        throw new RegistryException("run folder " + location + " has no " + required + ": not a training run");
      }
    }
    JsonNode run;
    try {
      run = JSON.readTree(RegistryFiles.read(files.get(RunFolder.RUN_JSON)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RegistryException(location + " " + RunFolder.RUN_JSON + " is not valid JSON: "
          + e.getOriginalMessage().split("\\R", 2)[0]);
    }
    if (run == null || !run.isObject()) {
      throw new RegistryException(location + " " + RunFolder.RUN_JSON + " is not a JSON object");
    }
    checkModelFile(files.get(RunFolder.MODEL));
    return new RunDirectory(location, files, run);
  }

  /** The manifest must read: a registry of models that do not load is worse than none. */
  private static void checkModelFile(ResourceId model) throws IOException {
    boolean local = RegistryFiles.isLocal(model);
    Path path = local ? RegistryFiles.localPath(model) : RegistryFiles.toLocalTemporary(model, ".hbm");
    try {
      ModelFile.readManifest(path);
    } catch (IOException e) {
      throw new RegistryException("refusing to register: " + e.getMessage().split("\\R", 2)[0], e);
    } finally {
      if (!local) {
        Files.deleteIfExists(path);
      }
    }
  }

  String command() {
    return run.path("command").asText("");
  }

  String dataFingerprint() {
    return run.path("data_fingerprint").asText("");
  }

  /** run.json "metrics": its numeric fields. */
  Map<String, Double> metrics() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = run.path("metrics").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNumber()) {
        metrics.put(e.getKey(), e.getValue().asDouble());
      }
    }
    return metrics;
  }
}
