package org.heartbeam.transforms.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.testing.HostileDicomCorpus;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus through the DICOM reader: every case it must refuse is exactly one dead letter with a
 * reason, the raw data sets without preamble are read, nothing else comes out, and the pipeline finishes.
 */
@ExtendWith(TestPipelineExtension.class)
class ReadHostileDicomTest {
  @TempDir Path dir;

  @Test
  void everyHostileFileIsRefusedWithAReasonOrReadNeverBoth(TestPipeline pipeline) {
    Map<String, HostileDicomCorpus.Expect> corpus = HostileDicomCorpus.writeTo(dir);
    Set<String> refused = new TreeSet<>();
    Set<String> read = new TreeSet<>();
    corpus.forEach((name, expect) ->
        (expect == HostileDicomCorpus.Expect.READ ? read : refused).add(dir.resolve(name).toString()));

    WithDeadLetters<CardiacImage> images = pipeline.apply(ReadDicomFiles.matching(dir + "/*"));

    PAssert.that(images.output().apply(MapElements.into(TypeDescriptors.strings()).via(CardiacImage::sourceUri)))
        .containsInAnyOrder(read);
    PAssert.that(images.deadLetters()).satisfies(letters -> {
      Map<String, DeadLetter> bySource = new HashMap<>();
      for (DeadLetter letter : letters) {
        assertTrue(bySource.put(letter.source(), letter) == null, "two dead letters for " + letter.source());
        assertFalse(letter.reason().isBlank(), letter.source());
        assertFalse(letter.reason().contains("\n\tat "), "a stack trace as reason: " + letter.source());
      }
      assertEquals(refused, new TreeSet<>(bySource.keySet()));
      return null;
    });
    pipeline.run().waitUntilFinish();
    assertTrue(corpus.size() >= 45, "corpus of " + corpus.size());
  }
}
