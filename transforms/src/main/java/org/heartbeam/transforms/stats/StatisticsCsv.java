package org.heartbeam.transforms.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.heartbeam.model.stats.ImageMetric;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.model.stats.MetricSummary;
import org.heartbeam.model.stats.StudyVolumes;
import org.heartbeam.model.stats.SummaryStatistics;

/** The header and rows of images.csv, patients.csv, run.csv and volumes.csv. */
final class StatisticsCsv {
  static final String IMAGES_HEADER = String.join(",", "model_version", "image_key", "patient_key", "study_key",
      "series_key", "source_uri", "slice_position_mm", "phase_index", "trigger_time_ms", "lv_area_mm2",
      "predicted_pixels", "labelled", "label_area_mm2", "dice", "smoothed_dice", "iou", "precision", "recall",
      "hd95_mm", "assd_mm");

  private static final String SUMMARY_COLUMNS = String.join(",", "images", "labelled", "metric", "count",
      "nan_count", "mean", "sd", "median", "q1", "q3", "min", "max");
  static final String PATIENTS_HEADER = "model_version,patient_key," + SUMMARY_COLUMNS;
  static final String RUN_HEADER = "model_version," + SUMMARY_COLUMNS;

  /** volumes_ml: the per-phase volumes joined by ';' in phase order (empty where a phase is missing). */
  static final String VOLUMES_HEADER = String.join(",", "model_version", "patient_key", "study_key", "series_key",
      "images", "slices", "phases", "slice_spacing_mm", "ed_phase", "es_phase", "edv_ml", "esv_ml", "sv_ml",
      "ef_percent", "computable", "reason", "volumes_ml");

  private StatisticsCsv() {}

  static String image(ImageStatistics s) {
    return Csv.row(s.modelVersion(), s.imageKey(), s.patientKey(), s.studyKey(), s.seriesKey(), s.sourceUri(),
        Csv.number(s.slicePositionMm()), Integer.toString(s.phaseIndex()), Csv.number(s.triggerTimeMs()),
        Csv.number(s.lvAreaMm2()), Csv.number(s.predictedPixels()), Boolean.toString(s.labelled()),
        Csv.number(s.labelAreaMm2()), Csv.number(s.dice()), Csv.number(s.smoothedDice()), Csv.number(s.iou()),
        Csv.number(s.precision()), Csv.number(s.recall()), Csv.number(s.hd95Mm()), Csv.number(s.assdMm()));
  }

  /** One row per metric, in {@link ImageMetric} order; with the patient key column when perPatient. */
  static List<String> summary(MetricSummary summary, boolean perPatient) {
    List<String> rows = new ArrayList<>();
    for (ImageMetric metric : ImageMetric.values()) {
      SummaryStatistics s = summary.get(metric);
      List<String> fields = new ArrayList<>();
      fields.add(summary.modelVersion());
      if (perPatient) {
        fields.add(summary.patientKey());
      }
      fields.addAll(List.of(Csv.number(summary.images()), Csv.number(summary.labelled()), metric.columnName(),
          Csv.number(s.count()), Csv.number(s.nanCount()), Csv.number(s.mean()), Csv.number(s.sd()),
          Csv.number(s.median()), Csv.number(s.q1()), Csv.number(s.q3()), Csv.number(s.min()), Csv.number(s.max())));
      rows.add(Csv.row(fields.toArray(String[]::new)));
    }
    return rows;
  }

  static String volumes(StudyVolumes v) {
    StringJoiner perPhase = new StringJoiner(";");
    for (double ml : v.volumesMl()) {
      perPhase.add(Csv.number(ml));
    }
    return Csv.row(v.modelVersion(), v.patientKey(), v.studyKey(), v.seriesKey(), Integer.toString(v.imageCount()),
        Integer.toString(v.slices()), Integer.toString(v.phases()), Csv.number(v.sliceSpacingMm()),
        phase(v.edPhase()), phase(v.esPhase()), Csv.number(v.edvMl()), Csv.number(v.esvMl()), Csv.number(v.svMl()),
        Csv.number(v.efPercent()), Boolean.toString(v.computable()), v.reason(), perPhase.toString());
  }

  private static String phase(int phase) { return phase < 0 ? "" : Integer.toString(phase); }
}
