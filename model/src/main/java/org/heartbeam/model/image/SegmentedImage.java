package org.heartbeam.model.image;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * What inference makes of one image: the input (the original image and, when an expert contoured
 * it, its label), the predicted LV mask on the ORIGINAL pixel grid, and the model version that
 * predicted it (every output records it).
 *
 * <p>The original pixels travel with the prediction because the outputs need them: overlays draw on
 * them, and DICOM SEG, areas and volumes need the original geometry and UIDs.
 */
public final class SegmentedImage implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LabeledImage input;
  private final Mask predicted;
  private final String modelVersion;

  private SegmentedImage(LabeledImage input, Mask predicted, String modelVersion) {
    this.input = Objects.requireNonNull(input, "input");
    this.predicted = Objects.requireNonNull(predicted, "predicted");
    this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
    if (!predicted.sameSizeAs(input.image())) {
      throw new IllegalArgumentException("predicted mask " + predicted.rows() + "x" + predicted.columns()
          + " is not on the image's grid " + input.image().rows() + "x" + input.image().columns());
    }
  }

  public static SegmentedImage of(LabeledImage input, Mask predicted, String modelVersion) {
    return new SegmentedImage(input, predicted, modelVersion);
  }

  public LabeledImage input() { return input; }

  public CardiacImage image() { return input.image(); }

  public Optional<Mask> label() { return input.label(); }

  /** The predicted LV mask on the original pixel grid. */
  public Mask predicted() { return predicted; }

  /** The model that predicted it, as the registry names it (e.g. "lv-unet@3" or a file's SHA-256 prefix). */
  public String modelVersion() { return modelVersion; }

  /** The image's log/file-safe key (a hash of its SOP Instance UID or source): never PHI. */
  public String imageKey() { return input.image().imageKey(); }

  @Override
  public boolean equals(Object o) {
    return o instanceof SegmentedImage s && input.equals(s.input) && predicted.equals(s.predicted)
        && modelVersion.equals(s.modelVersion);
  }

  @Override
  public int hashCode() { return Objects.hash(input, predicted, modelVersion); }

  @Override
  public String toString() { return "SegmentedImage{" + imageKey() + ", " + predicted + ", model " + modelVersion + "}"; }
}
