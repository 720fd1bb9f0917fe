package org.heartbeam.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads an inference run folder. Every file name and column the report relies on is here, so that a
 * change in what the statistics and output transforms write is one edit:
 * <ul>
 *   <li>images.csv (required): image_key, patient_key, study_key, series_key, model_version,
 *       slice_position_mm, phase_index, lv_area_mm2, labelled, dice (and, for the expert contours'
 *       EF, trigger_time_ms and label_area_mm2);
 *   <li>patients.csv and run.csv: one row per (model version[, patient], metric); the "dice" rows are
 *       read: images, labelled, mean, sd, median, min, max;
 *   <li>volumes.csv: model_version, patient_key, study_key, series_key, edv_ml, esv_ml, sv_ml,
 *       ef_percent, computable, reason;
 *   <li>ef_truth.csv (the phantom's truth by patient key): patient_key, true_ef_percent;
 *   <li>overlay PNGs named {@code <imageKey>_overlay.png}, at any depth below the run folder.
 * </ul>
 * Optional files that are missing leave their part empty (the report omits that section).
 */
final class InferenceRunFiles {
  static final String IMAGES_CSV = "images.csv";
  static final String PATIENTS_CSV = "patients.csv";
  static final String RUN_CSV = "run.csv";
  static final String VOLUMES_CSV = "volumes.csv";
  static final String OVERLAY_SUFFIX = "_overlay.png";
  static final String DICE_METRIC = "dice";
  /** study/series/file below an outputs folder, with room for one or two folders above it. */
  private static final int OVERLAY_SEARCH_DEPTH = 6;

  private InferenceRunFiles() {}

  static boolean isInferenceRun(Path runDir) {
    return Files.isRegularFile(runDir.resolve(IMAGES_CSV));
  }

  static InferenceRun read(Path runDir) throws IOException {
    CsvTable images = CsvTable.read(runDir.resolve(IMAGES_CSV));
    List<EfTruth> truths = new ArrayList<>(EfTruthFiles.phantom(optional(runDir.resolve(EfTruthFiles.PHANTOM_CSV))));
    truths.addAll(EfTruthFiles.expert(images));
    return new InferenceRun(images(images), diceSummaries(optional(runDir.resolve(PATIENTS_CSV))),
        diceSummaries(optional(runDir.resolve(RUN_CSV))), volumes(optional(runDir.resolve(VOLUMES_CSV))),
        overlays(runDir), truths);
  }

  private static CsvTable optional(Path file) throws IOException {
    return Files.isRegularFile(file) ? CsvTable.read(file) : CsvTable.parse("");
  }

  private static List<ImageRow> images(CsvTable t) {
    List<ImageRow> rows = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      double phase = t.number(i, "phase_index");
      rows.add(new ImageRow(t.text(i, "image_key"), t.text(i, "patient_key"), t.text(i, "study_key"),
          t.text(i, "series_key"), t.text(i, "model_version"), t.number(i, "slice_position_mm"),
          Double.isNaN(phase) ? -1 : (int) phase, t.number(i, "lv_area_mm2"),
          Boolean.parseBoolean(t.text(i, "labelled").trim()), t.number(i, "dice")));
    }
    return rows;
  }

  private static List<DiceSummaryRow> diceSummaries(CsvTable t) {
    List<DiceSummaryRow> rows = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (!DICE_METRIC.equals(t.text(i, "metric").trim())) {
        continue;
      }
      rows.add(new DiceSummaryRow(t.text(i, "model_version"), t.text(i, "patient_key"), count(t.number(i, "images")),
          count(t.number(i, "labelled")), t.number(i, "mean"), t.number(i, "sd"), t.number(i, "median"),
          t.number(i, "min"), t.number(i, "max")));
    }
    return rows;
  }

  private static List<VolumeRow> volumes(CsvTable t) {
    List<VolumeRow> rows = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      rows.add(new VolumeRow(t.text(i, "model_version"), t.text(i, "patient_key"), t.text(i, "study_key"),
          t.text(i, "series_key"), t.number(i, "edv_ml"), t.number(i, "esv_ml"), t.number(i, "sv_ml"),
          t.number(i, "ef_percent"), Boolean.parseBoolean(t.text(i, "computable").trim()), t.text(i, "reason")));
    }
    return rows;
  }

  private static long count(double value) { return Double.isNaN(value) ? 0 : (long) value; }

  private static Map<String, Path> overlays(Path runDir) throws IOException {
    Map<String, Path> byKey = new HashMap<>();
    try (Stream<Path> files = Files.walk(runDir, OVERLAY_SEARCH_DEPTH)) {
      files.filter(Files::isRegularFile).forEach(p -> {
        String name = p.getFileName().toString();
        if (name.endsWith(OVERLAY_SUFFIX)) {
          byKey.putIfAbsent(name.substring(0, name.length() - OVERLAY_SUFFIX.length()), p);
        }
      });
    }
    return byKey;
  }
}
