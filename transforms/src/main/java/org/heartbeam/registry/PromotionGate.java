package org.heartbeam.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a version must show to become {@code production}: validation Dice (run.json
 * {@code metrics.val_dice_mean}) of at least {@link #minDice()}, and inference latency, measured at
 * promotion time on this machine, of at most {@link #maxLatencyMs()} per image. The latency is the
 * median of {@link #runs()} timed batches of {@link #batchSize()} images after {@link #warmUp()}
 * untimed ones.
 *
 * <p>The gate is policy only: {@link #admit} is told the integrity problems found, reads the Dice from
 * the version, and asks the {@link LatencyProbe} it is given for the latency; it writes nothing.
 */
public final class PromotionGate {
  /** The run.json metric the Dice check reads. */
  static final String VALIDATION_DICE = "val_dice_mean";
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

  /** What a version that passed showed: its validation Dice and the latency measured. */
  record Admission(double validationDice, LatencyMeasurement latency) {}

  /** The local model file to time, fetched only once the cheaper checks have passed. */
  @FunctionalInterface
  interface ModelFileSource {
    Path get() throws IOException;
  }

  /**
   * Checks, in this order (cheapest first): integrity (no problems), validation Dice at least the
   * minimum, latency from {@code probe} at most the maximum.
   *
   * @throws PromotionRefusedException naming the failed check and its numbers
   */
  Admission admit(RegisteredModel model, List<String> integrityProblems, ModelFileSource modelFile,
      LatencyProbe probe) throws IOException {
    if (!integrityProblems.isEmpty()) {
      throw new PromotionRefusedException("integrity", model.ref() + " not promoted: integrity check failed: "
          + integrityProblems.get(0));
    }
    Double dice = model.metrics().get(VALIDATION_DICE);
    if (dice == null) {
      throw new PromotionRefusedException("validation-dice", model.ref()
          + " not promoted: validation Dice check failed: run.json has no metrics." + VALIDATION_DICE);
    }
    if (!(dice >= minDice)) {
      throw new PromotionRefusedException("validation-dice", String.format(Locale.ROOT,
          "%s not promoted: validation Dice check failed: %s %.4f < minimum %.4f", model.ref(), VALIDATION_DICE, dice,
          minDice));
    }
    LatencyMeasurement latency = probe.measure(modelFile.get(), batchSize, warmUp, runs);
    if (!(latency.msPerImage() <= maxLatencyMs)) {
      throw new PromotionRefusedException("latency", String.format(Locale.ROOT,
          "%s not promoted: latency check failed: %s > maximum %.3f ms/image", model.ref(), latency.describe(),
          maxLatencyMs));
    }
    return new Admission(dice, latency);
  }
}
