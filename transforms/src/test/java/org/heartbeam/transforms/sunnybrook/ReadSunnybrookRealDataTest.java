package org.heartbeam.transforms.sunnybrook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Filter;
import org.heartbeam.model.contour.Contour;
import org.heartbeam.model.contour.ContourParser;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.testing.SharedData;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ReadSunnybrook over the shared 3-patient sample: 700 images, 56 with an expert i-contour. */
@ExtendWith(TestPipelineExtension.class)
@Tag("realdata")
class ReadSunnybrookRealDataTest {

  @Test
  void readsThe56LabelledImagesWithMasksMatchingTheirContours(TestPipeline pipeline) throws Exception {
    Path root = SharedData.sunnybrook();
    Map<String, String> contourOfImage = new HashMap<>();
    for (SunnybrookItem item : SunnybrookLayout.scan(root).labelledImages()) {
      contourOfImage.put(item.dicomPath(), item.iContourPath().get());
    }
    WithDeadLetters<LabeledImage> read = pipeline.apply(ReadSunnybrook.from(root.toString()));

    PAssert.that(read.deadLetters()).empty();
    PAssert.that(read.output()).satisfies(images -> {
      int n = 0;
      double worst = 1;
      for (LabeledImage labeled : images) {
        n++;
        CardiacImage image = labeled.image();
        assertTrue(labeled.isLabeled(), image.sourceUri());
        assertGeometry(image);
        Contour contour = parse(contourOfImage.get(image.sourceUri()));
        double ratio = labeled.label().get().count() / contour.shoelaceAreaPx();
        assertTrue(Math.abs(ratio - 1) <= 0.03, image.sourceUri() + ": mask/area " + ratio);
        worst = Math.abs(ratio - 1) > Math.abs(worst - 1) ? ratio : worst;
      }
      assertEquals(56, n);
      System.out.printf("56 real i-contours: worst mask pixel count / shoelace area = %.4f%n", worst);
      return null;
    });
    ReadSunnybrookCounters counts = ReadSunnybrookCounters.reconciled(pipeline.run());
    assertEquals(56, counts.considered);
    assertEquals(56, counts.labelled);
    assertEquals(0, counts.unlabelled + counts.dead);
  }

  @Tag("slow")
  @Test
  void withUnlabelledReadsAll700Images(TestPipeline pipeline) {
    Path root = SharedData.sunnybrook();
    WithDeadLetters<LabeledImage> read = pipeline.apply(ReadSunnybrook.from(root.toString()).withUnlabelled(true));

    PAssert.that(read.deadLetters()).empty();
    PAssert.thatSingleton(read.output().apply("CountAll", Combine.globally(Count.<LabeledImage>combineFn())))
        .isEqualTo(700L);
    PAssert.thatSingleton(read.output()
            .apply("Labelled", Filter.by(LabeledImage::isLabeled))
            .apply("CountLabelled", Combine.globally(Count.<LabeledImage>combineFn())))
        .isEqualTo(56L);
    ReadSunnybrookCounters counts = ReadSunnybrookCounters.reconciled(pipeline.run());
    assertEquals(700, counts.considered);
    assertEquals(56, counts.labelled);
    assertEquals(644, counts.unlabelled);
    assertEquals(0, counts.dead);
  }

  private static void assertGeometry(CardiacImage image) {
    ImageGeometry g = image.geometry();
    assertEquals(256, image.rows());
    assertEquals(256, image.columns());
    // As dcmdump reads them; the data README's "1.367 mm, 10 mm" holds for two of the three series.
    boolean third = image.sourceUri().contains("SCD0000301");
    assertEquals(third ? 1.2891 : 1.367188, g.rowSpacingMm(), 1e-6, image.sourceUri());
    assertEquals(third ? 1.2891 : 1.367188, g.columnSpacingMm(), 1e-6, image.sourceUri());
    assertEquals(third ? 8.0 : 10.0, g.sliceThicknessMm(), 1e-9, image.sourceUri());
    assertNotNull(g.imagePositionPatient(), image.sourceUri());
    assertNotNull(g.imageOrientationPatient(), image.sourceUri());
    assertTrue(image.instanceNumber() > 0, image.sourceUri());
    assertFalse(Double.isNaN(image.triggerTimeMs()), image.sourceUri());
  }

  private static Contour parse(String path) {
    try {
      return ContourParser.parse(Files.readString(Path.of(path)));
    } catch (Exception e) {
      throw new AssertionError(path + ": " + e.getMessage(), e);
    }
  }
}
