package org.heartbeam.pipelines.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.heartbeam.model.stats.ImageStatistics;
import org.junit.jupiter.api.Test;

/** Window statistics by hand: count, mean Dice of labelled images only, mean area, exact latency quantiles. */
class WindowStatisticsFnTest {
  private static StreamedImage image(int i, String version, boolean labelled, double dice, long latencyMs) {
    double nan = Double.NaN;
    ImageStatistics s = new ImageStatistics("im-" + i, "p", "st", "se", "file:/" + i, version, i, 0, nan,
        100.0 * i, 10, labelled, labelled ? 90 : nan, labelled ? dice : nan, nan, nan, nan, nan, nan, nan);
    return new StreamedImage(s, 1_000, 1_000, 1_000 + latencyMs);
  }

  @Test
  void quantilesAndMeans() {
    List<StreamedImage> images = new ArrayList<>();
    // Latencies 10, 20, ..., 100 ms: R-7 p50 = 55, p95 = 95.5.
    for (int i = 1; i <= 10; i++) {
      images.add(image(i, i <= 5 ? "m@1" : "m@2", i <= 2, i == 1 ? 0.8 : 0.6, 10L * i));
    }
    WindowStatisticsFn fn = new WindowStatisticsFn();
    WindowStatisticsFn.Accumulator first = fn.createAccumulator();
    WindowStatisticsFn.Accumulator second = fn.createAccumulator();
    for (int i = 0; i < images.size(); i++) {
      fn.addInput(i % 3 == 0 ? first : second, images.get(i));
    }
    // Merged from two partial accumulators, as a runner combines before and after a shuffle.
    for (WindowStatistics s : List.of(fn.extractOutput(fn.mergeAccumulators(List.of(first, second))),
        fn.extractOutput(fn.mergeAccumulators(List.of(second, first))))) {
      assertEquals(10, s.images());
      assertEquals(2, s.labelled());
      assertEquals(0.7, s.meanDice(), 1e-12);
      assertEquals(550.0, s.meanLvAreaMm2(), 1e-9);
      assertEquals(55.0, s.latencyP50Ms(), 1e-9);
      assertEquals(95.5, s.latencyP95Ms(), 1e-9);
      assertEquals(100.0, s.latencyMaxMs(), 1e-9);
      assertEquals(List.of("m@1", "m@2"), s.modelVersions());
    }
  }

  @Test
  void unlabelledWindowHasNoDice() {
    WindowStatisticsFn fn = new WindowStatisticsFn();
    WindowStatistics s = fn.extractOutput(fn.addInput(fn.createAccumulator(), image(1, "m@1", false, 0, 5)));
    assertTrue(Double.isNaN(s.meanDice()));
    assertEquals(5.0, s.latencyP95Ms(), 1e-9);
  }
}
