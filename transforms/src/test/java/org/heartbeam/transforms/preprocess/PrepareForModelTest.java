package org.heartbeam.transforms.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.preprocess.PreparedImage;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class PrepareForModelTest {

  @Test
  void preparesGoodImagesDeadLettersAbsurdOnesAndTheCountsReconcile(TestPipeline pipeline) {
    LabeledImage labeled = LabeledImage.labeled(image(256, 256, "test://a.dcm", 1), disc(256, 256, 120, 110, 25));
    LabeledImage wide = LabeledImage.unlabeled(image(200, 300, "test://b.dcm", 2));
    LabeledImage huge = LabeledImage.unlabeled(image(4097, 2, "test://huge.dcm", 3));
    int expectedLabelCount = labeled.label().orElseThrow().count();

    PCollection<LabeledImage> input = pipeline.apply(Create.of(List.of(labeled, wide, huge))
        .withCoder(SerializableCoder.of(LabeledImage.class)));
    WithDeadLetters<PreparedImage> result = input.apply(PrepareForModel.withDefaults());

    PAssert.that(result.output()).satisfies(prepared -> {
      List<String> sources = new ArrayList<>();
      for (PreparedImage p : prepared) {
        sources.add(p.sourceUri());
        assertEquals(256, p.rows());
        assertEquals(256 * 256, p.pixels().length);
        if (p.sourceUri().equals("test://a.dcm")) {
          assertEquals(expectedLabelCount, p.label().orElseThrow().count());
          assertEquals(disc(256, 256, 120, 110, 25), p.toOriginalGrid(p.label().orElseThrow()));
        } else {
          assertEquals(200, p.originalRows());
          assertEquals(-28, p.mapping().top());
          assertTrue(p.label().isEmpty());
        }
      }
      sources.sort(null);
      assertEquals(List.of("test://a.dcm", "test://b.dcm"), sources);
      return null;
    });
    PAssert.that(result.deadLetters()).satisfies(dead -> {
      DeadLetter only = dead.iterator().next();
      assertEquals("test://huge.dcm", only.source());
      assertEquals("preprocess", only.stage());
      assertTrue(only.reason().contains("4096"), only.reason());
      return null;
    });
    PAssert.thatSingleton(input.apply("CountRead", Count.globally())).isEqualTo(3L);
    PAssert.thatSingleton(result.output().apply("CountEmitted", Count.globally())).isEqualTo(2L);
    PAssert.thatSingleton(result.deadLetters().apply("CountDead", Count.globally())).isEqualTo(1L);

    PipelineResult run = pipeline.run();
    run.waitUntilFinish();
    long read = counter(run, "read");
    assertEquals(3, read);
    assertEquals(read, counter(run, "emitted") + counter(run, "deadLettered"));
    assertEquals(1, counter(run, "deadLettered"));
  }

  @Test
  void aWindowOutsideAnImageIsADeadLetterNotAFailure(TestPipeline pipeline) {
    // The same fixed window lies inside a 128x128 image and entirely below a 64x64 one.
    PreprocessOptions options = PreprocessOptions.defaults().withTargetSize(32, 32).withWindow(80, 0);
    LabeledImage small = LabeledImage.unlabeled(image(64, 64, "test://small.dcm", 4));
    LabeledImage large = LabeledImage.unlabeled(image(128, 128, "test://large.dcm", 5));
    WithDeadLetters<PreparedImage> result = pipeline
        .apply(Create.of(List.of(small, large)).withCoder(SerializableCoder.of(LabeledImage.class)))
        .apply(PrepareForModel.with(options));

    PAssert.thatSingleton(result.output()).satisfies(p -> {
      assertEquals("test://large.dcm", p.sourceUri());
      assertEquals(80, p.mapping().top());
      return null;
    });
    PAssert.thatSingleton(result.deadLetters()).satisfies(d -> {
      assertEquals("test://small.dcm", d.source());
      assertTrue(d.reason().contains("entirely outside"), d.reason());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(PrepareForModelFn.class, name)).build()).getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }

  static CardiacImage image(int rows, int columns, String uri, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[rows * columns];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextInt(1500);
    }
    return CardiacImage.builder().size(rows, columns).pixels(pixels).geometry(ImageGeometry.ofSpacing(1.3))
        .sopInstanceUid("1.2.840.99." + seed).sourceUri(uri).build();
  }

  static Mask disc(int rows, int columns, int centreRow, int centreColumn, int radius) {
    byte[] values = new byte[rows * columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        int dr = r - centreRow;
        int dc = c - centreColumn;
        values[r * columns + c] = (byte) (dr * dr + dc * dc <= radius * radius ? 1 : 0);
      }
    }
    return new Mask(rows, columns, values);
  }
}
