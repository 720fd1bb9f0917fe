package org.heartbeam.testing;

import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;

/**
 * Deterministic seed-schema images, the same ones {@code tfrecord/independent_tfrecord.py write}
 * produces: record k (from 0) of a height x width file is named prefix + k (3 digits), its pixels are
 * ((r*31 + c*17 + k*1009) % 4096) - 512 (negative values exercise signed int64), and its label is 1
 * inside the disc (r - H/2)^2 + (c - W/2 - k)^2 <= (min(H, W)/4)^2.
 *
 * <p>Images are built as the TFRecord reader returns them: source URI = record name, 1 mm spacing,
 * nothing else known. Change this class and the Python script together.
 */
public final class SeedPatternImages {
  private SeedPatternImages() {}

  public static String name(String prefix, int k) { return String.format("%s%03d", prefix, k); }

  public static LabeledImage image(int k, int height, int width, String prefix) {
    float[] pixels = new float[height * width];
    byte[] label = new byte[height * width];
    int radius = Math.min(height, width) / 4;
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        pixels[r * width + c] = ((r * 31 + c * 17 + k * 1009) % 4096) - 512;
        int dr = r - height / 2;
        int dc = c - width / 2 - k;
        label[r * width + c] = (byte) (dr * dr + dc * dc <= radius * radius ? 1 : 0);
      }
    }
    CardiacImage image = CardiacImage.builder()
        .size(height, width)
        .pixels(pixels)
        .geometry(ImageGeometry.ofSpacing(1.0))
        .sourceUri(name(prefix, k))
        .build();
    return LabeledImage.labeled(image, new Mask(height, width, label));
  }
}
