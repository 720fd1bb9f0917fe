package org.heartbeam.model.preprocess;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.Mask;

/**
 * An image ready for the U-Net: normalized pixels on the model grid, the {@link GridMapping} back to
 * the original grid, the label on the model grid when the image was labeled, and the source image's
 * identity.
 *
 * <p>Memory: the original pixels are NOT kept. Mapping a mask back needs only the mapping (which
 * holds the original size), and areas and volumes need only the original {@link ImageGeometry}
 * (spacing, position, orientation). Keeping the whole {@link CardiacImage} would double the bytes of
 * every element shuffled or cached between steps, for nothing. Also not kept: the patient ID (PHI);
 * the study, series and SOP instance UIDs, frame, phase and trigger time are kept because grouping
 * slices into a study, ejection fraction and DICOM SEG references need them.
 */
public final class PreparedImage implements Serializable {
  private static final long serialVersionUID = 1L;

  private final float[] pixels;
  private final GridMapping mapping;
  private final Mask label;
  private final String imageKey;
  private final String sourceUri;
  private final ImageGeometry originalGeometry;
  private final String studyInstanceUid;
  private final String seriesInstanceUid;
  private final String sopInstanceUid;
  private final int frameIndex;
  private final int phaseIndex;
  private final double triggerTimeMs;

  private PreparedImage(CardiacImage source, GridMapping mapping, float[] pixels, Mask label) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    if (source.rows() != mapping.originalRows() || source.columns() != mapping.originalColumns()) {
      throw new IllegalArgumentException("mapping is for a " + mapping.originalRows() + "x"
          + mapping.originalColumns() + " image, not " + source.rows() + "x" + source.columns());
    }
    if (pixels.length != mapping.modelRows() * mapping.modelColumns()) {
      throw new IllegalArgumentException("model pixels " + pixels.length + " do not match "
          + mapping.modelRows() + "x" + mapping.modelColumns());
    }
    if (label != null && (label.rows() != mapping.modelRows() || label.columns() != mapping.modelColumns())) {
      throw new IllegalArgumentException("label is not on the model grid");
    }
    this.pixels = pixels;
    this.label = label;
    this.imageKey = source.imageKey();
    this.sourceUri = source.sourceUri();
    this.originalGeometry = source.geometry();
    this.studyInstanceUid = source.studyInstanceUid();
    this.seriesInstanceUid = source.seriesInstanceUid();
    this.sopInstanceUid = source.sopInstanceUid();
    this.frameIndex = source.frameIndex();
    this.phaseIndex = source.phaseIndex();
    this.triggerTimeMs = source.triggerTimeMs();
  }

  /**
   * @param pixels model-grid pixels, row-major; taken as is, not copied
   * @param label the label on the model grid, or null when the source was not labeled
   */
  public static PreparedImage of(CardiacImage source, GridMapping mapping, float[] pixels, Mask label) {
    return new PreparedImage(source, mapping, pixels, label);
  }

  /** Normalized model-grid pixels, row-major; treat as read-only. */
  public float[] pixels() { return pixels; }

  public int rows() { return mapping.modelRows(); }

  public int columns() { return mapping.modelColumns(); }

  public GridMapping mapping() { return mapping; }

  /** The label on the model grid, when the source was labeled. */
  public Optional<Mask> label() { return Optional.ofNullable(label); }

  public boolean isLabeled() { return label != null; }

  /** The source's {@link CardiacImage#imageKey()}: PHI-free, for logs and file names. */
  public String imageKey() { return imageKey; }

  public String sourceUri() { return sourceUri; }

  public int originalRows() { return mapping.originalRows(); }

  public int originalColumns() { return mapping.originalColumns(); }

  /** The source image's geometry (original grid spacing, position, orientation). */
  public ImageGeometry originalGeometry() { return originalGeometry; }

  public double modelRowSpacingMm() { return mapping.modelRowSpacingMm(originalGeometry); }

  public double modelColumnSpacingMm() { return mapping.modelColumnSpacingMm(originalGeometry); }

  public String studyInstanceUid() { return studyInstanceUid; }

  public String seriesInstanceUid() { return seriesInstanceUid; }

  public String sopInstanceUid() { return sopInstanceUid; }

  public int frameIndex() { return frameIndex; }

  public int phaseIndex() { return phaseIndex; }

  public double triggerTimeMs() { return triggerTimeMs; }

  /** A model-grid mask (e.g. a prediction) on the source's original grid; 0 outside the window. */
  public Mask toOriginalGrid(Mask modelMask) { return mapping.maskToOriginal(modelMask); }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PreparedImage)) {
      return false;
    }
    PreparedImage p = (PreparedImage) o;
    return Arrays.equals(pixels, p.pixels) && mapping.equals(p.mapping) && Objects.equals(label, p.label)
        && imageKey.equals(p.imageKey) && sourceUri.equals(p.sourceUri)
        && originalGeometry.equals(p.originalGeometry) && studyInstanceUid.equals(p.studyInstanceUid)
        && seriesInstanceUid.equals(p.seriesInstanceUid) && sopInstanceUid.equals(p.sopInstanceUid)
        && frameIndex == p.frameIndex && phaseIndex == p.phaseIndex
        && Double.compare(triggerTimeMs, p.triggerTimeMs) == 0;
  }

  @Override
  public int hashCode() { return Objects.hash(imageKey, sourceUri, mapping, Arrays.hashCode(pixels)); }

  /** No patient identifiers: may end up in logs. */
  @Override
  public String toString() {
    return "PreparedImage{" + imageKey + ", " + mapping + ", label " + label + "}";
  }
}
