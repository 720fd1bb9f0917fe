package org.heartbeam.transforms.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.heartbeam.model.stats.ImageMetric;
import org.heartbeam.model.stats.MetricSummary;
import org.heartbeam.model.stats.StudyVolumes;
import org.heartbeam.model.stats.SummaryStatistics;

/**
 * The JSON objects of run.json and volumes.json: the same names as the CSV columns; NaN (undefined)
 * is null, since JSON has no NaN.
 */
public final class StatisticsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatisticsJson() {}

  static String run(MetricSummary summary) {
    ObjectNode node = JSON.createObjectNode();
    node.put("model_version", summary.modelVersion());
    node.put("images", summary.images());
    node.put("labelled", summary.labelled());
    ObjectNode metrics = node.putObject("metrics");
    for (ImageMetric metric : ImageMetric.values()) {
      SummaryStatistics s = summary.get(metric);
      ObjectNode m = metrics.putObject(metric.columnName());
      m.put("count", s.count());
      m.put("nan_count", s.nanCount());
      number(m, "mean", s.mean());
      number(m, "sd", s.sd());
      number(m, "median", s.median());
      number(m, "q1", s.q1());
      number(m, "q3", s.q3());
      number(m, "min", s.min());
      number(m, "max", s.max());
    }
    return write(node);
  }

  /** One series' volumes as a JSON object (also the streaming pipeline's per-session volumes file). */
  public static String volumes(StudyVolumes v) {
    ObjectNode node = JSON.createObjectNode();
    node.put("model_version", v.modelVersion());
    node.put("patient_key", v.patientKey());
    node.put("study_key", v.studyKey());
    node.put("series_key", v.seriesKey());
    node.put("images", v.imageCount());
    node.put("slices", v.slices());
    node.put("phases", v.phases());
    number(node, "slice_spacing_mm", v.sliceSpacingMm());
    phase(node, "ed_phase", v.edPhase());
    phase(node, "es_phase", v.esPhase());
    number(node, "edv_ml", v.edvMl());
    number(node, "esv_ml", v.esvMl());
    number(node, "sv_ml", v.svMl());
    number(node, "ef_percent", v.efPercent());
    node.put("computable", v.computable());
    node.put("reason", v.reason());
    ArrayNode perPhase = node.putArray("volumes_ml");
    for (double ml : v.volumesMl()) {
      if (Double.isNaN(ml)) {
        perPhase.addNull();
      } else {
        perPhase.add(ml);
      }
    }
    return write(node);
  }

  /** Puts {@code value}, or null for NaN (JSON has no NaN). */
  public static void number(ObjectNode node, String name, double value) {
    if (Double.isNaN(value)) {
      node.putNull(name);
    } else {
      node.put(name, value);
    }
  }

  private static void phase(ObjectNode node, String name, int phase) {
    if (phase < 0) {
      node.putNull(name);
    } else {
      node.put(name, phase);
    }
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
