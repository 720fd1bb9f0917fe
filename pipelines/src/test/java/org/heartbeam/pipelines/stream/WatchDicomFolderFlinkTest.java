package org.heartbeam.pipelines.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.testing.DropFolderFeeder;
import org.heartbeam.testing.TestDicomFile;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.transforms.dicom.WatchDicomFolder;
import org.heartbeam.transforms.dicom.WatchTermination;
import org.joda.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher on embedded Flink in streaming mode: files dropped over time are each read exactly
 * once, a never-renamed .part file never, a corrupt file becomes one dead letter, and the stream ends
 * by the idle termination. Results leave the pipeline as one marker file per element, so duplicates
 * would show as two markers.
 */
@Tag("flink")
class WatchDicomFolderFlinkTest {
  @TempDir Path tmp;

  @Test
  @Timeout(90)
  void filesDroppedOverTimeAreReadExactlyOnce() throws Exception {
    Path watched = Files.createDirectories(tmp.resolve("watched"));
    Path images = Files.createDirectories(tmp.resolve("images"));
    Path dead = Files.createDirectories(tmp.resolve("dead"));
    List<String> expected = new ArrayList<>();
    DropFolderFeeder feeder = new DropFolderFeeder(300);
    for (int i = 0; i < 6; i++) {
      Path target = watched.resolve("series-" + (i % 3)).resolve(i + ".dcm");
      feeder.add(target, TestDicomFile.mr(2, 2, (short) i, (short) 1, (short) 2, (short) 3).bytes());
      expected.add(target.toString());
    }
    Path corrupt = watched.resolve("series-0/corrupt.dcm");
    feeder.add(corrupt, "truncated nonsense".getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(watched.resolve("series-1"));
    Files.write(watched.resolve("series-1/never-renamed.dcm.part"),
        TestDicomFile.mr(2, 2, (short) 7, (short) 7, (short) 7, (short) 7).bytes());

    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=FlinkRunner",
        "--flinkMaster=[local]", "--streaming=true", "--parallelism=2", "--shutdownSourcesAfterIdleMs=0").create());
    WithDeadLetters<CardiacImage> read = pipeline.apply(WatchDicomFolder.of(watched.toString())
        .withPollInterval(Duration.millis(250))
        .withTermination(WatchTermination.afterIdle(Duration.standardSeconds(4), Duration.standardSeconds(60))));
    read.output().apply("MarkImages", ParDo.of(new MarkFn<>(images.toString())));
    read.deadLetters().apply("MarkDead", ParDo.of(new MarkFn<DeadLetter>(dead.toString())));

    feeder.start();
    pipeline.run().waitUntilFinish();
    assertEquals(7, feeder.awaitLanded().size());

    List<String> readSources = markers(images);
    Collections.sort(expected);
    assertEquals(expected, readSources, "every complete image exactly once, never the .part file");
    assertEquals(List.of(corrupt.toString()), markers(dead));
  }

  /** Writes each element's source as its own file: a test sink that shows duplicates. */
  static final class MarkFn<T> extends DoFn<T, Void> {
    private static final long serialVersionUID = 1L;
    private final String folder;

    MarkFn(String folder) {
      this.folder = folder;
    }

    @ProcessElement
    public void processElement(@Element T element) throws Exception {
      String source = element instanceof CardiacImage image ? image.sourceUri() : ((DeadLetter) element).source();
      Files.writeString(Path.of(folder, UUID.randomUUID() + ".txt"), source);
    }
  }

  private static List<String> markers(Path folder) throws Exception {
    List<String> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        sources.add(Files.readString(file));
      }
    }
    Collections.sort(sources);
    return sources;
  }
}
