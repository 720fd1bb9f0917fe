package org.heartbeam.pipelines.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.transforms.stats.StatisticsJson;
import org.joda.time.Instant;

/**
 * Writes one image's record, {@code images/<imageKey>.<model version>.json} (statistics, model
 * version, arrival, output time, latency), atomically under that deterministic name, and passes the
 * record on for the windows. An image replayed after a restore rewrites the same file: one record per
 * image and version, whatever the failures. A record that cannot be written is a dead letter
 * ({@value #STAGE}).
 *
 * <p>Arrival is the file's modification time (its writer's rename, per the intake contract) when
 * that is plausible — not after the watch saw it, and not more than {@code maxListingLagMillis}
 * before — else the watch's first sighting: copies that keep an old modification time must not count
 * as hours of latency.
 */
final class WriteImageRecordFn extends DoFn<ImageStatistics, StreamedImage> {
  private static final long serialVersionUID = 1L;
  static final String STAGE = "write-image-record";
  static final String IMAGES_DIR = "images";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String output;
  private final long maxListingLagMillis;
  private final TupleTag<StreamedImage> recordsTag;
  private final Counter written = Metrics.counter(StreamPipeline.class, "imageRecordsWritten");
  private final Counter failed = Metrics.counter(StreamPipeline.class, "imageRecordsFailed");

  WriteImageRecordFn(String output, long maxListingLagMillis, TupleTag<StreamedImage> recordsTag) {
    this.output = output;
    this.maxListingLagMillis = maxListingLagMillis;
    this.recordsTag = recordsTag;
  }

  static String fileName(String imageKey, String modelVersion) {
    return AtomicFiles.safeName(imageKey) + "." + AtomicFiles.safeName(modelVersion) + ".json";
  }

  @ProcessElement
  public void processElement(@Element ImageStatistics image, @Timestamp Instant seen, MultiOutputReceiver out) {
    long seenAt = seen.getMillis();
    long arrivedAt = landedAt(image.sourceUri())
        .filter(landed -> landed <= seenAt && seenAt - landed <= maxListingLagMillis)
        .orElse(seenAt);
    try {
      long writtenAt = System.currentTimeMillis();
      StreamedImage record = new StreamedImage(image, arrivedAt, seenAt, writtenAt);
      AtomicFiles.writeString(Path.of(output, IMAGES_DIR, fileName(image.imageKey(), image.modelVersion())),
          json(record));
      written.inc();
      out.get(recordsTag).output(record);
    } catch (Exception e) {
      failed.inc();
      out.get(WithDeadLetters.DEAD_LETTER_TAG).output(DeadLetter.of(image.sourceUri(), STAGE, e));
    }
  }

  private static Optional<Long> landedAt(String sourceUri) {
    try {
      MatchResult.Metadata metadata = FileSystems.matchSingleFileSpec(sourceUri);
      long modified = metadata.lastModifiedMillis();
      return modified > 0 ? Optional.of(modified) : Optional.empty();
    } catch (Exception e) {
      // The file may have been moved away already: its sighting is then the arrival.
      return Optional.empty();
    }
  }

  static String json(StreamedImage record) throws Exception {
    ImageStatistics s = record.statistics();
    ObjectNode node = JSON.createObjectNode();
    node.put("image_key", s.imageKey());
    node.put("source", s.sourceUri());
    node.put("model_version", s.modelVersion());
    node.put("patient_key", s.patientKey());
    node.put("study_key", s.studyKey());
    node.put("series_key", s.seriesKey());
    StatisticsJson.number(node, "slice_position_mm", s.slicePositionMm());
    node.put("phase_index", s.phaseIndex());
    StatisticsJson.number(node, "lv_area_mm2", s.lvAreaMm2());
    node.put("predicted_pixels", s.predictedPixels());
    node.put("labelled", s.labelled());
    StatisticsJson.number(node, "dice", s.dice());
    node.put("arrived_at", new Instant(record.arrivedAtMillis()).toString());
    node.put("seen_at", new Instant(record.seenAtMillis()).toString());
    node.put("written_at", new Instant(record.writtenAtMillis()).toString());
    node.put("latency_ms", record.latencyMillis());
    return JSON.writeValueAsString(node);
  }
}
