package org.heartbeam.transforms.tfrecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.testing.MalformedTfRecordCorpus;
import org.heartbeam.testing.SeedPatternImages;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ReadSeedTfRecordsTest {
  private static final Pattern SOURCE = Pattern.compile("(.*/)?([^/]+)#record=(\\d+)");

  @TempDir Path dir;

  @Test
  void readsGoodFilesAndDeadLettersEveryBrokenRecord(TestPipeline pipeline) throws IOException {
    List<MalformedTfRecordCorpus.Case> cases = MalformedTfRecordCorpus.write(dir);
    List<LabeledImage> good = IntStream.range(0, 3).mapToObj(k -> SeedPatternImages.image(k, 20, 12, "good_")).toList();
    TfRecordTestFiles.writeSeedFile(dir.resolve("good-a.tfrecords"), good);
    TfRecordTestFiles.writeSeedFile(dir.resolve("good-b.tfrecords"), good.subList(0, 1));
    int expectedGood = 4 + cases.stream().mapToInt(MalformedTfRecordCorpus.Case::goodRecords).sum();
    int expectedDead = cases.stream().mapToInt(MalformedTfRecordCorpus.Case::deadLetters).sum();
    assertTrue(cases.size() >= 8 && expectedDead >= 8, "corpus has at least 8 broken cases");

    WithDeadLetters<LabeledImage> read = pipeline.apply(ReadSeedTfRecords.from(dir + "/*.tfrecords"));

    PCollection<String> names = read.output()
        .apply("Names", MapElements.into(TypeDescriptors.strings()).via(i -> i.image().sourceUri()));
    PAssert.that(names).satisfies(all -> {
      Map<String, Integer> counts = new HashMap<>();
      all.forEach(n -> counts.merge(n, 1, Integer::sum));
      // The corpus puts corpus_000 before and corpus_001 after each bad record: both survive.
      assertEquals(Map.of("good_000", 2, "good_001", 1, "good_002", 1,
          "corpus_000", (int) cases.stream().filter(c -> c.goodRecords() >= 1).count(),
          "corpus_001", (int) cases.stream().filter(c -> c.goodRecords() >= 2).count()), counts);
      return null;
    });
    PAssert.that(read.deadLetters()).satisfies(letters -> {
      Map<String, Integer> perFile = new HashMap<>();
      for (DeadLetter letter : letters) {
        Matcher m = SOURCE.matcher(letter.source());
        assertTrue(m.matches(), "source names file#record=N: " + letter.source());
        MalformedTfRecordCorpus.Case c = cases.stream().filter(x -> x.fileName().equals(m.group(2))).findFirst()
            .orElseThrow(() -> new AssertionError("dead letter from a good file: " + letter));
        assertEquals(c.stage(), letter.stage(), letter.toString());
        assertTrue(letter.reason().toLowerCase().contains(c.reasonContains()), letter + " should say " + c.reasonContains());
        perFile.merge(c.fileName(), 1, Integer::sum);
      }
      for (MalformedTfRecordCorpus.Case c : cases) {
        assertEquals(c.deadLetters(), perFile.getOrDefault(c.fileName(), 0), c.fileName());
      }
      return null;
    });

    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    long readCount = TfRecordTestFiles.counter(result, ReadSeedTfRecords.RECORDS_READ);
    assertEquals(expectedGood, TfRecordTestFiles.counter(result, ReadSeedTfRecords.RECORDS_EMITTED));
    assertEquals(expectedDead, TfRecordTestFiles.counter(result, ReadSeedTfRecords.RECORDS_DEAD_LETTERED));
    assertEquals(expectedGood + expectedDead, readCount, "read = emitted + dead-lettered");
  }

  @Test
  void readsGzipFilesAndAppliesTheGivenSpacing(TestPipeline pipeline) throws IOException {
    List<LabeledImage> images = IntStream.range(0, 2).mapToObj(k -> SeedPatternImages.image(k, 16, 16, "gz_")).toList();
    Path plain = TfRecordTestFiles.writeSeedFile(dir.resolve("plain.bin"), images);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("images.tfrecords.gz")))) {
      out.write(Files.readAllBytes(plain));
    }

    WithDeadLetters<LabeledImage> read = pipeline.apply(
        ReadSeedTfRecords.from(dir.resolve("images.tfrecords.gz").toString()).withPixelSpacingMm(1.4));

    PAssert.that(read.output()).containsInAnyOrder(images.stream().map(i -> LabeledImage.labeled(
        i.image().toBuilder().geometry(ImageGeometry.ofSpacing(1.4)).build(), i.label().orElseThrow())).toList());
    PAssert.that(read.deadLetters()).empty();
    pipeline.run().waitUntilFinish();
  }
}
