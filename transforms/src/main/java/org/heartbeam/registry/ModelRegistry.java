package org.heartbeam.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A folder of trained models (local path or any Beam filesystem URI): what the CLI, training and
 * inference ask of it, each answer delegated to the part that owns it: {@link RegistryStore} (layout,
 * immutable versions, claims, stage pointer and history), {@link RefResolver} (what version a ref
 * names), {@link PromotionGate} (whether a version may become production), {@link IntegrityCheck}
 * (do the files still match version.json) and {@link ModelFileCache} (model files on local disk).
 *
 * <p>Versions are never overwritten (see {@link VersionClaim} for what each filesystem guarantees);
 * promotion moves only the stage pointer. Refs: {@code name} (= latest), {@code name@latest},
 * {@code name@N}, {@code name@production} ({@link ModelRef}).
 */
public final class ModelRegistry {
  private final RegistryStore store;
  private final RefResolver refs;
  private final ModelFileCache cache;
  private final LatencyProbe probe;

  private ModelRegistry(RegistryStore store, Path cacheDirectory, LatencyProbe probe) {
    this.store = store;
    this.refs = new RefResolver(store);
    this.cache = new ModelFileCache(cacheDirectory);
    this.probe = probe;
  }

  /** The registry at {@code root}; remote model files are cached under the temp dir's heartbeam-model-cache. */
  public static ModelRegistry at(String root) {
    return new ModelRegistry(new RegistryStore(root),
        Path.of(System.getProperty("java.io.tmpdir"), "heartbeam-model-cache"), LatencyProbe.onThisMachine());
  }

  /** The same registry, caching remote model files in {@code directory} (named by their SHA-256). */
  public ModelRegistry withCacheDirectory(Path directory) {
    return new ModelRegistry(store, directory, probe);
  }

  /** The same registry, timing promotions with {@code latencyProbe} instead of on this machine. */
  public ModelRegistry withLatencyProbe(LatencyProbe latencyProbe) {
    return new ModelRegistry(store, cache.directory(), latencyProbe);
  }

  /** The registry folder as a URI or absolute path, ending with '/'. */
  public String root() {
    return store.root();
  }

  /**
   * Copies every file of a training run folder into a new version {@code <root>/<name>/v<N>/}, N one
   * above the highest ever claimed, and writes version.json (SHA-256 of every file) last.
   *
   * @throws RegistryException if the run folder lacks model.hbm or run.json, its model manifest does
   *     not read, or its files change while being copied
   */
  public RegisteredModel register(String name, String runDirectory) throws IOException {
    return store.register(name, runDirectory);
  }

  /**
   * Registers a run as exactly version {@code version}, or refuses if that version was ever claimed:
   * the write path {@link #register} uses, exposed to the package so tests can try to overwrite.
   */
  RegisteredModel registerAs(String name, String runDirectory, int version) throws IOException {
    return store.registerAs(name, runDirectory, version);
  }

  /** Complete versions, of one model or (null) of all, by name then version. */
  public List<RegisteredModel> list(String nameOrNull) throws IOException {
    return store.list(nameOrNull);
  }

  /** The version a ref names. */
  public RegisteredModel show(String ref) throws IOException {
    ModelRef parsed = ModelRef.parse(ref);
    store.checkRootExists();
    return store.version(ref, parsed.name(), refs.version(parsed));
  }

  /** The current production promotion of a model, if any. */
  public Optional<Promotion> production(String name) throws IOException {
    return store.production(name);
  }

  /** Every promotion of a model, oldest first. */
  public List<Promotion> promotions(String name) throws IOException {
    return store.promotions(name);
  }

  /**
   * Points {@code production} at the version a ref names, if it passes the gate: its files match
   * version.json, its validation Dice (run.json metrics.val_dice_mean) is at least the minimum, and
   * its inference latency, measured now by this registry's probe, is at most the maximum. Appends the
   * promotion to promotions.jsonl, then moves the pointer.
   *
   * @throws PromotionRefusedException naming the failed check and its numbers
   */
  public Promotion promote(String ref, PromotionGate gate) throws IOException {
    RegisteredModel model = show(ref);
    PromotionGate.Admission admitted = gate.admit(model, IntegrityCheck.problems(model),
        () -> cache.version(model).modelFile(), probe);
    OptionalInt previous = store.productionVersion(model.name());
    Promotion promotion = new Promotion(model.name(), model.version(), previous, Instant.now(), gate.minDice(),
        gate.maxLatencyMs(), admitted.validationDice(), admitted.latency());
    store.recordPromotion(promotion);
    return promotion;
  }

  /**
   * Re-hashes a version's files against its version.json: the problems found (a changed, missing or
   * added file), empty when the version is intact.
   */
  public List<String> verify(String ref) throws IOException {
    return IntegrityCheck.problems(show(ref));
  }

  /**
   * A registry ref or a model file path to a local model file and a version string. A string that
   * names an existing file is a file ("file:sha256:<12 hex>"); anything else is a ref ("name@N").
   * Cheap to poll: a production ref costs one read of the small stage pointer when nothing changed,
   * a plain file one stat.
   */
  public ResolvedModel resolve(String refOrFile) throws IOException {
    Optional<ResolvedModel> file = cache.plainFile(refOrFile);
    if (file.isPresent()) {
      return file.get();
    }
    ModelRef ref;
    try {
      ref = ModelRef.parse(refOrFile);
    } catch (RegistryException e) {
      throw new RegistryException("'" + refOrFile + "' is neither a model file nor a registry ref: " + e.getMessage());
    }
    store.checkRootExists();
    int version = refs.version(ref);
    String exact = ref.name() + "@" + version;
    Optional<ResolvedModel> known = cache.knownVersion(exact);
    return known.isPresent() ? known.get() : cache.version(store.version(exact, ref.name(), version));
  }
}
