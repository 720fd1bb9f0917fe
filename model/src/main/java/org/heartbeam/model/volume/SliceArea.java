package org.heartbeam.model.volume;

import java.io.Serializable;

/**
 * The LV area of one image of a cine study: where the slice is (mm along the stack's normal), when in
 * the heartbeat it was taken (phase index when the header says, else trigger time), and the area.
 *
 * @param slicePositionMm position along the slice normal ({@code ImageGeometry#positionAlongNormalMm})
 * @param phaseIndex 0-based cardiac phase, or -1 when unknown (then {@code triggerTimeMs} orders phases)
 * @param triggerTimeMs ms after the R wave, NaN when unknown
 * @param areaMm2 LV blood-pool area in mm^2 (mask pixel count x pixel area)
 */
public record SliceArea(double slicePositionMm, int phaseIndex, double triggerTimeMs, double areaMm2)
    implements Serializable {
  public SliceArea {
    if (!Double.isFinite(slicePositionMm)) {
      throw new IllegalArgumentException("slice position must be known to compute volumes");
    }
    if (!(areaMm2 >= 0) || Double.isInfinite(areaMm2)) {
      throw new IllegalArgumentException("LV area must be >= 0 mm^2: " + areaMm2);
    }
    if (phaseIndex < -1) {
      throw new IllegalArgumentException("phase index must be >= 0 or -1 (unknown): " + phaseIndex);
    }
  }
}
