package org.heartbeam.transforms.sunnybrook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.testing.MalformedSunnybrookCorpus;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each broken item of {@link MalformedSunnybrookCorpus} is exactly one dead letter; good images still come out. */
@ExtendWith(TestPipelineExtension.class)
class ReadSunnybrookMalformedTest {

  @Test
  void eachBrokenItemIsOneDeadLetterAndGoodImagesComeOut(TestPipeline pipeline, @TempDir Path dir)
      throws Exception {
    MalformedSunnybrookCorpus corpus = MalformedSunnybrookCorpus.write(dir);
    WithDeadLetters<LabeledImage> read = pipeline.apply(ReadSunnybrook.from(corpus.root().toString()));

    PAssert.that(describe(read.deadLetters())).containsInAnyOrder(expectedDeadLetters(corpus));
    PAssert.that(read.output()).satisfies(images -> {
      Map<Integer, LabeledImage> byInstance = byInstance(images);
      assertEquals(List.of(1, 2), new ArrayList<>(byInstance.keySet()));
      assertRectangleMask(byInstance.get(1));
      assertTrue(byInstance.get(2).isLabeled());
      return null;
    });
    ReadSunnybrookCounters counts = ReadSunnybrookCounters.reconciled(pipeline.run());
    // 9 images with a contour + 3 layout problems; 2 emitted + 10 dead letters.
    assertEquals(12, counts.considered);
    assertEquals(2, counts.labelled);
    assertEquals(0, counts.unlabelled);
    assertEquals(10, counts.dead);
  }

  @Test
  void withUnlabelledImagesOfUnusableContoursComeOutUnlabelledAndTheContoursAreStillDeadLettered(
      TestPipeline pipeline, @TempDir Path dir) throws Exception {
    MalformedSunnybrookCorpus corpus = MalformedSunnybrookCorpus.write(dir);
    WithDeadLetters<LabeledImage> read =
        pipeline.apply(ReadSunnybrook.from(corpus.root().toString()).withUnlabelled(true));

    PAssert.that(describe(read.deadLetters())).containsInAnyOrder(expectedDeadLetters(corpus));
    PAssert.that(read.output()).satisfies(images -> {
      Map<Integer, LabeledImage> byInstance = byInstance(images);
      assertEquals(List.of(1, 2, 3, 4, 5, 7, 8, 10), new ArrayList<>(byInstance.keySet()));
      for (Map.Entry<Integer, LabeledImage> e : byInstance.entrySet()) {
        assertEquals(e.getKey() <= 2, e.getValue().isLabeled(), "image " + e.getKey());
      }
      assertRectangleMask(byInstance.get(1));
      return null;
    });
    ReadSunnybrookCounters counts = ReadSunnybrookCounters.reconciled(pipeline.run());
    // 10 images + 3 layout problems + 5 unusable contours split off images 3, 4, 5, 7, 10.
    assertEquals(18, counts.considered);
    assertEquals(2, counts.labelled);
    assertEquals(6, counts.unlabelled);
    assertEquals(10, counts.dead);
  }

  /** "stage source" for each expected dead letter, plus a word its reason must contain. */
  private static List<String> expectedDeadLetters(MalformedSunnybrookCorpus c) {
    return List.of(
        "sunnybrook-layout " + c.missingDicomFolder() + " [DICOM folder missing]",
        "sunnybrook-layout " + c.contour(9) + " [no 9.dcm]",
        "sunnybrook-layout " + c.contourWithoutNumber() + " [no image number]",
        "contour-parse " + c.contour(3) + " [line 1:]",
        "contour-parse " + c.contour(4) + " [found 0 (empty file)]",
        "contour-parse " + c.contour(5) + " [found 2]",
        "contour-parse " + c.contour(7) + " [size mismatch]",
        "contour-parse " + c.contour(10) + " [encloses no pixel centre]",
        "dicom-decode " + c.dicom(6) + " [DICOM]",
        "dicom-decode " + c.dicom(11) + " [does not match the file name 11.dcm]");
  }

  /** Each dead letter as "stage source [fragment]" when its reason holds the expected fragment. */
  private static org.apache.beam.sdk.values.PCollection<String> describe(
      org.apache.beam.sdk.values.PCollection<DeadLetter> deadLetters) {
    return deadLetters.apply("Describe", MapElements.into(TypeDescriptors.strings()).via(d -> {
      for (String fragment : List.of("DICOM folder missing", "no 9.dcm", "no image number", "line 1:",
          "found 0 (empty file)", "found 2", "size mismatch", "encloses no pixel centre",
          "does not match the file name 11.dcm", "DICOM")) {
        if (d.reason().contains(fragment)) {
          return d.stage() + " " + d.source() + " [" + fragment + "]";
        }
      }
      return d.toString();
    }));
  }

  private static Map<Integer, LabeledImage> byInstance(Iterable<LabeledImage> images) {
    Map<Integer, LabeledImage> byInstance = new TreeMap<>();
    for (LabeledImage image : images) {
      assertEquals(null, byInstance.put(image.image().instanceNumber(), image), "duplicate");
    }
    return byInstance;
  }

  /** Image 1's contour is the rectangle x 4..20, y 8..12: rows 8-11, columns 4-19 (x is the column). */
  private static void assertRectangleMask(LabeledImage labeled) {
    CardiacImage image = labeled.image();
    assertEquals(MalformedSunnybrookCorpus.SIZE, image.rows());
    assertEquals(1 * 100 + 2, image.pixel(1, 2), 0);
    Mask mask = labeled.label().orElseThrow();
    assertEquals(64, mask.count());
    for (int r = 0; r < mask.rows(); r++) {
      for (int c = 0; c < mask.columns(); c++) {
        assertEquals(r >= 8 && r <= 11 && c >= 4 && c <= 19, mask.get(r, c), "pixel (" + r + ", " + c + ")");
      }
    }
  }
}
