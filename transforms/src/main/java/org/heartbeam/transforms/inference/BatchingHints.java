package org.heartbeam.transforms.inference;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RunInference} groups the inputs of one bundle and one window into batches: a batch runs
 * when it holds {@link #maxBatchSize()} inputs, when an input arrives after its first input has
 * waited {@link #maxWait()}, and at the end of the bundle whatever its size.
 *
 * <p>No minimum batch size: batches never outlive a bundle (holding inputs across bundles needs
 * state and timers, and a runner may end a bundle after one input), so a minimum could not be kept.
 * The wait is checked when inputs arrive: a DoFn may not output from a timer thread of its own.
 */
public final class BatchingHints implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int maxBatchSize;
  private final Duration maxWait;

  private BatchingHints(int maxBatchSize, Duration maxWait) {
    checkArgument(maxBatchSize >= 1, "--batchSize must be >= 1, got %s", maxBatchSize);
    checkArgument(!maxWait.isNegative(), "max batch wait must be >= 0, got %s", maxWait);
    this.maxBatchSize = maxBatchSize;
    this.maxWait = maxWait;
  }

  public static BatchingHints of(int maxBatchSize, Duration maxWait) {
    return new BatchingHints(maxBatchSize, Objects.requireNonNull(maxWait, "maxWait"));
  }

  /** 8 inputs, 1 second: a U-Net batch of 8 is past the point where larger batches pay on a CPU core. */
  public static BatchingHints defaults() { return of(8, Duration.ofSeconds(1)); }

  public int maxBatchSize() { return maxBatchSize; }

  public Duration maxWait() { return maxWait; }

  @Override
  public boolean equals(Object o) {
    return o instanceof BatchingHints h && maxBatchSize == h.maxBatchSize && maxWait.equals(h.maxWait);
  }

  @Override
  public int hashCode() { return Objects.hash(maxBatchSize, maxWait); }

  @Override
  public String toString() { return "batches of <= " + maxBatchSize + ", wait <= " + maxWait.toMillis() + " ms"; }
}
