package org.heartbeam.transforms.inference;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

/**
 * How many copies of a model one worker JVM runs side by side. The default is one per core: with
 * OMP_NUM_THREADS=1, one net per core beat one net on several OpenMP threads (DEVELOPERS.md), at the
 * cost of one copy of the weights per replica.
 */
public final class ModelReplicas {
  private ModelReplicas() {}

  /** One replica per available processor of this JVM. */
  public static int onePerCore() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * {@code requested} replicas, 0 meaning {@link #onePerCore()} (what {@code --modelReplicas=0}, its
   * default, asks for).
   *
   * @throws IllegalArgumentException if {@code requested} is negative
   */
  public static int resolve(int requested) {
    checkArgument(requested >= 0, "--modelReplicas must be >= 0 (0 = one per core), got %s", requested);
    return requested == 0 ? onePerCore() : requested;
  }
}
