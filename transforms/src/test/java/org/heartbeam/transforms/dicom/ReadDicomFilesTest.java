package org.heartbeam.transforms.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.testing.MalformedDicomCorpus;
import org.heartbeam.testing.TestDicomFile;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A folder of good files and the whole malformed corpus, read on the DirectRunner. */
@ExtendWith(TestPipelineExtension.class)
class ReadDicomFilesTest {

  @TempDir Path dir;

  @Test
  void goodFramesOutMalformedFilesDeadLetteredCountsReconcile(TestPipeline pipeline) throws Exception {
    Path good = Files.createDirectories(dir.resolve("good/series1"));
    TestDicomFile.mr(2, 2, (short) 1, (short) 2, (short) 3, (short) 4).write(good.resolve("a.dcm"));
    TestDicomFile.mr(2, 2, (short) -1, (short) 2, (short) 3, (short) 4).write(good.resolve("b"));
    Path multi = TestDicomFile.mr(1, 2, (short) 1, (short) 2, (short) 3, (short) 4, (short) 5, (short) 6)
        .put(TagFromName.NumberOfFrames, "3").write(dir.resolve("good/cine.dcm"));
    Map<String, String> corpus = MalformedDicomCorpus.writeTo(dir.resolve("bad"));
    Map<String, String> expectedDead = new HashMap<>();
    corpus.forEach((name, reason) -> expectedDead.put(dir.resolve("bad").resolve(name).toString(), reason));

    WithDeadLetters<CardiacImage> read = pipeline.apply(ReadDicomFiles.matching(dir + "/**"));

    PAssert.that(read.output().apply(MapElements.into(TypeDescriptors.strings()).via(CardiacImage::sourceUri)))
        .containsInAnyOrder(good.resolve("a.dcm").toString(), good.resolve("b").toString(),
            multi + "#frame=0", multi + "#frame=1", multi + "#frame=2");
    PAssert.that(read.deadLetters()).satisfies(letters -> {
      Map<String, DeadLetter> bySource = new HashMap<>();
      for (DeadLetter letter : letters) {
        assertTrue(bySource.put(letter.source(), letter) == null, "two dead letters for " + letter.source());
      }
      assertEquals(expectedDead.keySet(), bySource.keySet());
      for (DeadLetter letter : bySource.values()) {
        assertEquals(ReadDicomFiles.STAGE, letter.stage());
        assertFalse(letter.reason().isBlank(), letter.source());
        assertTrue(letter.reason().toLowerCase().contains(expectedDead.get(letter.source())),
            letter.source() + ": " + letter.reason());
      }
      return null;
    });
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    long filesRead = counter(result, "filesRead");
    assertEquals(3 + corpus.size(), filesRead);
    assertEquals(5, counter(result, "framesEmitted"));
    assertEquals(corpus.size(), counter(result, "filesDeadLettered"));
    assertEquals(filesRead, counter(result, "filesDecoded") + counter(result, "filesDeadLettered"));
  }

  private static long counter(PipelineResult result, String name) {
    List<MetricResult<Long>> counters = new ArrayList<>();
    result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(ReadDicomFiles.class, name)).build())
        .getCounters().forEach(counters::add);
    assertEquals(1, counters.size(), name);
    return counters.get(0).getAttempted();
  }
}
