package org.heartbeam.pipelines.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.stats.StudyVolumes;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.stats.StatisticsJson;
import org.joda.time.format.DateTimeFormatter;
import org.joda.time.format.ISODateTimeFormat;

/**
 * The per-window files of the stream, each named by its window's bounds so a pane fired again (a late
 * image, a replay after a restore) replaces its file: {@code windows/<start>_<end>.json} for run
 * statistics, {@code volumes/<series>.<version>.<session start>.json} for a study session's volumes.
 */
final class WriteWindowFiles {
  static final String WINDOWS_DIR = "windows";
  static final String VOLUMES_DIR = "volumes";
  static final String DEAD_LETTERS_DIR = "dead_letters";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter NAME_TIME = ISODateTimeFormat.basicDateTimeNoMillis().withZoneUTC();

  private WriteWindowFiles() {}

  static String windowName(IntervalWindow window) {
    return NAME_TIME.print(window.start()) + "_" + NAME_TIME.print(window.end());
  }

  /** Writes {@code windows/<start>_<end>.json}. */
  static final class StatisticsFn extends DoFn<WindowStatistics, Void> {
    private static final long serialVersionUID = 1L;
    private final String output;
    private final Counter written = Metrics.counter(StreamPipeline.class, "windowsWritten");

    StatisticsFn(String output) {
      this.output = output;
    }

    @ProcessElement
    public void processElement(@Element WindowStatistics s, BoundedWindow window, PaneInfo pane) throws Exception {
      IntervalWindow interval = (IntervalWindow) window;
      ObjectNode node = JSON.createObjectNode();
      node.put("window_start", interval.start().toString());
      node.put("window_end", interval.end().toString());
      node.put("pane", pane.getIndex());
      node.put("final", pane.isLast());
      node.put("images", s.images());
      node.put("labelled_images", s.labelled());
      StatisticsJson.number(node, "mean_dice", s.meanDice());
      StatisticsJson.number(node, "mean_lv_area_mm2", s.meanLvAreaMm2());
      StatisticsJson.number(node, "latency_p50_ms", s.latencyP50Ms());
      StatisticsJson.number(node, "latency_p95_ms", s.latencyP95Ms());
      StatisticsJson.number(node, "latency_max_ms", s.latencyMaxMs());
      ArrayNode versions = node.putArray("model_versions");
      s.modelVersions().forEach(versions::add);
      AtomicFiles.writeString(Path.of(output, WINDOWS_DIR, windowName(interval) + ".json"),
          JSON.writeValueAsString(node));
      written.inc();
    }
  }

  /** Writes {@code volumes/<series>.<version>.<session start>.json}. */
  static final class VolumesFn extends DoFn<StudyVolumes, Void> {
    private static final long serialVersionUID = 1L;
    private final String output;
    private final Counter written = Metrics.counter(StreamPipeline.class, "sessionVolumesWritten");

    VolumesFn(String output) {
      this.output = output;
    }

    @ProcessElement
    public void processElement(@Element StudyVolumes v, BoundedWindow window) throws Exception {
      IntervalWindow session = (IntervalWindow) window;
      String name = AtomicFiles.safeName(v.seriesKey()) + "." + AtomicFiles.safeName(v.modelVersion()) + "."
          + NAME_TIME.print(session.start()) + ".json";
      AtomicFiles.writeString(Path.of(output, VOLUMES_DIR, name), StatisticsJson.volumes(v));
      written.inc();
    }
  }

  /** Writes each dead letter as {@code dead_letters/<hash>.json}: the same failure replayed is one file. */
  static final class DeadLetterFn extends DoFn<DeadLetter, Void> {
    private static final long serialVersionUID = 1L;
    private final String output;
    private final Counter written = Metrics.counter(StreamPipeline.class, "deadLettersWritten");

    DeadLetterFn(String output) {
      this.output = output;
    }

    @ProcessElement
    public void processElement(@Element DeadLetter d) throws Exception {
      String name = CardiacImage.shortHash(d.stage() + "|" + d.source()) + ".json";
      AtomicFiles.writeString(Path.of(output, DEAD_LETTERS_DIR, name), d.toJson());
      written.inc();
    }
  }
}
