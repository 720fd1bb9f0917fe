package org.heartbeam.transforms.inference;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.util.List;
import org.heartbeam.model.file.LoadedModel;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.registry.ModelRegistry;
import org.heartbeam.registry.ResolvedModel;
import org.joda.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The U-Net handler of whatever version a registry ref names NOW (typically {@code name@production}):
 * the ref is resolved again at most every {@code refresh} (cheap: one read of the stage pointer), and
 * when it names another model, {@link #current()} returns that version's {@link UNetModelHandler}.
 * {@link RunInference} asks before each batch and caches loaded models by content, so a promotion
 * reaches a running stream within {@code refresh} plus one batch, without a restart, and every output
 * records the version that made it ({@link SegmentedImage#modelVersion()}).
 *
 * <p>If the registry cannot be read for a while (a network file system hiccup) the version in use is
 * kept and a warning logged; if it cannot be read at the first batch, the bundle fails (that is a
 * configuration error: the pipeline checked the ref when it was built).
 */
@AutoValue
public abstract class RegistryFollowingHandler extends UNetHandler<RegistryFollowingHandler> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RegistryFollowingHandler.class);

  // Per deserialized instance (one per DoFn instance): which version this instance uses and when it last looked.
  private transient volatile UNetModelHandler current;
  private transient volatile ResolvedModel resolved;
  private transient long lastCheckMillis;
  private transient ModelRegistry registry;

  abstract String registryRoot();

  /** The ref followed, e.g. {@code lv-unet@production}. */
  public abstract String ref();

  abstract long refreshMillis();

  abstract Builder toBuilder();

  @Override
  Builder settings() { return toBuilder(); }

  @AutoValue.Builder
  abstract static class Builder implements SettingsBuilder<RegistryFollowingHandler, Builder> {
    abstract Builder setRegistryRoot(String root);

    abstract Builder setRef(String ref);

    abstract Builder setRefreshMillis(long millis);
  }

  /**
   * Follows {@code ref} (a registry ref, or a model file, which then never changes unless its content
   * does) in the registry at {@code registryRoot}, resolving it once now so a wrong ref is a one-line
   * error at construction. Re-resolves every 10 s, one replica per core.
   */
  public static RegistryFollowingHandler of(String registryRoot, String ref) throws IOException {
    RegistryFollowingHandler handler = new AutoValue_RegistryFollowingHandler.Builder().setRegistryRoot(registryRoot)
        .setRef(ref).setRefreshMillis(10_000).setBatching(BatchingHints.defaults())
        .setMaxReplicas(ModelReplicas.onePerCore()).build();
    handler.resolveNow();
    return handler;
  }

  /** How stale the version in use may be; 0 re-resolves before every batch. */
  public RegistryFollowingHandler withRefresh(Duration refresh) {
    checkArgument(refresh != null && refresh.getMillis() >= 0, "model refresh must be >= 0 s, got %s", refresh);
    return toBuilder().setRefreshMillis(refresh.getMillis()).build();
  }

  @Override
  public synchronized UNetModelHandler current() throws IOException {
    long now = System.currentTimeMillis();
    if (current != null && now - lastCheckMillis < refreshMillis()) {
      return current;
    }
    try {
      resolveNow();
    } catch (IOException e) {
      if (current == null) {
        throw e;
      }
      LOG.warn("cannot re-resolve {} ({}); staying on {}", ref(), e.getMessage(), current.modelVersion());
    }
    lastCheckMillis = now;
    return current;
  }

  private void resolveNow() throws IOException {
    if (registry == null) {
      registry = ModelRegistry.at(registryRoot());
    }
    ResolvedModel latest = registry.resolve(ref());
    if (latest.equals(resolved)) {
      return;
    }
    UNetModelHandler next = UNetModelHandler.forFile(latest.modelFile()).withModelVersion(latest.version())
        .withBatching(batching()).withMaxReplicas(maxReplicas());
    if (current != null) {
      LOG.info("{} now names {}: switching from {}", ref(), latest.version(), current.modelVersion());
    }
    current = next;
    resolved = latest;
  }

  /** The ref, not a version: what this handler stands for does not change, its {@link #current()} does. */
  @Override
  public String modelId() { return "follow:" + registryRoot() + "|" + ref(); }

  @Override
  public LoadedModel load() {
    throw new UnsupportedOperationException("load the current() handler's model, not the ref's");
  }

  @Override
  public List<SegmentedImage> run(LoadedModel model, List<LabeledImage> batch) {
    throw new UnsupportedOperationException("run the current() handler, not the ref's");
  }


}
