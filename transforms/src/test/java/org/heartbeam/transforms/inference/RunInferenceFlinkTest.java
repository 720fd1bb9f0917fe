package org.heartbeam.transforms.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.transforms.coders.LabeledImageCoder;
import org.heartbeam.transforms.coders.SegmentedImageCoder;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal of per-worker caching, on the runner users run: embedded Flink with two parallel DoFn
 * instances, one input per bundle (bundle sizes apply to Flink's streaming mode), one model load.
 */
@Tag("flink")
@Tag("slow")
class RunInferenceFlinkTest {
  private static final int IMAGES = 200;

  @TempDir Path tmp;

  @Test
  @Timeout(300)
  void loadsTheModelOncePerJvmAtParallelismTwoWithABundlePerImage() throws Exception {
    UNetModelHandler handler = UNetModelHandler.forFile(TinyUNet.save(tmp, "flink"));
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=FlinkRunner",
        "--flinkMaster=[local]", "--parallelism=2", "--streaming=true", "--maxBundleSize=1").create());
    WithDeadLetters<SegmentedImage> out = pipeline
        .apply(Create.of(TinyUNet.images(IMAGES)).withCoder(LabeledImageCoder.of()))
        .apply(Reshuffle.viaRandomKey())
        .apply(RunInference.of(handler).withOutputCoder(SegmentedImageCoder.of()));
    PAssert.that(out.deadLetters()).empty();
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    assertEquals(1, InferenceMetrics.counter(result, "modelLoads"));
    assertEquals(IMAGES, InferenceMetrics.counter(result, "images"));
    assertEquals(IMAGES, InferenceMetrics.counter(result, "emitted"));
    // One input per bundle: every batch is a bundle's only input, so the model ran once per image.
    assertEquals(IMAGES, InferenceMetrics.counter(result, "batches"));
  }
}
