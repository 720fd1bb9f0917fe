package org.heartbeam.registry;

/**
 * What a version must show to become {@code production}: validation Dice (run.json
 * {@code metrics.val_dice_mean}) of at least {@link #minDice()}, and inference latency, measured at
 * promotion time on this machine, of at most {@link #maxLatencyMs()} per image. The latency is the
 * median of {@link #runs()} timed batches of {@link #batchSize()} images after {@link #warmUp()}
 * untimed ones.
 */
public final class PromotionGate {
  private final double minDice;
  private final double maxLatencyMs;
  private final int batchSize;
  private final int warmUp;
  private final int runs;

  private PromotionGate(double minDice, double maxLatencyMs, int batchSize, int warmUp, int runs) {
    if (!(minDice >= 0 && minDice <= 1)) {
      throw new IllegalArgumentException("minimum Dice must be in [0, 1], got " + minDice);
    }
    if (!(maxLatencyMs > 0) || Double.isInfinite(maxLatencyMs)) {
      throw new IllegalArgumentException("maximum latency must be a positive number of ms, got " + maxLatencyMs);
    }
    if (batchSize < 1 || warmUp < 0 || runs < 1) {
      throw new IllegalArgumentException("latency batch size and runs must be >= 1 and warm-up >= 0, got batch "
          + batchSize + ", warm-up " + warmUp + ", runs " + runs);
    }
    this.minDice = minDice;
    this.maxLatencyMs = maxLatencyMs;
    this.batchSize = batchSize;
    this.warmUp = warmUp;
    this.runs = runs;
  }

  /** A gate timing batches of 1 image (a streaming request), 2 warm-up runs, median of 5. */
  public static PromotionGate of(double minDice, double maxLatencyMs) {
    return new PromotionGate(minDice, maxLatencyMs, 1, 2, 5);
  }

  public PromotionGate withLatencyRuns(int batchSize, int warmUp, int runs) {
    return new PromotionGate(minDice, maxLatencyMs, batchSize, warmUp, runs);
  }

  public double minDice() { return minDice; }

  public double maxLatencyMs() { return maxLatencyMs; }

  public int batchSize() { return batchSize; }

  public int warmUp() { return warmUp; }

  public int runs() { return runs; }
}
