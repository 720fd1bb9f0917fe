package org.heartbeam.phantom;

import java.util.SplittableRandom;

/**
 * Smooth random fields on the pixel grid, for tissue texture and coil bias: Gaussian values on a
 * coarse lattice, interpolated with a C1 (smoothstep) bilinear kernel, summed over a few octaves.
 * Cheap (no FFT) and fully determined by the random stream.
 */
final class SmoothRandomField {
  private SmoothRandomField() {}

  /**
   * A field of roughly zero mean and unit standard deviation.
   *
   * @param cellPx lattice spacing of the coarsest octave in pixels (the feature size)
   * @param octaves number of octaves, each half the cell size and half the amplitude
   */
  static float[] generate(SplittableRandom rng, int rows, int cols, double cellPx, int octaves) {
    float[] field = new float[rows * cols];
    double amplitude = 1;
    double norm = 0;
    double cell = cellPx;
    for (int o = 0; o < octaves; o++) {
      addOctave(field, rng, rows, cols, cell, amplitude);
      norm += amplitude * amplitude;
      amplitude *= 0.5;
      cell = Math.max(2, cell / 2);
    }
    // Interpolation shrinks the variance by about 0.45 per axis pair; rescale to unit SD.
    float scale = (float) (1 / Math.sqrt(norm * 0.44));
    for (int i = 0; i < field.length; i++) {
      field[i] *= scale;
    }
    return field;
  }

  private static void addOctave(float[] field, SplittableRandom rng, int rows, int cols, double cell,
      double amplitude) {
    int gridRows = (int) Math.ceil(rows / cell) + 2;
    int gridCols = (int) Math.ceil(cols / cell) + 2;
    double[] lattice = new double[gridRows * gridCols];
    for (int i = 0; i < lattice.length; i++) {
      lattice[i] = rng.nextGaussian();
    }
    for (int r = 0; r < rows; r++) {
      double gy = r / cell;
      int y0 = (int) gy;
      double ty = smoothstep(gy - y0);
      for (int c = 0; c < cols; c++) {
        double gx = c / cell;
        int x0 = (int) gx;
        double tx = smoothstep(gx - x0);
        int i00 = y0 * gridCols + x0;
        double top = lattice[i00] + tx * (lattice[i00 + 1] - lattice[i00]);
        double bottom = lattice[i00 + gridCols] + tx * (lattice[i00 + gridCols + 1] - lattice[i00 + gridCols]);
        field[r * cols + c] += (float) (amplitude * (top + ty * (bottom - top)));
      }
    }
  }

  private static double smoothstep(double t) {
    return t * t * (3 - 2 * t);
  }
}
