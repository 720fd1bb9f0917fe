package org.heartbeam.transforms.augment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.heartbeam.model.hash.Sha256;

/**
 * Random geometric and intensity changes of a training example, as pure functions. Geometry moves
 * image and mask together (bilinear for the image, nearest for the mask, so the mask stays 0/1);
 * intensity touches the image only. Everything random comes from one seed, which
 * {@link #seedFor} derives from (run seed, epoch, image key): the same example in the same epoch is
 * augmented the same way on every runner, in every order, on every worker.
 */
public final class Augmenter {
  private Augmenter() {}

  /** A seed from the run's seed, the epoch and the image key (SHA-256, so it is the same on every JVM). */
  public static long seedFor(long seed, int epoch, String imageKey) {
    MessageDigest sha = Sha256.newDigest();
    sha.update(ByteBuffer.allocate(12).putLong(seed).putInt(epoch).array());
    return ByteBuffer.wrap(sha.digest(imageKey.getBytes(StandardCharsets.UTF_8))).getLong();
  }

  /** The example with flips, rotation, scale and intensity drawn from {@code seed} within {@code options}. */
  public static TrainingExample augment(TrainingExample in, AugmentOptions options, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    // Draw every value, used or not, so one option never shifts the draws of another.
    boolean flipRows = random.nextBoolean();
    boolean flipColumns = random.nextBoolean();
    double angle = uniform(random, options.maxRotationDeg());
    double scale = 1 + uniform(random, options.maxScaleChange());
    double gamma = 1 + uniform(random, options.maxGammaChange());
    double gain = 1 + uniform(random, options.maxGainChange());

    TrainingExample out = in;
    if (options.flips() && flipRows) {
      out = flipRows(out);
    }
    if (options.flips() && flipColumns) {
      out = flipColumns(out);
    }
    if (angle != 0 || scale != 1) {
      out = rotateAndScale(out, angle, scale);
    }
    if (gamma != 1 || gain != 1) {
      out = intensity(out, gamma, gain);
    }
    return out;
  }

  /** Upside down: row r becomes row rows-1-r. */
  public static TrainingExample flipRows(TrainingExample in) {
    int rows = in.rows();
    int cols = in.columns();
    float[] pixels = new float[rows * cols];
    byte[] mask = new byte[rows * cols];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(in.pixels(), (rows - 1 - r) * cols, pixels, r * cols, cols);
      System.arraycopy(in.mask(), (rows - 1 - r) * cols, mask, r * cols, cols);
    }
    return new TrainingExample(in.imageKey(), rows, cols, pixels, mask);
  }

  /** Mirror: column c becomes column cols-1-c. */
  public static TrainingExample flipColumns(TrainingExample in) {
    int rows = in.rows();
    int cols = in.columns();
    float[] pixels = new float[rows * cols];
    byte[] mask = new byte[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        pixels[r * cols + c] = in.pixels()[r * cols + cols - 1 - c];
        mask[r * cols + c] = in.mask()[r * cols + cols - 1 - c];
      }
    }
    return new TrainingExample(in.imageKey(), rows, cols, pixels, mask);
  }

  /**
   * Rotation by {@code degrees} (counter-clockwise as displayed) and zoom by {@code scale} about the
   * grid centre. Each output pixel samples the input at the inverse-transformed position: bilinear
   * for the image (edge values outside, so no dark frame appears), nearest for the mask (0 outside).
   */
  public static TrainingExample rotateAndScale(TrainingExample in, double degrees, double scale) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("scale must be > 0: " + scale);
    }
    int rows = in.rows();
    int cols = in.columns();
    double cy = (rows - 1) / 2.0;
    double cx = (cols - 1) / 2.0;
    double theta = Math.toRadians(degrees);
    double cos = Math.cos(theta) / scale;
    double sin = Math.sin(theta) / scale;
    float[] pixels = new float[rows * cols];
    byte[] mask = new byte[rows * cols];
    for (int r = 0; r < rows; r++) {
      double dy = r - cy;
      for (int c = 0; c < cols; c++) {
        double dx = c - cx;
        // Inverse of "rotate by theta then scale": rotate by -theta and divide by the scale.
        double sx = cx + cos * dx - sin * dy;
        double sy = cy + sin * dx + cos * dy;
        int i = r * cols + c;
        pixels[i] = bilinear(in.pixels(), rows, cols, sy, sx);
        long nr = Math.round(sy);
        long nc = Math.round(sx);
        mask[i] = nr >= 0 && nr < rows && nc >= 0 && nc < cols ? in.mask()[(int) nr * cols + (int) nc] : 0;
      }
    }
    return new TrainingExample(in.imageKey(), rows, cols, pixels, mask);
  }

  /**
   * Intensity jitter: {@code gain * x^gamma} for x > 0 (normalised images lie in [0, 1], so gamma
   * bends contrast without moving 0 or 1 before the gain), other values times the gain.
   */
  public static TrainingExample intensity(TrainingExample in, double gamma, double gain) {
    float[] source = in.pixels();
    float[] pixels = new float[source.length];
    for (int i = 0; i < source.length; i++) {
      double x = source[i];
      pixels[i] = (float) (gain * (x > 0 ? Math.pow(x, gamma) : x));
    }
    return new TrainingExample(in.imageKey(), in.rows(), in.columns(), pixels, in.mask().clone());
  }

  private static float bilinear(float[] p, int rows, int cols, double y, double x) {
    double cy = Math.max(0, Math.min(rows - 1, y));
    double cx = Math.max(0, Math.min(cols - 1, x));
    int y0 = (int) Math.floor(cy);
    int x0 = (int) Math.floor(cx);
    int y1 = Math.min(rows - 1, y0 + 1);
    int x1 = Math.min(cols - 1, x0 + 1);
    double fy = cy - y0;
    double fx = cx - x0;
    double top = p[y0 * cols + x0] * (1 - fx) + p[y0 * cols + x1] * fx;
    double bottom = p[y1 * cols + x0] * (1 - fx) + p[y1 * cols + x1] * fx;
    return (float) (top * (1 - fy) + bottom * fy);
  }

  /** Uniform in [-max, max]; exactly 0 when max is 0. */
  private static double uniform(SplittableRandom random, double max) {
    double u = random.nextDouble(-1, 1);
    return max == 0 ? 0 : u * max;
  }
}
