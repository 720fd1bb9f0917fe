package org.heartbeam.transforms.preprocess;

import org.apache.beam.sdk.transforms.SerializableBiFunction;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.preprocess.PreparedImage;

/**
 * For inference: a mask predicted on the model grid, back on the source image's original pixel grid
 * (nearest pixel; original pixels the model window did not cover are 0). A function rather than a
 * transform, so the inference DoFn that holds both the prepared image and its prediction can call it
 * without another shuffle.
 */
public final class RestoreToOriginalGrid implements SerializableBiFunction<PreparedImage, Mask, Mask> {
  private static final long serialVersionUID = 1L;

  /**
   * @throws IllegalArgumentException when the mask is not on the prepared image's model grid
   */
  public static Mask restore(PreparedImage prepared, Mask modelMask) {
    return prepared.mapping().maskToOriginal(modelMask);
  }

  @Override
  public Mask apply(PreparedImage prepared, Mask modelMask) { return restore(prepared, modelMask); }
}
