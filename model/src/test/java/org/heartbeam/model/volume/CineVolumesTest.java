package org.heartbeam.model.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CineVolumesTest {
  /** 3 slices 10 mm apart, 2 phases; areas chosen so volumes are easy: sums 3000 and 1500 mm^2. */
  private static List<SliceArea> simpleStudy() {
    List<SliceArea> areas = new ArrayList<>();
    double[][] area = {{1000, 500}, {1200, 600}, {800, 400}};
    for (int s = 0; s < 3; s++) {
      for (int p = 0; p < 2; p++) {
        areas.add(new SliceArea(-20 + 10 * s + (s == 1 ? 0.2 : 0), p, 30.0 * p, area[s][p]));
      }
    }
    return areas;
  }

  @Test
  void simpsonsDiscSummation() {
    CineVolumes v = CineVolumes.of(simpleStudy());
    assertEquals(3, v.slices());
    assertEquals(10, v.sliceSpacingMm(), 0.2);
    // 3000 mm^2 x ~10 mm = 30 ml at ED, 15 ml at ES; EF 50 %
    assertEquals(0, v.edPhase());
    assertEquals(1, v.esPhase());
    assertEquals(3000 * v.sliceSpacingMm() / 1000, v.edvMl(), 1e-9);
    assertEquals(50.0, v.ejectionFractionPercent(), 1e-9);
  }

  @Test
  void phasesFromTriggerTimeWhenTheHeaderHasNoIndex() {
    List<SliceArea> unindexed = new ArrayList<>();
    for (SliceArea a : simpleStudy()) {
      // trigger times out of order across slices: ranking is per slice
      unindexed.add(new SliceArea(a.slicePositionMm(), -1, a.triggerTimeMs() + a.slicePositionMm(), a.areaMm2()));
    }
    CineVolumes v = CineVolumes.of(unindexed);
    assertEquals(50.0, v.ejectionFractionPercent(), 1e-9);
  }

  @Test
  void aPhaseMissingOnOneSliceIsNotMeasured() {
    List<SliceArea> areas = new ArrayList<>(simpleStudy());
    areas.add(new SliceArea(-20, 2, 60, 100));
    areas.add(new SliceArea(0, 2, 60, 100)); // the middle slice has no phase 2
    CineVolumes v = CineVolumes.of(areas);
    assertTrue(Double.isNaN(v.volumesMl()[2]));
    assertEquals(1, v.esPhase(), "the incomplete phase cannot be ES however small its sum");
  }

  @Test
  void medianSpacingIgnoresOneMissingSlice() {
    List<SliceArea> areas = new ArrayList<>();
    for (double z : new double[] {0, 8, 16, 32, 40}) { // 24 missing
      areas.add(new SliceArea(z, 0, 0, 100));
    }
    assertEquals(8, CineVolumes.of(areas).sliceSpacingMm(), 1e-12);
    assertArrayEquals(new double[] {500 * 8 / 1000.0}, CineVolumes.of(areas).volumesMl(), 1e-12);
  }

  @Test
  void refusesWhatCannotBeMeasured() {
    assertThrows(IllegalArgumentException.class, () -> CineVolumes.of(List.of(new SliceArea(0, 0, 0, 10))));
    assertThrows(IllegalArgumentException.class,
        () -> CineVolumes.of(List.of(new SliceArea(0, 0, 0, 10), new SliceArea(10, 1, 0, 10))));
    assertThrows(IllegalArgumentException.class, () -> CineVolumes.of(List.of(new SliceArea(0, -1, Double.NaN, 10),
        new SliceArea(10, -1, Double.NaN, 10))));
    assertThrows(IllegalArgumentException.class, () -> new SliceArea(Double.NaN, 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new SliceArea(0, 0, 0, -1));
  }
}
