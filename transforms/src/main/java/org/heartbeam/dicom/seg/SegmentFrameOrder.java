package org.heartbeam.dicom.seg;

import java.util.Comparator;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.SegmentedImage;

/**
 * The order of a SEG's frames: by slice position (along the slice normal, else SliceLocation), then
 * cardiac phase, then trigger time, then InstanceNumber, then SOP Instance UID and frame, so the
 * order is total and the same on every run whatever order the runner delivered the images in.
 */
final class SegmentFrameOrder {
  private SegmentFrameOrder() {}

  static final Comparator<SegmentedImage> ORDER = Comparator
      .comparingDouble((SegmentedImage s) -> slicePosition(s.image()))
      .thenComparingInt(s -> s.image().phaseIndex())
      .thenComparingDouble(s -> s.image().triggerTimeMs())
      .thenComparingInt(s -> s.image().instanceNumber())
      .thenComparing(s -> s.image().sopInstanceUid())
      .thenComparingInt(s -> s.image().frameIndex());

  /** mm along the slice normal, else SliceLocation, else NaN (Double.compare sorts NaN last). */
  static double slicePosition(CardiacImage image) {
    double along = image.geometry().positionAlongNormalMm();
    return Double.isNaN(along) ? image.geometry().sliceLocationMm() : along;
  }
}
