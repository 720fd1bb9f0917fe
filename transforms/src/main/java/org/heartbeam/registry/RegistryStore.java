package org.heartbeam.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The registry's files and nothing else: the layout below the root, claiming and filling immutable
 * versions, reading version.json, the stage pointer and the promotion history.
 *
 * <pre>
 * &lt;root&gt;/&lt;name&gt;/v&lt;N&gt;/                 one immutable version: the run's files + version.json
 * &lt;root&gt;/&lt;name&gt;/stages/production.json  the stage pointer: version, gate, measurements, previous version
 * &lt;root&gt;/&lt;name&gt;/promotions.jsonl       every promotion, one JSON object a line
 * </pre>
 */
final class RegistryStore implements VersionIndex {
  static final String STAGES = "stages";
  static final String HISTORY_FILE = "promotions.jsonl";
  private static final int MAX_CLAIM_ATTEMPTS = 1000;

  private final String rootSpec;
  private final ResourceId root;

  RegistryStore(String rootSpec) {
    this.rootSpec = rootSpec;
    this.root = RegistryFiles.folder(rootSpec);
  }

  String rootSpec() {
    return rootSpec;
  }

  /** The registry folder as a URI or absolute path, ending with '/'. */
  String root() {
    return root.toString();
  }

  @Override
  public String location() {
    return root();
  }

