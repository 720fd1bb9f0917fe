package org.heartbeam.transforms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.heartbeam.testing.SharedData;
import org.heartbeam.transforms.sunnybrook.ReadSunnybrook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Sunnybrook headers have no phase index: images.csv used to say phase -1 for every image (the
 * phase was ranked only inside the volume step). Every row now carries its trigger-time rank within
 * its slice, and that rank orders the trigger times.
 */
@ExtendWith(TestPipelineExtension.class)
class SunnybrookPhaseIndexTest {
  @Test
  void everyImageOfRealSunnybrookDataHasItsPhaseInImagesCsv(TestPipeline pipeline, @TempDir Path out)
      throws Exception {
    Path root = SharedData.sunnybrook();
    pipeline.apply("Read", ReadSunnybrook.from(root.toString())).output()
        .apply("Segment", new ExpertMasks())
        .apply("Report", ReportStatistics.to(out.toString()));
    pipeline.run().waitUntilFinish();

    List<String> rows = Files.readAllLines(out.resolve(WriteStatistics.IMAGES_CSV));
    List<String> header = List.of(rows.get(0).split(","));
    int series = header.indexOf("series_key");
    int position = header.indexOf("slice_position_mm");
    int phase = header.indexOf("phase_index");
    int trigger = header.indexOf("trigger_time_ms");
    assertTrue(rows.size() > 50, "the contoured images of 3 patients: " + rows.size());
    // per series and slice: trigger time by phase
    Map<String, TreeMap<Integer, Double>> slices = new TreeMap<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",", -1);
      int p = Integer.parseInt(f[phase]);
      assertTrue(p >= 0, "phase index in " + row);
      String slice = f[series] + "@" + Math.round(Double.parseDouble(f[position]) * 2);
      Double earlier = slices.computeIfAbsent(slice, k -> new TreeMap<>()).put(p, Double.parseDouble(f[trigger]));
      assertEquals(null, earlier, "two images of phase " + p + " on slice " + slice);
    }
    for (Map.Entry<String, TreeMap<Integer, Double>> slice : slices.entrySet()) {
      List<Double> byPhase = new ArrayList<>(slice.getValue().values());
      List<Double> sorted = new ArrayList<>(byPhase);
      sorted.sort(null);
      assertEquals(sorted, byPhase, "phases follow trigger times on " + slice.getKey());
      assertEquals(slice.getValue().size() - 1, slice.getValue().lastKey(), "phases 0..n-1 on " + slice.getKey());
    }
  }
}
