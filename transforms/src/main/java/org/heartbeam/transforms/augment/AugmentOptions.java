package org.heartbeam.transforms.augment;

import java.io.Serializable;

/**
 * How far {@link Augmenter} may move an image: random flips, a rotation in +-{@code maxRotationDeg},
 * a scale in [1 - {@code maxScaleChange}, 1 + {@code maxScaleChange}], and intensity jitter
 * (gamma in [1 - {@code maxGammaChange}, 1 + ...], gain likewise). Immutable.
 */
public final class AugmentOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  private final boolean flips;
  private final double maxRotationDeg;
  private final double maxScaleChange;
  private final double maxGammaChange;
  private final double maxGainChange;

  public AugmentOptions(boolean flips, double maxRotationDeg, double maxScaleChange, double maxGammaChange,
      double maxGainChange) {
    check(maxRotationDeg >= 0 && maxRotationDeg <= 180, "rotation must be 0..180 degrees: " + maxRotationDeg);
    check(maxScaleChange >= 0 && maxScaleChange < 1, "scale change must be in [0, 1): " + maxScaleChange);
    check(maxGammaChange >= 0 && maxGammaChange < 1, "gamma change must be in [0, 1): " + maxGammaChange);
    check(maxGainChange >= 0 && maxGainChange < 1, "gain change must be in [0, 1): " + maxGainChange);
    this.flips = flips;
    this.maxRotationDeg = maxRotationDeg;
    this.maxScaleChange = maxScaleChange;
    this.maxGammaChange = maxGammaChange;
    this.maxGainChange = maxGainChange;
  }

  /**
   * Flips, +-15 degrees, scale 0.9-1.1, gamma 0.8-1.2, gain 0.9-1.1: small enough that every
   * augmented image still looks like a short-axis slice (the LV stays round-ish and in the field).
   */
  public static AugmentOptions defaults() { return new AugmentOptions(true, 15, 0.1, 0.2, 0.1); }

  /** No change at all: the augmenter returns its input's values. */
  public static AugmentOptions none() { return new AugmentOptions(false, 0, 0, 0, 0); }

  public boolean flips() { return flips; }

  public double maxRotationDeg() { return maxRotationDeg; }

  public double maxScaleChange() { return maxScaleChange; }

  public double maxGammaChange() { return maxGammaChange; }

  public double maxGainChange() { return maxGainChange; }

  @Override
  public String toString() {
    return flips || maxRotationDeg > 0 || maxScaleChange > 0 || maxGammaChange > 0 || maxGainChange > 0
        ? "flips=" + flips + ",rotation=" + maxRotationDeg + ",scale=" + maxScaleChange + ",gamma=" + maxGammaChange
            + ",gain=" + maxGainChange
        : "none";
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
