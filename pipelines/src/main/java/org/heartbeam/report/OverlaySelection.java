package org.heartbeam.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Which overlays the report shows: the worst, median and best images by Dice when the run had expert
 * labels, otherwise the smallest, median and largest predicted LV areas (where a model fails, the
 * area is usually implausibly small or large). Only images whose overlay PNG exists are candidates;
 * an image appears in at most one group, and with fewer than nine images the groups are smaller.
 */
final class OverlaySelection {
  /** A titled row of the overlay grid. */
  record Group(String title, String measure, List<ImageRow> images) {}

  static final int PER_GROUP = 3;

  private OverlaySelection() {}

  static List<Group> choose(InferenceRun run) {
    List<ImageRow> withOverlay = new ArrayList<>();
    for (ImageRow image : run.images()) {
      if (run.overlays().containsKey(image.imageKey())) {
        withOverlay.add(image);
      }
    }
    List<ImageRow> byDice = withOverlay.stream().filter(ImageRow::hasDice).toList();
    if (!byDice.isEmpty()) {
      return groups(byDice, ImageRow::dice, "Dice", "Worst Dice", "Median Dice", "Best Dice");
    }
    List<ImageRow> byArea = withOverlay.stream().filter(i -> Double.isFinite(i.lvAreaMm2())).toList();
    return groups(byArea, ImageRow::lvAreaMm2, "LV area",
        "Smallest LV area", "Median LV area", "Largest LV area");
  }

  private static List<Group> groups(List<ImageRow> candidates, ToDoubleFunction<ImageRow> measure, String measureName,
      String lowTitle, String middleTitle, String highTitle) {
    List<ImageRow> sorted = new ArrayList<>(candidates);
    // Ties broken by image key, so the same run always gives the same page.
    sorted.sort(Comparator.comparingDouble(measure).thenComparing(ImageRow::imageKey));
    int n = sorted.size();
    // Few images: share them out so that the extremes come first, e.g. 2 images are a worst and a best.
    int perGroup = Math.min(PER_GROUP, Math.max(1, n / 3));
    Set<Integer> used = new HashSet<>();
    Group low = group(lowTitle, measureName, sorted, range(0, n), perGroup, used);
    Group high = group(highTitle, measureName, sorted, range(n - 1, -1), perGroup, used);
    Group middle = group(middleTitle, measureName, sorted, middleOut(n), perGroup, used);
    List<Group> groups = new ArrayList<>();
    for (Group g : new Group[] {low, middle, high}) {
      if (!g.images().isEmpty()) {
        groups.add(g);
      }
    }
    return groups;
  }

  private static Group group(String title, String measure, List<ImageRow> sorted, List<Integer> order, int size,
      Set<Integer> used) {
    List<Integer> chosen = new ArrayList<>();
    for (int index : order) {
      if (chosen.size() == size) {
        break;
      }
      if (used.add(index)) {
        chosen.add(index);
      }
    }
    chosen.sort(null);
    return new Group(title, measure, chosen.stream().map(sorted::get).toList());
  }

  /** from, from+1 ... (exclusive end), or downwards when end < from. */
  private static List<Integer> range(int from, int end) {
    List<Integer> indices = new ArrayList<>();
    for (int i = from; from <= end ? i < end : i > end; i += from <= end ? 1 : -1) {
      indices.add(i);
    }
    return indices;
  }

  /** The middle index, then alternately one below and one above it. */
  private static List<Integer> middleOut(int n) {
    List<Integer> indices = new ArrayList<>();
    int mid = (n - 1) / 2;
    for (int step = 0; indices.size() < n; step++) {
      if (mid - step >= 0 && step > 0) {
        indices.add(mid - step);
      }
      if (mid + step < n) {
        indices.add(mid + step);
      }
    }
    return indices;
  }
}
