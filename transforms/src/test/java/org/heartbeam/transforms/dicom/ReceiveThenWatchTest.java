package org.heartbeam.transforms.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.testing.Storescu;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.joda.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.heartbeam.dicom.net.DicomStoreReceiver;

/** End to end: storescu -> receiver -> watched folder -> WatchDicomFolder, on the DirectRunner. */
@ExtendWith(TestPipelineExtension.class)
@Tag("slow")
class ReceiveThenWatchTest {
  @TempDir Path tmp;

  @Test
  @Timeout(90)
  void everyImagePushedByStorescuIsReadOnce(TestPipeline pipeline) throws Exception {
    Path synth = tmp.resolve("synth");
    SyntheticStudyGenerator.generate(SynthOptions.builder().patients(1).slices(3).phases(4).build(), synth);
    List<Path> sent;
    try (Stream<Path> files = Files.walk(synth.resolve("dicoms"))) {
      sent = files.filter(f -> f.toString().endsWith(".dcm")).sorted().toList();
    }
    Path watched = tmp.resolve("watched");
    try (DicomStoreReceiver receiver = DicomStoreReceiver.start(watched, 0, "HEARTBEAM", Set.of("SCANNER"))) {
      WithDeadLetters<CardiacImage> read = pipeline.apply(WatchDicomFolder.of(watched.toString())
          .withPollInterval(Duration.millis(250))
          .withTermination(WatchTermination.afterIdle(Duration.standardSeconds(4), Duration.standardSeconds(60))));
      PAssert.that(read.output().apply(MapElements.into(TypeDescriptors.strings())
              .via(image -> Path.of(image.sourceUri()).getFileName().toString())))
          .containsInAnyOrder(expectedNames(sent));
      PAssert.that(read.deadLetters()).empty();

      // The scanner pushes in two halves while the stream runs (run() blocks, so from a thread). The
      // second half goes as soon as the first has landed, not after a fixed pause: the watch stops
      // 4 s after its last new file, and a pause (plus a slow storescu) could outlast that.
      AtomicReference<String> failure = new AtomicReference<>();
      Thread scanner = new Thread(() -> {
        long landed = 0;
        for (List<Path> half : List.of(sent.subList(0, 6), sent.subList(6, sent.size()))) {
          Storescu.Result result = Storescu.send(receiver.port(), "SCANNER", "HEARTBEAM", half);
          if (result.exitCode() != 0) {
            failure.set(result.output());
            return;
          }
          landed += half.size();
          awaitLanded(receiver, landed);
        }
      });
      scanner.start();
      pipeline.run().waitUntilFinish();
      scanner.join();
      assertEquals(null, failure.get());
      assertEquals(sent.size(), receiver.objectsLanded());
    }
  }

  private static List<String> expectedNames(List<Path> sent) throws Exception {
    List<String> names = new ArrayList<>();
    for (Path file : sent) {
      com.pixelmed.dicom.AttributeList list = new com.pixelmed.dicom.AttributeList();
      list.read(file.toFile(), com.pixelmed.dicom.TagFromName.PixelData);
      names.add(com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(list,
          com.pixelmed.dicom.TagFromName.SOPInstanceUID) + ".dcm");
    }
    return names;
  }

  /** Waits until the receiver has handled (landed or refused) {@code count} objects. */
  private static void awaitLanded(DicomStoreReceiver receiver, long count) {
    try {
      while (receiver.objectsLanded() + receiver.objectsRefused() < count) {
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
