package org.heartbeam.transforms.inference;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import org.heartbeam.model.file.LoadedModel;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.SegmentedImage;

/**
 * What every U-Net handler has, whichever model it names ({@link UNetModelHandler}: one file;
 * {@link RegistryFollowingHandler}: whatever a registry ref names now): how inputs are batched and how
 * many replicas of the net a worker JVM runs, set by the same {@code withX} on both.
 *
 * @param <H> the handler type, which each {@code withX} returns
 */
public abstract class UNetHandler<H extends UNetHandler<H>>
    implements ModelHandler<LabeledImage, SegmentedImage, LoadedModel> {
  private static final long serialVersionUID = 1L;

  UNetHandler() {}

  @Override
  public abstract BatchingHints batching();

  @Override
  public abstract int maxReplicas();

  /** The setters the {@code withX} here need, which each handler's AutoValue builder has. */
  interface SettingsBuilder<H, B extends SettingsBuilder<H, B>> {
    B setBatching(BatchingHints batching);

    B setMaxReplicas(int replicas);

    H build();
  }

  /** A builder holding this handler's values. */
  abstract SettingsBuilder<H, ?> settings();

  public H withBatching(BatchingHints hints) {
    checkArgument(hints != null, "batching hints must be given");
    return settings().setBatching(hints).build();
  }

  /**
   * At most this many nets per JVM (1 = one net under a lock; 0 = one per core, the default). Each
   * holds a copy of the weights.
   */
  public H withMaxReplicas(int replicas) {
    return settings().setMaxReplicas(ModelReplicas.resolve(replicas)).build();
  }

  /** The image's file or URI and its PHI-free key. */
  @Override
  public String sourceOf(LabeledImage input) {
    return input.image().sourceUri() + "#image=" + input.image().imageKey();
  }
}
