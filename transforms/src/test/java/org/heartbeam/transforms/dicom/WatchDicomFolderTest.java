package org.heartbeam.transforms.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.testing.DropFolderFeeder;
import org.heartbeam.testing.TestDicomFile;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.joda.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.heartbeam.dicom.IncomingFiles;

/** Files dropped over time into a watched folder, on the DirectRunner, in streaming mode. */
@ExtendWith(TestPipelineExtension.class)
class WatchDicomFolderTest {
  @TempDir Path dir;

  @Tag("slow")
  @Test
  @Timeout(60)
  void everyCompleteFileOnceNeverAPartFileCorruptOneDeadLettered(TestPipeline pipeline) throws Exception {
    List<String> expected = new ArrayList<>();
    DropFolderFeeder feeder = new DropFolderFeeder(250);
    for (int i = 0; i < 6; i++) {
      Path target = dir.resolve(i % 2 == 0 ? "study-a" : "study-b").resolve(i + ".dcm");
      feeder.add(target, TestDicomFile.mr(2, 2, (short) i, (short) 1, (short) 2, (short) 3).bytes());
      expected.add(target.toString());
    }
    Path corrupt = dir.resolve("study-b/corrupt.dcm");
    feeder.add(corrupt, "not a DICOM file at all".getBytes(StandardCharsets.UTF_8));
    // A writer that never finished: its temporary name must never be read.
    Files.createDirectories(dir.resolve("study-a"));
    Files.write(dir.resolve("study-a/stuck.dcm.part"), TestDicomFile.mr(2, 2, (short) 9, (short) 9, (short) 9,
        (short) 9).bytes());
    Files.createDirectories(dir.resolve(".staging"));
    Files.write(dir.resolve(".staging/hidden.dcm"), TestDicomFile.mr(2, 2, (short) 8, (short) 8, (short) 8,
        (short) 8).bytes());

    WithDeadLetters<CardiacImage> read = pipeline.apply(WatchDicomFolder.of(dir.toString())
        .withPollInterval(Duration.millis(200))
        .withTermination(WatchTermination.afterIdle(Duration.standardSeconds(3), Duration.standardSeconds(40))));
    PAssert.that(read.output().apply(MapElements.into(TypeDescriptors.strings()).via(CardiacImage::sourceUri)))
        .containsInAnyOrder(expected);
    String corruptSource = corrupt.toString();
    PAssert.that(read.deadLetters()).satisfies(letters -> {
      List<DeadLetter> all = new ArrayList<>();
      letters.forEach(all::add);
      assertEquals(1, all.size(), all.toString());
      assertEquals(corruptSource, all.get(0).source());
      assertEquals(ReadDicomFiles.STAGE, all.get(0).stage());
      return null;
    });

    feeder.start();
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    assertEquals(7, feeder.awaitLanded().size());

    assertEquals(7, counter(result, WatchDicomFolder.class, "filesMatched"));
    assertTrue(counter(result, WatchDicomFolder.class, "incompleteNamesSkipped") >= 2, "stuck .part and dot-folder");
    assertEquals(7, counter(result, ReadDicomFiles.class, "filesRead"));
    assertEquals(6, counter(result, ReadDicomFiles.class, "filesDecoded"));
    assertEquals(1, counter(result, ReadDicomFiles.class, "filesDeadLettered"));
  }

  @Test
  void incompleteNamesFollowTheContract() {
    assertTrue(IncomingFiles.isComplete("a/b/1.2.3.dcm"));
    assertTrue(IncomingFiles.isComplete("IM0001"));
    assertTrue(!IncomingFiles.isComplete("a/1.dcm.part"));
    assertTrue(!IncomingFiles.isComplete("a/1.dcm.TMP"));
    assertTrue(!IncomingFiles.isComplete("a/.1.dcm"));
    assertTrue(!IncomingFiles.isComplete(".incoming/1.dcm"));
    assertEquals("x/1.dcm", WatchDicomFolder.OnlyCompleteFn.relativePath("/home/u/.cache/in", "/home/u/.cache/in/x/1.dcm"));
    assertTrue(IncomingFiles.isComplete(
        WatchDicomFolder.OnlyCompleteFn.relativePath("/home/u/.cache/in", "/home/u/.cache/in/x/1.dcm")),
        "a dot-folder ABOVE the watched folder does not hide its files");
  }

  static long counter(PipelineResult result, Class<?> namespace, String name) {
    long[] sum = {0};
    result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(namespace, name)).build())
        .getCounters().forEach(c -> sum[0] += c.getAttempted());
    return sum[0];
  }
}
