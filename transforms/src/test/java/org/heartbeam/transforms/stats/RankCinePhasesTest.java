package org.heartbeam.transforms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.heartbeam.model.stats.ImageStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Phase per image from trigger-time ranks per slice of a series; nothing dropped, known phases kept. */
@ExtendWith(TestPipelineExtension.class)
class RankCinePhasesTest {
  private static final double NAN = Double.NaN;

  private static ImageStatistics image(String key, String series, double position, int phase, double triggerMs) {
    return new ImageStatistics(key, "p-a", "st-1", series, "mem:" + key, "m", position, phase, triggerMs, 100, 0,
        false, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN);
  }

  @Test
  void ranksTriggerTimesWithinEachSliceOfEachSeries(TestPipeline pipeline) {
    List<ImageStatistics> images = List.of(
        // series 1, slice at 10 mm (one header rounded to 10.2 mm): trigger times out of order
        image("a2", "se-1", 10.0, -1, 700), image("a0", "se-1", 10.2, -1, 30), image("a1", "se-1", 10.0, -1, 290),
        // series 1, slice at 18 mm
        image("b1", "se-1", 18.0, -1, 400), image("b0", "se-1", 18.0, -1, 20),
        // series 2 at the same position is another cine: its own ranks
        image("c0", "se-2", 10.0, -1, 500),
        // a header with a phase keeps it; one without trigger time, series or position stays unknown
        image("d5", "se-1", 10.0, 5, 999), image("e", "se-1", 26.0, -1, NAN), image("f", "", 10.0, -1, 40),
        image("g", "se-1", NAN, -1, 40));
    PCollection<ImageStatistics> ranked = pipeline
        .apply(Create.of(images).withCoder(SerializableCoder.of(ImageStatistics.class)))
        .apply(RankCinePhases.create());

    PAssert.that(ranked).satisfies(out -> {
      Map<String, Integer> phase = new HashMap<>();
      out.forEach(s -> phase.put(s.imageKey(), s.phaseIndex()));
      assertEquals(Map.of("a0", 0, "a1", 1, "a2", 2, "b0", 0, "b1", 1, "c0", 0, "d5", 5, "e", -1, "f", -1, "g", -1),
          phase);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
