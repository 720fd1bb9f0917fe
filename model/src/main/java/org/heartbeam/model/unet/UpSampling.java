package org.heartbeam.model.unet;

/** How the U-Net's expanding path doubles the resolution before each skip concatenation. */
public enum UpSampling {
  /**
   * A 2x2, stride-2 transposed convolution (the original U-Net's "up-conv"), linear, with bias.
   * ND4J's {@code deconv2d} has no oneDNN kernel, so the SameDiff engine computes it exactly as two
   * 1x1 convolutions and a concatenation (fast); the fewest FLOPs of the two options.
   */
  TRANSPOSED_CONV,
  /**
   * Nearest-neighbour 2x up-sampling then a 3x3 "same" convolution, linear, with bias. Both ops
   * are fast on the oneDNN CPU path; but the conv costs 9 x the transposed conv's multiply-adds
   * (8.18 against 6.03 GFLOP per 256x256 image for the whole net).
   */
  UPSAMPLE_CONV
}
