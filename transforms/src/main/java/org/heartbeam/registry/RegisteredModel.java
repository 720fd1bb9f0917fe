package org.heartbeam.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One immutable registry version, as its {@code version.json} describes it: name, version number,
 * folder URI, registration time, source run folder, the training command and data fingerprint,
 * the run's metrics, the SHA-256 of every file, and whether the {@code production} stage points at it.
 */
public final class RegisteredModel {
  static final String VERSION_FILE = "version.json";
  static final String FORMAT = "heartbeam-registry-version";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final int version;
  private final String uri;
  private final Instant registeredAt;
  private final String source;
  private final String command;
  private final String dataFingerprint;
  private final Map<String, Double> metrics;
  private final Map<String, String> files;
  private final boolean production;

  RegisteredModel(String name, int version, String uri, Instant registeredAt, String source, String command,
      String dataFingerprint, Map<String, Double> metrics, Map<String, String> files, boolean production) {
    this.name = Objects.requireNonNull(name, "name");
    this.version = version;
    this.uri = Objects.requireNonNull(uri, "uri");
    this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
    this.source = Objects.requireNonNull(source, "source");
    this.command = Objects.requireNonNull(command, "command");
    this.dataFingerprint = Objects.requireNonNull(dataFingerprint, "dataFingerprint");
    this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    this.production = production;
  }

  public String name() { return name; }

  public int version() { return version; }

  /** {@code name@N}: the ref that always means this version. */
  public String ref() { return name + "@" + version; }

  /** The version's folder (local path or URI), ending with '/'. */
  public String uri() { return uri; }

  public Instant registeredAt() { return registeredAt; }

  /** The training run folder it was registered from. */
  public String source() { return source; }

  /** The exact training command line (run.json "command"). */
  public String command() { return command; }

  /** The training data fingerprint (run.json "data_fingerprint"). */
  public String dataFingerprint() { return dataFingerprint; }

  /** The run's numeric metrics (run.json "metrics"), e.g. val_dice_mean. */
  public Map<String, Double> metrics() { return metrics; }

  /** File name to SHA-256, for every file of the version except version.json itself. */
  public Map<String, String> files() { return files; }

  /** Whether the production stage points at this version. */
  public boolean isProduction() { return production; }

  RegisteredModel withProduction(boolean isProduction) {
    return new RegisteredModel(name, version, uri, registeredAt, source, command, dataFingerprint, metrics, files,
        isProduction);
  }

  /** version.json: the fields above plus each file's size. */
  String toJson(Map<String, Long> sizes) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("name", name);
    root.put("version", version);
    root.put("registered_at", registeredAt.toString());
    root.put("source", source);
    root.put("command", command);
    root.put("data_fingerprint", dataFingerprint);
    ObjectNode m = root.putObject("metrics");
    metrics.forEach(m::put);
    ObjectNode f = root.putObject("files");
    files.forEach((file, sha) -> f.putObject(file).put("sha256", sha).put("bytes", sizes.get(file)));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write version.json", e);
    }
  }

  static RegisteredModel fromJson(String uri, byte[] json) throws RegistryException {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !FORMAT.equals(root.path("format").asText())) {
        throw new RegistryException(uri + VERSION_FILE + " is not a HeartBeam registry version file");
      }
      Map<String, Double> metrics = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("metrics").fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        metrics.put(e.getKey(), e.getValue().asDouble());
      }
      Map<String, String> files = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("files").fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        files.put(e.getKey(), e.getValue().path("sha256").asText());
      }
      return new RegisteredModel(root.path("name").asText(), root.path("version").asInt(), uri,
          Instant.parse(root.path("registered_at").asText()), root.path("source").asText(),
          root.path("command").asText(), root.path("data_fingerprint").asText(), metrics, files, false);
    } catch (java.io.IOException | DateTimeParseException e) {
      throw new RegistryException(uri + VERSION_FILE + " is unreadable: " + e.getMessage().split("\\R", 2)[0], e);
    }
  }

  @Override
  public String toString() {
    return ref() + (production ? " (production)" : "");
  }
}
