package org.heartbeam.pipelines.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.heartbeam.testing.DropFolderFeeder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream end to end on DirectRunner and Flink [local], with a model promotion in the middle:
 * phantom DICOM files (and one corrupt file) dropped over time are each segmented and recorded exactly
 * once; the images dropped before v2 was promoted carry v1 and those after carry v2 (the stream
 * switched without a restart); the fixed windows count every image once with latency quantiles; the
 * study sessions give volumes over every image; the corrupt file is one dead letter; the stream ends by
 * its idle termination.
 */
class StreamPipelineTest {
  @Tag("slow")
  @Test
  @Timeout(150)
  void directRunnerHotSwap(@TempDir Path tmp) throws Exception {
    runWithPromotionMidStream(new StreamFixture(tmp), "--runner=DirectRunner");
  }

  @Tag("flink")
  @Tag("slow")
  @Test
  @Timeout(150)
  void flinkHotSwap(@TempDir Path tmp) throws Exception {
    runWithPromotionMidStream(new StreamFixture(tmp), "--runner=FlinkRunner", "--flinkMaster=[local]",
        "--parallelism=2", "--shutdownSourcesAfterIdleMs=" + StreamFlinkSettings.SOURCE_IDLE_MS);
  }

  static void runWithPromotionMidStream(StreamFixture fixture, String... runner) throws Exception {
    int n = fixture.phantomFiles.size();
    int beforeSwap = n / 2;
    AtomicReference<Throwable> feederFailure = new AtomicReference<>();
    Thread feeder = new Thread(() -> {
      try {
        for (int i = 0; i < n; i++) {
          if (i == beforeSwap) {
            // v2 is promoted only once every v1 image has its record, so the split is deterministic.
            awaitRecords(fixture, beforeSwap);
            fixture.promote(StreamFixture.MODEL + "@2");
          }
          Thread.sleep(200);
          DropFolderFeeder.dropAtomically(fixture.target(i), Files.readAllBytes(fixture.phantomFiles.get(i)));
        }
        DropFolderFeeder.dropAtomically(fixture.watched.resolve("bad/corrupt.dcm"),
            "not a DICOM file".getBytes(StandardCharsets.UTF_8));
      } catch (Throwable t) {
        feederFailure.set(t);
      }
    }, "stream-feeder");
    feeder.setDaemon(true);
    feeder.start();
    StreamPipeline.run(PipelineOptionsFactory.fromArgs(fixture.args(runner)).as(StreamOptions.class));
    feeder.join(10_000);
    assertEquals(null, feederFailure.get());

    List<JsonNode> records = fixture.read(WriteImageRecordFn.IMAGES_DIR);
    Map<String, String> versionBySource = new HashMap<>();
    for (JsonNode record : records) {
      String previous = versionBySource.put(record.path("source").asText(), record.path("model_version").asText());
      assertEquals(null, previous, "one record per image: " + record);
      assertTrue(record.path("latency_ms").asLong() >= 0, record.toString());
    }
    assertEquals(n, records.size(), "every dropped image, once: " + versionBySource);
    for (int i = 0; i < n; i++) {
      String expected = StreamFixture.MODEL + "@" + (i < beforeSwap ? 1 : 2);
      assertEquals(expected, versionBySource.get(fixture.target(i).toString()), "image " + i);
    }

    long windowed = 0;
    for (JsonNode window : fixture.read(WriteWindowFiles.WINDOWS_DIR)) {
      windowed += window.path("images").asLong();
      assertTrue(window.path("latency_p95_ms").asDouble() >= window.path("latency_p50_ms").asDouble(),
          window.toString());
    }
    assertEquals(n, windowed, "the windows count every image once");

    long inSessions = 0;
    for (JsonNode volumes : fixture.read(WriteWindowFiles.VOLUMES_DIR)) {
      inSessions += volumes.path("images").asLong();
    }
    assertEquals(n, inSessions, "the study sessions hold every image once");
    assertEquals(1, fixture.count(WriteWindowFiles.DEAD_LETTERS_DIR), "the corrupt file");
    try (Stream<Path> pngs = Files.walk(fixture.output.resolve(StreamPipeline.MASKS_DIR))) {
      assertEquals(2L * n, pngs.filter(p -> p.toString().endsWith(".png")).count(), "a mask and an overlay per image");
    }
    long frames = 0;
    try (Stream<Path> files = Files.walk(fixture.output.resolve(StreamPipeline.SEG_DIR))) {
      for (Path seg : files.filter(Files::isRegularFile).toList()) {
        com.pixelmed.dicom.AttributeList list = new com.pixelmed.dicom.AttributeList();
        list.read(seg.toFile());
        frames += com.pixelmed.dicom.Attribute.getSingleIntegerValueOrDefault(list,
            com.pixelmed.dicom.TagFromName.NumberOfFrames, 0);
      }
    }
    assertEquals(n, frames, "the SEGs of v1 and v2 hold every image once");
  }

  static void awaitRecords(StreamFixture fixture, int count) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (fixture.count(WriteImageRecordFn.IMAGES_DIR) < count) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("only " + fixture.count(WriteImageRecordFn.IMAGES_DIR) + " records after 60 s");
      }
      Thread.sleep(200);
    }
  }
}
