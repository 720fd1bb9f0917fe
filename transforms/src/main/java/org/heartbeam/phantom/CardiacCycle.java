package org.heartbeam.phantom;

/**
 * The time course of LV contraction over one R-R interval, as a fraction 0 (relaxed, end-diastole)
 * to 1 (fully contracted, end-systole). Shape after a normal LV volume curve: ED at the R wave
 * (t = 0), smooth ejection to ES at {@code esFraction} of the cycle, rapid early filling, a slow
 * diastasis plateau and an atrial kick that completes filling just before the next R wave.
 */
final class CardiacCycle {
  /** Share of the filling done by the early (E-wave) rapid phase; the atrial kick does the rest. */
  private static final double EARLY_FILLING_SHARE = 0.75;
  /** Early filling lasts this share of diastole; the atrial kick starts at ATRIAL_START. */
  private static final double EARLY_FILLING_END = 0.35;
  private static final double ATRIAL_START = 0.75;

  private final double esFraction;

  /** @param esFraction time of end-systole as a fraction of the R-R interval, in (0.2, 0.6) */
  CardiacCycle(double esFraction) {
    if (!(esFraction > 0.2 && esFraction < 0.6)) {
      throw new IllegalArgumentException("end-systole must be at 20-60% of the cycle: " + esFraction);
    }
    this.esFraction = esFraction;
  }

  double esFraction() { return esFraction; }

  /** Contraction at time {@code t} (fraction of the R-R interval, wrapped into [0, 1)). */
  double contraction(double t) {
    double u = t - Math.floor(t);
    if (u <= esFraction) {
      return halfCosineRise(u / esFraction);
    }
    double d = (u - esFraction) / (1 - esFraction);
    if (d <= EARLY_FILLING_END) {
      return 1 - EARLY_FILLING_SHARE * halfCosineRise(d / EARLY_FILLING_END);
    }
    if (d <= ATRIAL_START) {
      return 1 - EARLY_FILLING_SHARE;
    }
    return (1 - EARLY_FILLING_SHARE) * (1 - halfCosineRise((d - ATRIAL_START) / (1 - ATRIAL_START)));
  }

  /** Smooth 0 -> 1 on [0, 1] with zero slope at both ends. */
  private static double halfCosineRise(double x) {
    return 0.5 * (1 - StrictMath.cos(StrictMath.PI * x));
  }
}
