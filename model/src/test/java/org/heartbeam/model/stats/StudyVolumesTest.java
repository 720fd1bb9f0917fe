package org.heartbeam.model.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Simpson's sums worked by hand, and the refusals that keep a wrong EF out of the report. */
class StudyVolumesTest {
  private static final double EPS = 1e-9;

  @Test
  void completeStackGivesEdvEsvAndEf() {
    // 3 slices 10 mm apart; phase 0: 1000 mm^2 each -> 30 ml; phase 1: 500 each -> 15 ml; phase 2: 800 -> 24 ml.
    StudyVolumes v = StudyVolumes.of(stack(new double[] {1000, 500, 800}, 3, -1, -1));
    assertTrue(v.computable(), v.reason());
    assertEquals(3, v.slices());
    assertEquals(3, v.phases());
    assertEquals(9, v.imageCount());
    assertEquals(10.0, v.sliceSpacingMm(), EPS);
    assertArrayEquals(new double[] {30, 15, 24}, v.volumesMl(), EPS);
    assertEquals(0, v.edPhase());
    assertEquals(1, v.esPhase());
    assertEquals(30, v.edvMl(), EPS);
    assertEquals(15, v.esvMl(), EPS);
    assertEquals(15, v.svMl(), EPS);
    assertEquals(50, v.efPercent(), EPS);
  }

  @Test
  void aPhaseMissingOnOneSliceIsReportedNotGuessed() {
    StudyVolumes v = StudyVolumes.of(stack(new double[] {1000, 500, 800}, 3, 2, 1));
    assertFalse(v.computable());
    assertTrue(v.reason().contains("phases [1]"), v.reason());
    assertTrue(Double.isNaN(v.efPercent()) && Double.isNaN(v.edvMl()));
    assertEquals(-1, v.edPhase());
    assertEquals(8, v.imageCount());
    assertEquals(30, v.volumesMl()[0], EPS); // the complete phases are still shown
  }

  @Test
  void phasesNoImageHasAreNotPartOfTheSeries() {
    // Only phases 0 and 2 segmented (as when only ED and ES have labels): phase 1 exists nowhere.
    List<ImageStatistics> images = new ArrayList<>(stack(new double[] {1000, 500, 800}, 3, -1, -1));
    images.removeIf(i -> i.phaseIndex() == 1);
    StudyVolumes v = StudyVolumes.of(images);
    assertTrue(v.computable(), v.reason());
    assertEquals(2, v.phases());
    assertEquals(0, v.edPhase());
    assertEquals(2, v.esPhase());
    assertEquals(20, v.efPercent(), EPS); // (30 - 24) / 30
    assertTrue(Double.isNaN(v.volumesMl()[1]));
  }

  @Test
  void byTriggerRankASliceWithFewerImagesIsIncomplete() {
    List<ImageStatistics> images = new ArrayList<>();
    for (ImageStatistics i : stack(new double[] {1000, 500, 800}, 3, 0, 0)) {
      images.add(withoutPhaseIndex(i));
    }
    StudyVolumes v = StudyVolumes.of(images);
    assertFalse(v.computable());
    assertTrue(v.reason().contains("phases [2]"), v.reason()); // the short slice's ranks stop at 1
  }

  @Test
  void oneSliceIsNotAVolume() {
    StudyVolumes v = StudyVolumes.of(stack(new double[] {1000, 500}, 1, -1, -1));
    assertFalse(v.computable());
    assertTrue(v.reason().contains("at least 2 slice positions"), v.reason());
  }

  @Test
  void onePhaseHasNoEjectionFraction() {
    StudyVolumes v = StudyVolumes.of(stack(new double[] {1000}, 4, -1, -1));
    assertFalse(v.computable());
    assertTrue(v.reason().contains("one cardiac phase"), v.reason());
    assertArrayEquals(new double[] {40}, v.volumesMl(), EPS);
  }

  private static ImageStatistics withoutPhaseIndex(ImageStatistics i) {
    return new ImageStatistics(i.imageKey(), i.patientKey(), i.studyKey(), i.seriesKey(), i.sourceUri(),
        i.modelVersion(), i.slicePositionMm(), -1, i.triggerTimeMs(), i.lvAreaMm2(), 0, false, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  /** Images of {@code slices} slices 10 mm apart, one per phase with the given area, minus one. */
  private static List<ImageStatistics> stack(double[] areaByPhase, int slices, int skipSlice, int skipPhase) {
    List<ImageStatistics> images = new ArrayList<>();
    for (int s = 0; s < slices; s++) {
      for (int p = 0; p < areaByPhase.length; p++) {
        if (s == skipSlice && p == skipPhase) {
          continue;
        }
        images.add(new ImageStatistics("i" + s + "-" + p, "p-1", "st-1", "se-1", "mem:" + s + "/" + p, "m",
            -40 + 10.0 * s, p, 30.0 * p, areaByPhase[p], 0, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN));
      }
    }
    return images;
  }
}
