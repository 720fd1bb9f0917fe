package org.heartbeam.transforms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.heartbeam.model.stats.StudyVolumes;
import org.heartbeam.testing.SharedData;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.transforms.sunnybrook.ReadSunnybrook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * LV volumes from the expert contours of the shared real Sunnybrook sample. The experts contoured two
 * phases (ED and ES) on 9, 9 and 10 mid-ventricular slices of the three series (18, 18 and 20
 * i-contours); the headers have no phase index, so the two phases are the trigger-time ranks 0 and 1
 * within each slice. What can be asserted without a published reference here: every series is
 * complete and computable, with the slice counts above and 2 phases; and the larger volume is the
 * later one (the contoured ES frame is ~290 ms after the R wave, the ED frame ~700 ms, at the end of
 * the cycle), so ED is rank 1 and ES rank 0. The numbers are printed for the report; apical and basal
 * slices without contours are not in these volumes, so they are below whole-ventricle EDV/ESV.
 */
@ExtendWith(TestPipelineExtension.class)
@Tag("realdata")
class SunnybrookExpertVolumesTest {

  @Test
  void expertContoursGiveAComputableEfForEachSeries(TestPipeline pipeline) {
    Path root = SharedData.sunnybrook();
    WithDeadLetters<StudyVolumes> volumes = pipeline
        .apply("Read", ReadSunnybrook.from(root.toString())).output()
        .apply("Segment", new ExpertMasks())
        .apply("Measure", ComputeImageStatistics.create())
        .then("Volumes", EstimateVolumes.create());

    PAssert.that(volumes.deadLetters()).empty();
    PAssert.that(volumes.output()).satisfies(studies -> {
      List<Integer> slices = new ArrayList<>();
      for (StudyVolumes v : studies) {
        System.out.printf("sunnybrook %s: %d slices x %d phases, spacing %.3f mm, ED %d %.2f ml, ES %d %.2f ml,"
                + " SV %.2f ml, EF %.2f %%%n", v.patientKey(), v.slices(), v.phases(), v.sliceSpacingMm(),
            v.edPhase(), v.edvMl(), v.esPhase(), v.esvMl(), v.svMl(), v.efPercent());
        assertTrue(v.computable(), v.reason());
        assertEquals(2, v.phases());
        assertEquals(2 * v.slices(), v.imageCount());
        assertEquals(1, v.edPhase(), "ED is the later contoured frame");
        assertEquals(0, v.esPhase());
        assertTrue(v.esvMl() > 0 && v.efPercent() > 0 && v.efPercent() < 100, v.toString());
        slices.add(v.slices());
      }
      slices.sort(null);
      assertEquals(List.of(9, 9, 10), slices);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
