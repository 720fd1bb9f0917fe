package org.heartbeam.phantom;

import java.util.SplittableRandom;

/**
 * What the scanner does to the ideal tissue image: a mild point-spread blur (finite k-space
 * sampling), a smooth multiplicative receive-coil bias, Rician noise (the magnitude of a complex
 * signal with Gaussian noise in both channels, so dark regions are biased up and never constant),
 * optionally the circular field-of-view mask some GE scanners write, and 16-bit quantisation.
 */
final class MrAcquisitionEffects {
  private MrAcquisitionEffects() {}

  /** The coil sensitivity map for a patient (mean about 1), reused for all its images. */
  static float[] biasField(PhantomPatient p, long seed) {
    SplittableRandom rng = SeedMixer.stream(seed, p.index, SeedMixer.BIAS);
    float[] smooth = SmoothRandomField.generate(rng, p.rows, p.cols, p.rows / 3.0, 1);
    double dx = StrictMath.cos(p.biasDirection);
    double dy = StrictMath.sin(p.biasDirection);
    float[] bias = new float[p.rows * p.cols];
    for (int r = 0; r < p.rows; r++) {
      for (int c = 0; c < p.cols; c++) {
        // A surface coil: sensitivity grows towards one side of the field of view.
        double along = ((c - p.cols / 2.0) * dx + (r - p.rows / 2.0) * dy) / (p.rows / 2.0);
        int i = r * p.cols + c;
        bias[i] = (float) StrictMath.exp(p.biasAmplitude * along + 0.08 * smooth[i]);
      }
    }
    return bias;
  }

  /** Separable Gaussian blur (sigma in pixels), edges clamped. */
  static float[] blur(float[] image, int rows, int cols, double sigma) {
    int radius = (int) Math.ceil(3 * sigma);
    double[] kernel = new double[2 * radius + 1];
    double sum = 0;
    for (int k = -radius; k <= radius; k++) {
      kernel[k + radius] = StrictMath.exp(-0.5 * k * k / (sigma * sigma));
      sum += kernel[k + radius];
    }
    for (int k = 0; k < kernel.length; k++) {
      kernel[k] /= sum;
    }
    float[] tmp = new float[image.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double v = 0;
        for (int k = -radius; k <= radius; k++) {
          int cc = Math.min(cols - 1, Math.max(0, c + k));
          v += kernel[k + radius] * image[r * cols + cc];
        }
        tmp[r * cols + c] = (float) v;
      }
    }
    float[] out = new float[image.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double v = 0;
        for (int k = -radius; k <= radius; k++) {
          int rr = Math.min(rows - 1, Math.max(0, r + k));
          v += kernel[k + radius] * tmp[rr * cols + c];
        }
        out[r * cols + c] = (float) v;
      }
    }
    return out;
  }

  /**
   * Applies bias, gain and Rician noise, masks the field of view and quantises to stored values.
   *
   * @param image blurred tissue intensities (blood = 1)
   * @return pixel values in [0, 32767] (signed 16-bit storage, non-negative like magnitude images)
   */
  static short[] acquire(float[] image, float[] bias, PhantomPatient p, SplittableRandom noise) {
    short[] out = new short[image.length];
    double sigma = p.noiseSigma * p.gain;
    double radius2 = 0.25 * Math.min(p.rows, p.cols) * Math.min(p.rows, p.cols);
    for (int r = 0; r < p.rows; r++) {
      for (int c = 0; c < p.cols; c++) {
        int i = r * p.cols + c;
        // Both noise draws always happen so the stream stays aligned whatever the mask.
        double real = image[i] * bias[i] * p.gain + sigma * noise.nextGaussian();
        double imaginary = sigma * noise.nextGaussian();
        double dr = r - (p.rows - 1) / 2.0;
        double dc = c - (p.cols - 1) / 2.0;
        if (p.circularFieldOfView && dr * dr + dc * dc > radius2) {
          continue;
        }
        long value = Math.round(Math.sqrt(real * real + imaginary * imaginary));
        out[i] = (short) Math.min(Short.MAX_VALUE, value);
      }
    }
    return out;
  }
}
