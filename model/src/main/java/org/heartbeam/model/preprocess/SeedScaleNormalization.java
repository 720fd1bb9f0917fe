package org.heartbeam.model.preprocess;

/**
 * pixel / 1024, as the original TF2 lab scaled its int64 pixels. No clipping: values above 1024 stay
 * above 1 and negative values stay negative. Dividing by a power of two is exact in float.
 */
final class SeedScaleNormalization implements IntensityNormalization {
  private static final long serialVersionUID = 1L;
  static final String SPEC = "seed-scale";
  static final SeedScaleNormalization INSTANCE = new SeedScaleNormalization();
  private static final float DIVISOR = 1024f;

  private SeedScaleNormalization() {}

  @Override
  public float[] normalize(float[] pixels) {
    float[] out = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      out[i] = pixels[i] / DIVISOR;
    }
    return out;
  }

  @Override
  public String spec() { return SPEC; }

  /** Keeps the singleton after Java deserialization, so equality is identity. */
  private Object readResolve() { return INSTANCE; }

  @Override
  public String toString() { return SPEC; }
}
