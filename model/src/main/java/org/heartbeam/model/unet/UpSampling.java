package org.heartbeam.model.unet;

/** How the U-Net's expanding path doubles the resolution before each skip concatenation. */
public enum UpSampling {
  /**
   * A 2x2, stride-2 transposed convolution (the original U-Net's "up-conv"), linear, with bias.
   * ND4J's {@code deconv2d} has no oneDNN kernel: slow on CPU (about 1 GFLOP/s measured here).
   */
  TRANSPOSED_CONV,
  /**
   * Nearest-neighbour 2x up-sampling then a 3x3 "same" convolution, linear, with bias. Both ops
   * are fast on the oneDNN CPU path; the conv costs 9/4 of the transposed conv's multiply-adds.
   */
  UPSAMPLE_CONV
}
