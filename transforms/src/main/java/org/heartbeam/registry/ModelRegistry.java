package org.heartbeam.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * A folder of trained models (local path or any Beam filesystem URI), laid out as:
 *
 * <pre>
 * &lt;root&gt;/&lt;name&gt;/v&lt;N&gt;/                 one immutable version: the run's files + version.json
 * &lt;root&gt;/&lt;name&gt;/stages/production.json  the stage pointer: version, gate, measurements, previous version
 * &lt;root&gt;/&lt;name&gt;/promotions.jsonl       every promotion, one JSON object a line
 * </pre>
 *
 * <p>Versions are never overwritten (see {@link VersionClaim} for what each filesystem guarantees);
 * promotion moves only the stage pointer. Refs: {@code name} (= latest), {@code name@latest},
 * {@code name@N}, {@code name@production} ({@link ModelRef}).
 */
public final class ModelRegistry {
  static final String STAGES = "stages";
  static final String HISTORY_FILE = "promotions.jsonl";
  static final String VALIDATION_DICE = "val_dice_mean";
  private static final int MAX_CLAIM_ATTEMPTS = 1000;

  private final String rootSpec;
  private final ResourceId root;
  private final Path cacheDirectory;
  /** Resolved registry versions by ref "name@N": versions are immutable, so this never goes stale. */
  private final Map<String, ResolvedModel> resolvedVersions = new ConcurrentHashMap<>();
  /** Resolved plain files by "path|size|mtime": re-hashed only when the file changes. */
  private final Map<String, ResolvedModel> resolvedFiles = new ConcurrentHashMap<>();

  private ModelRegistry(String rootSpec, Path cacheDirectory) {
    this.rootSpec = rootSpec;
    this.root = RegistryFiles.folder(rootSpec);
    this.cacheDirectory = cacheDirectory;
  }

  /** The registry at {@code root}; remote model files are cached under the temp dir's heartbeam-model-cache. */
  public static ModelRegistry at(String root) {
    return new ModelRegistry(root, Path.of(System.getProperty("java.io.tmpdir"), "heartbeam-model-cache"));
  }

  /** The same registry, caching remote model files in {@code directory} (named by their SHA-256). */
  public ModelRegistry withCacheDirectory(Path directory) {
    return new ModelRegistry(rootSpec, directory);
  }

  /** The registry folder as a URI or absolute path, ending with '/'. */
  public String root() {
    return root.toString();
  }

