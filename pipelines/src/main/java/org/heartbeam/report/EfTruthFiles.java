package org.heartbeam.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heartbeam.model.volume.CineVolumes;
import org.heartbeam.model.volume.SliceArea;
import org.heartbeam.pipelines.infer.EfAgainstTruth;

/**
 * The truths an inference run folder holds: {@value #PHANTOM_CSV} (the phantom's ground truth, which
 * {@code infer} copies by patient key when its input is a {@code heartbeam synth} set) and the expert
 * contours themselves: images.csv keeps each labelled image's expert LV area, summed here by the same
 * Simpson rule as the prediction ({@link CineVolumes}) over the slices and phases the experts contoured.
 */
final class EfTruthFiles {
  static final String PHANTOM_CSV = EfAgainstTruth.RUN_TRUTH_FILE;

  private EfTruthFiles() {}

  /** ef_truth.csv: patient_key, true_ef_percent (and true EDV/ESV, not shown). */
  static List<EfTruth> phantom(CsvTable truth) {
    List<EfTruth> rows = new ArrayList<>();
    for (int i = 0; i < truth.size(); i++) {
      double ef = truth.number(i, "true_ef_percent");
      if (Double.isFinite(ef)) {
        rows.add(new EfTruth(truth.text(i, "patient_key"), "", ef, EfTruth.PHANTOM));
      }
    }
    return rows;
  }

  /** EF of the expert areas per series of images.csv; series whose contours make no volume are left out. */
  static List<EfTruth> expert(CsvTable images) {
    Map<String, List<SliceArea>> bySeries = new LinkedHashMap<>();
    Map<String, String> seenImage = new LinkedHashMap<>();
    for (int i = 0; i < images.size(); i++) {
      double area = images.number(i, "label_area_mm2");
      double position = images.number(i, "slice_position_mm");
      String series = images.text(i, "series_key");
      String key = images.text(i, "patient_key") + "\n" + series;
      // An image segmented by two model versions has one expert contour.
      if (!Boolean.parseBoolean(images.text(i, "labelled").trim()) || !Double.isFinite(area)
          || !Double.isFinite(position) || series.isEmpty() || seenImage.put(images.text(i, "image_key"), key) != null) {
        continue;
      }
      double phase = images.number(i, "phase_index");
      bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(new SliceArea(position,
          Double.isFinite(phase) ? (int) phase : -1, images.number(i, "trigger_time_ms"), area));
    }
    List<EfTruth> rows = new ArrayList<>();
    for (Map.Entry<String, List<SliceArea>> e : bySeries.entrySet()) {
      try {
        double ef = CineVolumes.of(e.getValue()).ejectionFractionPercent();
        if (Double.isFinite(ef)) {
          String[] key = e.getKey().split("\n", 2);
          rows.add(new EfTruth(key[0], key[1], ef, EfTruth.EXPERT));
        }
      } catch (IllegalArgumentException notAVolume) {
        // One contoured slice, or no phase on every contoured slice: the experts gave no EF here.
      }
    }
    return rows;
  }
}
