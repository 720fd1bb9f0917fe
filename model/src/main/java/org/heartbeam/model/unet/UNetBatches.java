package org.heartbeam.model.unet;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Converts flat image and mask batches to the arrays each engine wants, checking their sizes. */
final class UNetBatches {
  private UNetBatches() {}

  static void checkImages(UNetConfig config, float[] images, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("batch size must be >= 1: " + n);
    }
    long expected = (long) n * config.pixelsPerImage();
    if (images == null || images.length != expected) {
      throw new IllegalArgumentException("expected " + n + " images of " + config.inputHeight() + "x"
          + config.inputWidth() + " = " + expected + " pixels, got " + (images == null ? "null" : images.length));
    }
  }

  static void checkMasks(UNetConfig config, byte[] masks, int n) {
    long expected = (long) n * config.pixelsPerImage();
    if (masks == null || masks.length != expected) {
      throw new IllegalArgumentException("expected " + expected + " mask values, got "
          + (masks == null ? "null" : masks.length));
    }
  }

  /** [n, h, w, 1] when nhwc, else [n, 1, h, w]: with one channel both are the same bytes. */
  static INDArray images(UNetConfig config, float[] images, int n, boolean nhwc) {
    checkImages(config, images, n);
    long[] shape = nhwc
        ? new long[] {n, config.inputHeight(), config.inputWidth(), 1}
        : new long[] {n, 1, config.inputHeight(), config.inputWidth()};
    return Nd4j.create(images, shape, 'c');
  }

  /** Labels in the output's layout: one-hot over channels (background, LV), or the LV bit for one channel. */
  static INDArray labels(UNetConfig config, byte[] masks, int n, boolean nhwc) {
    checkMasks(config, masks, n);
    int channels = config.outputMode().channels();
    int pixels = config.pixelsPerImage();
    float[] values = new float[masks.length * channels];
    for (int i = 0; i < masks.length; i++) {
      byte m = masks[i];
      if (m != 0 && m != 1) {
        throw new IllegalArgumentException("mask values must be 0 or 1; value " + i + " is " + m);
      }
      if (nhwc) {
        values[i * channels + channels - 1] = m;
        if (channels == 2) {
          values[i * channels] = 1 - m;
        }
      } else {
        int image = i / pixels;
        int pixel = i % pixels;
        int base = image * channels * pixels + pixel;
        values[base + (channels - 1) * pixels] = m;
        if (channels == 2) {
          values[base] = 1 - m;
        }
      }
    }
    long[] shape = nhwc
        ? new long[] {n, config.inputHeight(), config.inputWidth(), channels}
        : new long[] {n, channels, config.inputHeight(), config.inputWidth()};
    return Nd4j.create(values, shape, 'c');
  }

  /** Splits the LV channel (the last) of [n, h, w] probabilities into one array per image. */
  static float[][] split(INDArray lvProbabilities, UNetConfig config, int n) {
    float[] all = lvProbabilities.castTo(DataType.FLOAT).dup('c').data().asFloat();
    int pixels = config.pixelsPerImage();
    float[][] result = new float[n][];
    for (int i = 0; i < n; i++) {
      result[i] = new float[pixels];
      System.arraycopy(all, i * pixels, result[i], 0, pixels);
    }
    return result;
  }
}