  /**
   * Copies every file of a training run folder into a new version {@code <root>/<name>/v<N>/}, N one
   * above the highest ever claimed, and writes version.json (SHA-256 of every file) last.
   *
   * @throws RegistryException if the run folder lacks model.hbm or run.json, its model manifest does
   *     not read, or its files change while being copied
   */
  public RegisteredModel register(String name, String runDirectory) throws IOException {
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

  /**
   * Registers a run as exactly version {@code version}, or refuses if that version was ever claimed:
   * the write path {@link #register} uses, exposed to the package so tests can try to overwrite.
   */
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

  /** Complete versions, of one model or (null) of all, by name then version. */
  public List<RegisteredModel> list(String nameOrNull) throws IOException {
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
        stage = production(model.name()).map(p -> OptionalInt.of(p.version())).orElse(OptionalInt.empty());
        production.put(model.name(), stage);
      }
      models.add(model.withProduction(stage.isPresent() && stage.getAsInt() == model.version()));
    }
    models.sort(Comparator.comparing(RegisteredModel::name).thenComparingInt(RegisteredModel::version));
    return models;
  }

  /** The version a ref names. */
  public RegisteredModel show(String ref) throws IOException {
    ModelRef parsed = ModelRef.parse(ref);
    checkRootExists();
    Optional<Promotion> production = production(parsed.name());
    int version;
    if (parsed.isProduction()) {
      version = production.orElseThrow(() -> new RegistryException(parsed.name() + " has no production version"
          + " (promote one: heartbeam models promote " + parsed.name() + "@N)")).version();
    } else if (parsed.isLatest()) {
      version = latestVersion(parsed.name());
    } else {
      version = parsed.version();
    }
    ResourceId file = RegistryFiles.file(VersionClaim.folder(nameFolder(parsed.name()), version),
        RegisteredModel.VERSION_FILE);
    if (!RegistryFiles.exists(file)) {
      throw new RegistryException("unknown model ref '" + ref + "': no " + parsed.name() + "@" + version + " in "
          + root);
    }
    RegisteredModel model = read(file);
    return model.withProduction(production.map(p -> p.version() == model.version()).orElse(false));
  }

  /** The current production promotion of a model, if any. */
  public Optional<Promotion> production(String name) throws IOException {
    ModelRef.checkName(name);
    ResourceId pointer = productionPointer(name);
    if (!RegistryFiles.exists(pointer)) {
      return Optional.empty();
    }
    return Optional.of(Promotion.fromJson(pointer.toString(),
        new String(RegistryFiles.read(pointer), StandardCharsets.UTF_8)));
  }

  /** Every promotion of a model, oldest first. */
  public List<Promotion> promotions(String name) throws IOException {
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
   * Points {@code production} at the version a ref names, if it passes the gate: its files match
   * version.json, its validation Dice (run.json metrics.val_dice_mean) is at least the minimum, and
   * its inference latency, measured now on this machine, is at most the maximum. Appends the
   * promotion to promotions.jsonl, then moves the pointer.
   *
   * @throws PromotionRefusedException naming the failed check and its numbers
   */
  public Promotion promote(String ref, PromotionGate gate) throws IOException {
    RegisteredModel model = show(ref);
    List<String> problems = verify(model);
    if (!problems.isEmpty()) {
      throw new PromotionRefusedException("integrity", model.ref() + " not promoted: integrity check failed: "
          + problems.get(0));
    }
    Double dice = model.metrics().get(VALIDATION_DICE);
    if (dice == null) {
      throw new PromotionRefusedException("validation-dice", model.ref()
          + " not promoted: validation Dice check failed: run.json has no metrics." + VALIDATION_DICE);
    }
    if (!(dice >= gate.minDice())) {
      throw new PromotionRefusedException("validation-dice", String.format(java.util.Locale.ROOT,
          "%s not promoted: validation Dice check failed: %s %.4f < minimum %.4f", model.ref(), VALIDATION_DICE, dice,
          gate.minDice()));
    }
    LatencyMeasurement latency = LatencyProbe.measure(resolveVersion(model).modelFile(), gate);
    if (!(latency.msPerImage() <= gate.maxLatencyMs())) {
      throw new PromotionRefusedException("latency", String.format(java.util.Locale.ROOT,
          "%s not promoted: latency check failed: %s > maximum %.3f ms/image", model.ref(), latency.describe(),
          gate.maxLatencyMs()));
    }
    OptionalInt previous = production(model.name()).map(p -> OptionalInt.of(p.version())).orElse(OptionalInt.empty());
    Promotion promotion = new Promotion(model.name(), model.version(), previous, Instant.now(), gate.minDice(),
        gate.maxLatencyMs(), dice, latency);
    appendHistory(model.name(), promotion);
    RegistryFiles.writeAtomically(productionPointer(model.name()),
        (promotion.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
    return promotion;
  }

  /**
   * Re-hashes a version's files against its version.json: the problems found (a changed, missing or
   * added file), empty when the version is intact.
   */
  public List<String> verify(String ref) throws IOException {
    return verify(show(ref));
  }

  private List<String> verify(RegisteredModel model) throws IOException {
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

  /**
   * A registry ref or a model file path to a local model file and a version string. A string that
   * names an existing file is a file ("file:sha256:<12 hex>"); anything else is a ref ("name@N").
   * Cheap to poll: a production ref costs one read of the small stage pointer when nothing changed,
   * a plain file one stat.
   */
  public ResolvedModel resolve(String refOrFile) throws IOException {
    Optional<ResolvedModel> file = resolveFile(refOrFile);
    if (file.isPresent()) {
      return file.get();
    }
    ModelRef ref;
    try {
      ref = ModelRef.parse(refOrFile);
    } catch (RegistryException e) {
      throw new RegistryException("'" + refOrFile + "' is neither a model file nor a registry ref: " + e.getMessage());
    }
    int version;
    if (ref.isProduction()) {
      version = production(ref.name()).orElseThrow(() -> new RegistryException(ref.name()
          + " has no production version in " + root)).version();
    } else if (ref.isLatest()) {
      checkRootExists();
      version = latestVersion(ref.name());
    } else {
      version = ref.version();
    }
    ResolvedModel known = resolvedVersions.get(ref.name() + "@" + version);
    if (known != null && Files.isRegularFile(known.modelFile())) {
      return known;
    }
    return resolveVersion(show(ref.name() + "@" + version));
  }

  private ResolvedModel resolveVersion(RegisteredModel model) throws IOException {
    String sha = model.files().get(RunDirectory.MODEL_FILE);
    if (sha == null) {
      throw new RegistryException(model.ref() + " has no " + RunDirectory.MODEL_FILE);
    }
    ResourceId file = RegistryFiles.file(RegistryFiles.folder(model.uri()), RunDirectory.MODEL_FILE);
    Path local = RegistryFiles.isLocal(file) ? RegistryFiles.localPath(file) : cached(file, sha);
    ResolvedModel resolved = new ResolvedModel(local, model.ref(), sha);
    resolvedVersions.put(model.ref(), resolved);
    return resolved;
  }

  /** A plain model file, if {@code spec} names one. */
  private Optional<ResolvedModel> resolveFile(String spec) throws IOException {
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
    ResolvedModel known = resolvedFiles.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Path local;
    String sha;
    if (remote) {
      Path download = RegistryFiles.toLocalTemporary(resource, ".hbm");
      sha = sha256(download);
      local = intoCache(download, sha);
    } else {
      local = RegistryFiles.localPath(resource);
      sha = RegistryFiles.sha256(resource);
    }
    ResolvedModel resolved = new ResolvedModel(local, "file:sha256:" + sha.substring(0, 12), sha);
    resolvedFiles.put(key, resolved);
    return Optional.of(resolved);
  }

  /** A remote model file's local copy in the cache, named by its SHA-256 and checked against it. */
  private Path cached(ResourceId file, String sha) throws IOException {
    Path target = cacheDirectory.resolve(sha + ".hbm");
    if (Files.isRegularFile(target) && sha256(target).equals(sha)) {
      return target;
    }
    Path download = RegistryFiles.toLocalTemporary(file, ".hbm");
    String downloaded = sha256(download);
    if (!downloaded.equals(sha)) {
      Files.deleteIfExists(download);
      throw new RegistryException(file + " was modified: its SHA-256 differs from version.json");
    }
    return intoCache(download, sha);
  }

  private Path intoCache(Path download, String sha) throws IOException {
    Files.createDirectories(cacheDirectory);
    Path target = cacheDirectory.resolve(sha + ".hbm");
    // Same name, same bytes: whichever concurrent download lands last replaces an identical file.
    Files.move(download, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  private static String sha256(Path file) throws IOException {
    return RegistryFiles.sha256(RegistryFiles.fileResource(file.toString()));
  }

  /**
   * History first, then the pointer: a crash between them leaves a history line whose version the
   * pointer does not show, never a production version without its record. Object stores cannot
   * append, so the file is rewritten whole (atomically); promotions are rare, human-paced steps.
   */
  private void appendHistory(String name, Promotion promotion) throws IOException {
    ResourceId history = RegistryFiles.file(nameFolder(name), HISTORY_FILE);
    byte[] old = RegistryFiles.exists(history) ? RegistryFiles.read(history) : new byte[0];
    byte[] line = (promotion.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[old.length + line.length];
    System.arraycopy(old, 0, all, 0, old.length);
    System.arraycopy(line, 0, all, old.length, line.length);
    RegistryFiles.writeAtomically(history, all);
  }

  private int latestVersion(String name) throws IOException {
    return RegistryFiles.list(nameFolder(name) + "v*/" + RegisteredModel.VERSION_FILE).stream()
        .mapToInt(file -> VersionClaim.number(file.getCurrentDirectory().getFilename())).max()
        .orElseThrow(() -> new RegistryException("unknown model '" + name + "': no versions in " + root));
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

  /** A local registry must be an existing folder; a remote one is a prefix, empty until written. */
  private void checkRootExists() throws RegistryException {
    if (RegistryFiles.isLocal(root) && !Files.isDirectory(RegistryFiles.localPath(root))) {
      throw new RegistryException("no model registry at " + rootSpec + " (not a folder)");
    }
  }
}
