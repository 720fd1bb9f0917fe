package org.heartbeam.transforms.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.transforms.coders.LabeledImageCoder;
import org.heartbeam.transforms.coders.SegmentedImageCoder;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.joda.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class RunInferenceTest {
  @TempDir Path tmp;

  @Test
  void segmentsEveryImageOnItsOriginalGridAndDeadLettersOneThatCannotBePrepared(TestPipeline pipeline)
      throws Exception {
    UNetModelHandler handler = UNetModelHandler.forFile(TinyUNet.save(tmp, "segments"));
    List<LabeledImage> inputs = new ArrayList<>(TinyUNet.images(12));
    // Larger than any MR frame on a side: ModelInputPreparer refuses it.
    CardiacImage absurd = TinyUNet.image(1, 4097, 99);
    inputs.add(LabeledImage.unlabeled(absurd));
    WithDeadLetters<SegmentedImage> out = pipeline.apply(Create.of(inputs).withCoder(LabeledImageCoder.of()))
        .apply(RunInference.of(handler).withOutputCoder(SegmentedImageCoder.of()));

    Set<String> goodKeys = inputs.subList(0, 12).stream().map(i -> i.image().imageKey()).collect(Collectors.toSet());
    String version = handler.modelVersion();
    PAssert.that(out.output()).satisfies(results -> {
      List<SegmentedImage> list = StreamSupport.stream(results.spliterator(), false).toList();
      assertEquals(goodKeys, list.stream().map(SegmentedImage::imageKey).collect(Collectors.toSet()));
      for (SegmentedImage s : list) {
        assertEquals(TinyUNet.ROWS, s.predicted().rows());
        assertEquals(TinyUNet.COLUMNS, s.predicted().columns());
        assertEquals(version, s.modelVersion());
      }
      return null;
    });
    PAssert.thatSingleton(out.deadLetters()).satisfies(d -> {
      assertEquals(RunInferenceFn.STAGE, d.stage());
      assertEquals(absurd.sourceUri() + "#image=" + absurd.imageKey(), d.source());
      assertTrue(d.reason().contains("larger than"), d.reason());
      return null;
    });
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    assertTrue(version.matches("sha256:[0-9a-f]{12}"), version);
    assertEquals(13, InferenceMetrics.counter(result, "images"));
    assertEquals(12, InferenceMetrics.counter(result, "emitted"));
    assertEquals(1, InferenceMetrics.counter(result, "failures"));
  }

  @Tag("slow")
  @Test
  void loadsTheModelOnceOverManyBundlesAndThreads(TestPipeline pipeline) throws Exception {
    UNetModelHandler handler = UNetModelHandler.forFile(TinyUNet.save(tmp, "many-bundles"))
        .withModelVersion("lv-unet@3");
    // The DirectRunner runs each key of a Reshuffle as its own bundle, on several threads.
    WithDeadLetters<SegmentedImage> out = pipeline
        .apply(Create.of(TinyUNet.images(60)).withCoder(LabeledImageCoder.of()))
        .apply(Reshuffle.viaRandomKey())
        .apply(RunInference.of(handler).withOutputCoder(SegmentedImageCoder.of()));
    PAssert.that(out.deadLetters()).empty();
    PAssert.that(out.output()).satisfies(results -> {
      results.forEach(s -> assertEquals("lv-unet@3", s.modelVersion()));
      return null;
    });
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    assertEquals(1, InferenceMetrics.counter(result, "modelLoads"));
    assertEquals(60, InferenceMetrics.counter(result, "images"));
    assertEquals(60, InferenceMetrics.counter(result, "emitted"));
    assertTrue(InferenceMetrics.counter(result, "batches") > 10, "the inputs came in many bundles");
  }

  @Test
  void deadLettersOnlyTheInputThatFails(TestPipeline pipeline) {
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      inputs.add(i == 13 ? "bad" : "x:" + i);
    }
    WithDeadLetters<String> out = pipeline.apply(Create.of(inputs))
        .apply(RunInference.of(new TextHandler(BatchingHints.of(8, Duration.ofMinutes(1)))));
    PAssert.that(out.output()).containsInAnyOrder(inputs.stream().filter(s -> !s.equals("bad"))
        .map(String::toUpperCase).toList());
    PAssert.that(out.deadLetters()).containsInAnyOrder(
        new DeadLetter("text:bad", "inference", "IllegalArgumentException: cannot read 'bad'"));
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    assertEquals(20, InferenceMetrics.counter(result, "images"));
    assertEquals(19, InferenceMetrics.counter(result, "emitted"));
    assertEquals(1, InferenceMetrics.counter(result, "failures"));
  }

  @Test
  void batchesABundleUpToTheMaximumSize(TestPipeline pipeline) {
    // One input fanned out by one DoFn call: the DirectRunner hands all 20 on as one bundle.
    PCollection<String> twenty = pipeline.apply(Create.of("seed")).apply(ParDo.of(new FanOutFn()));
    WithDeadLetters<String> out = twenty.apply(RunInference.of(new TextHandler(BatchingHints.of(8, Duration.ofMinutes(1))))
        .withOutputCoder(StringUtf8Coder.of()));
    PAssert.that(out.output()).satisfies(results -> {
      assertEquals(20, StreamSupport.stream(results.spliterator(), false).count());
      return null;
    });
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    long batches = InferenceMetrics.counter(result, "batches");
    assertTrue(batches >= 3 && batches <= 20, batches + " batches");
    DistributionResult sizes = InferenceMetrics.distribution(result, "batchSize");
    assertEquals(20, sizes.getSum());
    assertTrue(sizes.getMax() <= 8, "largest batch " + sizes.getMax());
    assertEquals(1, InferenceMetrics.counter(result, "modelLoads"));
  }

  @Test
  void batchesWithinOneWindowAndKeepEachInputsTimestamp(TestPipeline pipeline) {
    // Two one-minute windows; inputs interleaved so that a bundle holds both.
    List<TimestampedValue<String>> inputs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      inputs.add(TimestampedValue.of("a:" + i, new Instant(i * 1_000L)));
      inputs.add(TimestampedValue.of("b:" + i, new Instant(60_000L + i * 1_000L)));
    }
    PCollection<String> windowed = pipeline.apply(Create.timestamped(inputs))
        .apply(Window.into(FixedWindows.of(org.joda.time.Duration.standardMinutes(1))));
    WithDeadLetters<String> out = windowed.apply(
        RunInference.of(new TextHandler(BatchingHints.of(4, Duration.ofMinutes(1)))).withOutputCoder(StringUtf8Coder.of()));
    IntervalWindow first = new IntervalWindow(new Instant(0), new Instant(60_000));
    IntervalWindow second = new IntervalWindow(new Instant(60_000), new Instant(120_000));
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      a.add("A:" + i);
      b.add("B:" + i);
    }
    // No "(mixed)" suffix: no batch held inputs of two windows.
    PAssert.that(out.output()).inWindow(first).containsInAnyOrder(a);
    PAssert.that(out.output()).inWindow(second).containsInAnyOrder(b);
    PAssert.that(out.output().apply(ParDo.of(new StampFn()))).satisfies(stamped -> {
      for (String s : stamped) {
        String[] parts = s.split("[:@]");
        long expected = (parts[0].equals("A") ? 0 : 60_000L) + Long.parseLong(parts[1]) * 1_000L;
        assertEquals(expected, Long.parseLong(parts[2]), s);
      }
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  /** Twenty inputs from one element. */
  static final class FanOutFn extends DoFn<String, String> {
    @ProcessElement
    public void fanOut(OutputReceiver<String> out) {
      for (int i = 0; i < 20; i++) {
        out.output("x:" + i);
      }
    }
  }

  /** Appends the element's timestamp. */
  static final class StampFn extends DoFn<String, String> {
    @ProcessElement
    public void stamp(@Element String s, @Timestamp Instant t, OutputReceiver<String> o) {
      o.output(s + "@" + t.getMillis());
    }
  }
}
