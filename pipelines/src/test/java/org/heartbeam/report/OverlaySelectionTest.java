package org.heartbeam.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverlaySelectionTest {
  @Test
  void nineOrMoreLabelledImagesGiveThreeWorstThreeMedianThreeBest() {
    List<OverlaySelection.Group> groups = OverlaySelection.choose(run(11, true, 11));

    assertEquals(List.of("Worst Dice", "Median Dice", "Best Dice"), groups.stream().map(g -> g.title()).toList());
    assertEquals(List.of("k00", "k01", "k02"), keys(groups.get(0)));
    assertEquals(List.of("k04", "k05", "k06"), keys(groups.get(1)));
    assertEquals(List.of("k08", "k09", "k10"), keys(groups.get(2)));
  }

  @Test
  void twoImagesAreAWorstAndABest() {
    List<OverlaySelection.Group> groups = OverlaySelection.choose(run(2, true, 2));

    assertEquals(List.of("Worst Dice", "Best Dice"), groups.stream().map(g -> g.title()).toList());
    assertEquals(List.of("k00"), keys(groups.get(0)));
    assertEquals(List.of("k01"), keys(groups.get(1)));
  }

  @Test
  void unlabelledImagesAreChosenByAreaAndOnlyWhenTheirOverlayExists() {
    List<OverlaySelection.Group> groups = OverlaySelection.choose(run(10, false, 4));

    assertEquals(List.of("Smallest LV area", "Median LV area", "Largest LV area"),
        groups.stream().map(g -> g.title()).toList());
    assertEquals(List.of("k00"), keys(groups.get(0)));
    assertEquals(List.of("k01"), keys(groups.get(1)));
    assertEquals(List.of("k03"), keys(groups.get(2)));
  }

  /** n images, Dice and area rising with the index (listed in reverse), overlays for the first `overlays`. */
  private static InferenceRun run(int n, boolean labelled, int overlays) {
    List<ImageRow> images = new ArrayList<>();
    Map<String, Path> files = new HashMap<>();
    for (int i = n - 1; i >= 0; i--) {
      String key = String.format("k%02d", i);
      images.add(new ImageRow(key, "p", "s", "se", "v1", 0, 0, 100 + i, labelled, labelled ? i / 20.0 : Double.NaN));
      if (i < overlays) {
        files.put(key, Path.of(key + "_overlay.png"));
      }
    }
    return new InferenceRun(images, List.of(), List.of(), List.of(), files, List.of());
  }

  private static List<String> keys(OverlaySelection.Group group) {
    return group.images().stream().map(ImageRow::imageKey).toList();
  }
}
