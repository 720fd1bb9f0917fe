package org.heartbeam.model.volume;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Which images of a cine series are one slice, and which phase each is, when the headers say no
 * phase (Sunnybrook has no TemporalPositionIdentifier): slices are images within
 * {@link #POSITION_TOLERANCE_MM} along the normal; within a slice, the phase is the rank of the
 * trigger time. {@link CineVolumes} sums volumes by these phases, and the inference pipeline writes
 * them per image (images.csv, the report), so both agree on what "phase 3" is.
 */
public final class CinePhases {
  /** Images whose positions differ by less than this are one slice. */
  public static final double POSITION_TOLERANCE_MM = 0.5;

  private CinePhases() {}

  /** The images grouped into slices, slices in position order, each slice's images in position order. */
  public static <T> List<List<T>> bySlice(Collection<T> images, ToDoubleFunction<T> positionMm) {
    List<T> sorted = new ArrayList<>(images);
    sorted.sort(Comparator.comparingDouble(positionMm));
    List<List<T>> slices = new ArrayList<>();
    for (T image : sorted) {
      List<T> last = slices.isEmpty() ? null : slices.get(slices.size() - 1);
      if (last != null && positionMm.applyAsDouble(image) - positionMm.applyAsDouble(last.get(0))
          < POSITION_TOLERANCE_MM) {
        last.add(image);
      } else {
        List<T> slice = new ArrayList<>();
        slice.add(image);
        slices.add(slice);
      }
    }
    return slices;
  }

  /** One slice's images in phase order: element p is phase p (trigger times ascending). */
  public static <T> List<T> byTriggerTime(Collection<T> slice, ToDoubleFunction<T> triggerTimeMs) {
    List<T> byTime = new ArrayList<>(slice);
    byTime.sort(Comparator.comparingDouble(triggerTimeMs));
    return byTime;
  }
}