  /** Claims the next free version number of {@code name} and copies the run into it. */
  RegisteredModel register(String name, String runDirectory) throws IOException {
    ModelRef.checkName(name);
    RunDirectory run = RunDirectory.read(runDirectory);
    ResourceId nameFolder = nameFolder(name);
    for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
      int version = VersionClaim.highest(nameFolder) + 1;
      if (VersionClaim.claim(nameFolder, version)) {
        return fill(name, version, run);
      }
    }
    throw new RegistryException("could not claim a version number for " + name + " after " + MAX_CLAIM_ATTEMPTS
        + " attempts (is something creating version folders in a loop?)");
  }

  /** Registers a run as exactly {@code version}, or refuses if that version was ever claimed. */
  RegisteredModel registerAs(String name, String runDirectory, int version) throws IOException {
    ModelRef.checkName(name);
    RunDirectory run = RunDirectory.read(runDirectory);
    if (!VersionClaim.claim(nameFolder(name), version)) {
      throw new RegistryException(name + "@" + version + " already exists: registry versions are immutable");
    }
    return fill(name, version, run);
  }

  /** Copies the run into a version folder this registrar has claimed; version.json last marks it complete. */
  private RegisteredModel fill(String name, int version, RunDirectory run) throws IOException {
    ResourceId folder = VersionClaim.folder(nameFolder(name), version);
    Map<String, String> hashes = new LinkedHashMap<>();
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (Map.Entry<String, ResourceId> file : run.files.entrySet()) {
      ResourceId target = RegistryFiles.file(folder, file.getKey());
      RegistryFiles.copy(file.getValue(), target);
      String copied = RegistryFiles.sha256(target);
      if (!copied.equals(RegistryFiles.sha256(file.getValue()))) {
        throw new RegistryException(run.location + " " + file.getKey() + " changed while it was being registered; "
            + name + "@" + version + " left incomplete (never listed); register again when the run has finished");
      }
      hashes.put(file.getKey(), copied);
      sizes.put(file.getKey(), RegistryFiles.metadata(target).map(MatchResult.Metadata::sizeBytes).orElse(-1L));
    }
    RegisteredModel model = new RegisteredModel(name, version, folder.toString(), Instant.now(), run.location,
        run.command(), run.dataFingerprint(), run.metrics(), hashes, false);
    RegistryFiles.writeAtomically(RegistryFiles.file(folder, RegisteredModel.VERSION_FILE),
        model.toJson(sizes).getBytes(StandardCharsets.UTF_8));
    return model;
  }

  /** Complete versions, of one model or (null) of all, by name then version, flagged if production. */
  List<RegisteredModel> list(String nameOrNull) throws IOException {
    checkRootExists();
    if (nameOrNull != null) {
      ModelRef.checkName(nameOrNull);
    }
    String glob = nameOrNull == null ? root + "*/v*/" + RegisteredModel.VERSION_FILE
        : nameFolder(nameOrNull) + "v*/" + RegisteredModel.VERSION_FILE;
    Map<String, OptionalInt> production = new LinkedHashMap<>();
    List<RegisteredModel> models = new ArrayList<>();
    for (ResourceId file : RegistryFiles.list(glob)) {
      RegisteredModel model = read(file);
      OptionalInt stage = production.get(model.name());
      if (stage == null) {
        stage = productionVersion(model.name());
        production.put(model.name(), stage);
      }
      models.add(model.withProduction(stage.isPresent() && stage.getAsInt() == model.version()));
    }
    models.sort(Comparator.comparing(RegisteredModel::name).thenComparingInt(RegisteredModel::version));
    return models;
  }

  /** Version {@code version} of {@code name}, flagged if production; {@code ref} is what the user asked for. */
  RegisteredModel version(String ref, String name, int version) throws IOException {
    ResourceId file = RegistryFiles.file(VersionClaim.folder(nameFolder(name), version), RegisteredModel.VERSION_FILE);
    if (!RegistryFiles.exists(file)) {
      throw new RegistryException("unknown model ref '" + ref + "': no " + name + "@" + version + " in " + root);
    }
    RegisteredModel model = read(file);
    OptionalInt production = productionVersion(name);
    return model.withProduction(production.isPresent() && production.getAsInt() == version);
  }

  /** The current production promotion of a model, if any. */
  Optional<Promotion> production(String name) throws IOException {
    ModelRef.checkName(name);
    ResourceId pointer = productionPointer(name);
    if (!RegistryFiles.exists(pointer)) {
      return Optional.empty();
    }
    return Optional.of(Promotion.fromJson(pointer.toString(),
        new String(RegistryFiles.read(pointer), StandardCharsets.UTF_8)));
  }

  @Override
  public OptionalInt productionVersion(String name) throws IOException {
    return production(name).map(p -> OptionalInt.of(p.version())).orElse(OptionalInt.empty());
  }

  @Override
  public OptionalInt latestVersion(String name) throws IOException {
    return RegistryFiles.list(nameFolder(name) + "v*/" + RegisteredModel.VERSION_FILE).stream()
        .mapToInt(file -> VersionClaim.number(file.getCurrentDirectory().getFilename())).max();
  }

  /** Every promotion of a model, oldest first. */
  List<Promotion> promotions(String name) throws IOException {
    ModelRef.checkName(name);
    ResourceId history = RegistryFiles.file(nameFolder(name), HISTORY_FILE);
    List<Promotion> promotions = new ArrayList<>();
    if (RegistryFiles.exists(history)) {
      String[] lines = new String(RegistryFiles.read(history), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          promotions.add(Promotion.fromJson(history + " line " + (i + 1), lines[i]));
        }
      }
    }
    return promotions;
  }

  /**
   * History first, then the pointer: a crash between them leaves a history line whose version the
   * pointer does not show, never a production version without its record. Object stores cannot
   * append, so the history is rewritten whole (atomically); promotions are rare, human-paced steps.
   */
  void recordPromotion(Promotion promotion) throws IOException {
    ResourceId history = RegistryFiles.file(nameFolder(promotion.name()), HISTORY_FILE);
    byte[] old = RegistryFiles.exists(history) ? RegistryFiles.read(history) : new byte[0];
    byte[] line = (promotion.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[old.length + line.length];
    System.arraycopy(old, 0, all, 0, old.length);
    System.arraycopy(line, 0, all, old.length, line.length);
    RegistryFiles.writeAtomically(history, all);
    RegistryFiles.writeAtomically(productionPointer(promotion.name()), line);
  }

  /** A local registry must be an existing folder; a remote one is a prefix, empty until written. */
  void checkRootExists() throws RegistryException {
    if (RegistryFiles.isLocal(root) && !Files.isDirectory(RegistryFiles.localPath(root))) {
      throw new RegistryException("no model registry at " + rootSpec + " (not a folder)");
    }
  }

  private RegisteredModel read(ResourceId versionFile) throws IOException {
    return RegisteredModel.fromJson(versionFile.getCurrentDirectory().toString(), RegistryFiles.read(versionFile));
  }

  private ResourceId nameFolder(String name) {
    return RegistryFiles.subfolder(root, name);
  }

  private ResourceId productionPointer(String name) {
    return RegistryFiles.file(RegistryFiles.subfolder(nameFolder(name), STAGES), Promotion.STAGE + ".json");
  }
}
