package org.heartbeam.model.unet;

import java.util.Random;

/** A trivial segmentation task for tests: noisy bright disks on a dark background; mask = disk. */
final class SyntheticDisks {
  final float[] images;
  final byte[] masks;
  final int n;

  SyntheticDisks(UNetConfig config, int n, long seed) {
    int h = config.inputHeight();
    int w = config.inputWidth();
    Random random = new Random(seed);
    this.n = n;
    images = new float[n * h * w];
    masks = new byte[n * h * w];
    for (int i = 0; i < n; i++) {
      double cy = h * (0.3 + 0.4 * random.nextDouble());
      double cx = w * (0.3 + 0.4 * random.nextDouble());
      double r = Math.min(h, w) * (0.12 + 0.1 * random.nextDouble());
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int k = i * h * w + y * w + x;
          boolean inside = (y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r;
          masks[k] = (byte) (inside ? 1 : 0);
          images[k] = (inside ? 1f : 0f) + (float) (0.1 * random.nextGaussian());
        }
      }
    }
  }
}
