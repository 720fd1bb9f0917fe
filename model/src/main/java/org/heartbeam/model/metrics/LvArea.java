package org.heartbeam.model.metrics;

import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.Mask;

/** LV cross-section area of a mask: pixels set x pixel area (row spacing x column spacing). */
public final class LvArea {
  private LvArea() {}

  public static double mm2(Mask mask, ImageGeometry geometry) { return mask.count() * geometry.pixelAreaMm2(); }

  public static double mm2(Mask mask, double rowSpacingMm, double columnSpacingMm) {
    if (!(rowSpacingMm > 0) || !(columnSpacingMm > 0)) {
      throw new IllegalArgumentException("pixel spacing must be > 0 mm: " + rowSpacingMm + ", " + columnSpacingMm);
    }
    return mask.count() * rowSpacingMm * columnSpacingMm;
  }
}
