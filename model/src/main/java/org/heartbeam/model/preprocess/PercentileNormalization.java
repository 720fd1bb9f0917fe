package org.heartbeam.model.preprocess;

import java.math.BigDecimal;

/**
 * Robust per-image normalization: the image's {@code low} percentile maps to 0, its {@code high}
 * percentile to 1, linearly, and the result is clipped to [0, 1]. A few very bright pixels (fat,
 * flow artefacts) therefore cannot squash the myocardium and blood pool into a narrow range.
 *
 * <p>Percentiles are exact (see {@link ExactPercentile}: selection, linear interpolation between
 * order statistics, numpy's default). When the two percentiles are equal the window has no width:
 * pixels at or below it map to 0 and pixels above it to 1, so a constant image maps to all 0 and no
 * NaN can appear.
 */
final class PercentileNormalization implements IntensityNormalization {
  private static final long serialVersionUID = 1L;
  static final String PREFIX = "percentile";

  private final double low;
  private final double high;

  PercentileNormalization(double low, double high) {
    if (!(low >= 0 && high <= 100 && low < high)) {
      throw new IllegalArgumentException(
          "percentiles must satisfy 0 <= low < high <= 100, got " + low + " and " + high);
    }
    this.low = low;
    this.high = high;
  }

  double low() { return low; }

  double high() { return high; }

  @Override
  public float[] normalize(float[] pixels) {
    float[] out = new float[pixels.length];
    if (pixels.length == 0) {
      return out;
    }
    double[] window = ExactPercentile.of(pixels, low, high);
    double lo = window[0];
    double width = window[1] - lo;
    if (width == 0) {
      for (int i = 0; i < pixels.length; i++) {
        out[i] = pixels[i] > lo ? 1f : 0f;
      }
      return out;
    }
    // Multiply by the inverse and clip with plain comparisons: Math.min/max and a division per pixel
    // (with their NaN and -0.0 rules) made this loop cost twice the percentile search itself.
    double inverse = 1 / width;
    for (int i = 0; i < pixels.length; i++) {
      float scaled = (float) ((pixels[i] - lo) * inverse);
      out[i] = scaled < 0f ? 0f : (scaled > 1f ? 1f : scaled);
    }
    return out;
  }

  @Override
  public String spec() { return PREFIX + ":" + plain(low) + ":" + plain(high); }

  /** "1" rather than "1.0", "0.5" as is: the manifest text stays what a person would write. */
  private static String plain(double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PercentileNormalization && Double.compare(low, ((PercentileNormalization) o).low) == 0
        && Double.compare(high, ((PercentileNormalization) o).high) == 0;
  }

  @Override
  public int hashCode() { return 31 * Double.hashCode(low) + Double.hashCode(high); }

  @Override
  public String toString() { return spec(); }
}
