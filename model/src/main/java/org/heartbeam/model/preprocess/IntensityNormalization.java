package org.heartbeam.model.preprocess;

import java.io.Serializable;

/**
 * How an image's modality values become the U-Net's input intensities.
 *
 * <p>Each strategy has a text form ({@link #spec()}) that a model manifest records, and {@link
 * #parse(String)} reads back, so inference normalizes exactly as training did:
 * <ul>
 *   <li>{@code seed-scale}: pixel / 1024, what the original TF2 lab did to its int64 pixels;
 *   <li>{@code percentile:LOW:HIGH}: per image, the LOW and HIGH percentiles map to 0 and 1, clipped.
 * </ul>
 *
 * <p>Normalization runs on the original pixel grid, before any crop, pad or resize, so that padding
 * (value 0) cannot shift an image's percentiles.
 */
public interface IntensityNormalization extends Serializable {

  /** The normalized pixels, in a new array of the same length; {@code pixels} must be finite. */
  float[] normalize(float[] pixels);

  /** The text form, e.g. "seed-scale" or "percentile:1:99"; {@code parse(spec())} gives an equal object. */
  String spec();

  /** The seed's fixed scaling: pixel / 1024, no clipping. */
  static IntensityNormalization seedScale() { return SeedScaleNormalization.INSTANCE; }

  /** Robust per-image window from the {@code low} to the {@code high} percentile (0 <= low < high <= 100). */
  static IntensityNormalization percentile(double low, double high) {
    return new PercentileNormalization(low, high);
  }

  /** Percentiles 1 and 99: the default. */
  static IntensityNormalization defaultPercentile() { return percentile(1, 99); }

  /**
   * Reads a {@link #spec()}: "seed-scale", "percentile" (1 and 99) or "percentile:LOW:HIGH".
   *
   * @throws IllegalArgumentException for anything else, with the accepted forms in the message
   */
  static IntensityNormalization parse(String spec) {
    String text = spec == null ? "" : spec.trim();
    if (text.equals(SeedScaleNormalization.SPEC)) {
      return seedScale();
    }
    if (text.equals(PercentileNormalization.PREFIX)) {
      return defaultPercentile();
    }
    String[] parts = text.split(":", -1);
    if (parts.length == 3 && parts[0].equals(PercentileNormalization.PREFIX)) {
      try {
        return percentile(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
      } catch (NumberFormatException e) {
        // falls through to the one-line error below
      }
    }
    throw new IllegalArgumentException("unknown intensity normalization '" + spec
        + "'; expected 'seed-scale', 'percentile' or 'percentile:LOW:HIGH' (e.g. percentile:1:99)");
  }
}
