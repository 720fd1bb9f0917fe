package org.heartbeam.model.image;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/** An image and, when an expert contoured it, its LV mask on the same pixel grid. */
public final class LabeledImage implements Serializable {
  private static final long serialVersionUID = 1L;

  private final CardiacImage image;
  private final Mask label;

  private LabeledImage(CardiacImage image, Mask label) {
    this.image = Objects.requireNonNull(image, "image");
    if (label != null && !label.sameSizeAs(image)) {
      throw new IllegalArgumentException("label " + label.rows() + "x" + label.columns()
          + " does not match image " + image.rows() + "x" + image.columns());
    }
    this.label = label;
  }

  public static LabeledImage labeled(CardiacImage image, Mask label) {
    return new LabeledImage(image, Objects.requireNonNull(label, "label"));
  }

  public static LabeledImage unlabeled(CardiacImage image) { return new LabeledImage(image, null); }

  public CardiacImage image() { return image; }

  public Optional<Mask> label() { return Optional.ofNullable(label); }

  public boolean isLabeled() { return label != null; }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabeledImage && image.equals(((LabeledImage) o).image)
        && Objects.equals(label, ((LabeledImage) o).label);
  }

  @Override
  public int hashCode() { return Objects.hash(image, label); }

  @Override
  public String toString() { return "LabeledImage{" + image + ", label " + label + "}"; }
}
