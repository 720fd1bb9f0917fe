package org.heartbeam.transforms.augment;

import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Keys;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class AugmentFnTest {
  private static TrainingExample example(String key, float value) {
    float[] pixels = new float[16];
    byte[] mask = new byte[16];
    Arrays.fill(pixels, value);
    mask[5] = 1;
    return new TrainingExample(key, 4, 4, pixels, mask);
  }

  @Test
  void oneCopyPerEpochSeededPerImageAndABadExampleIsOneDeadLetter(TestPipeline pipeline) {
    TrainingExample good = example("good", 0.5f);
    TrainingExample bad = example("bad", Float.NaN);
    PCollectionTuple out = pipeline
        .apply(Create.of(good, bad).withCoder(TrainingExampleCoder.of()))
        .apply(ParDo.of(new AugmentFn(AugmentOptions.defaults(), 9, 2, 4))
            .withOutputTags(AugmentFn.AUGMENTED, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    out.get(AugmentFn.AUGMENTED).setCoder(KvCoder.of(VarIntCoder.of(), TrainingExampleCoder.of()));
    WithDeadLetters<KV<Integer, TrainingExample>> result =
        WithDeadLetters.of(out, AugmentFn.AUGMENTED);

    PAssert.that(result.output().apply(Keys.create())).containsInAnyOrder(2, 3, 4);
    PAssert.that(result.output()).satisfies(copies -> {
      for (KV<Integer, TrainingExample> kv : copies) {
        TrainingExample expected = Augmenter.augment(good, AugmentOptions.defaults(),
            Augmenter.seedFor(9, kv.getKey(), "good"));
        if (!expected.equals(kv.getValue())) {
          throw new AssertionError("epoch " + kv.getKey() + " is not the seeded augmentation");
        }
      }
      return null;
    });
    PAssert.that(result.deadLetters()).containsInAnyOrder(
        List.of(new DeadLetter("image:bad", AugmentFn.STAGE, "pixels not finite or mask not 0/1")));
    PAssert.thatSingleton(result.deadLetters().apply(Count.globally())).isEqualTo(1L);
    pipeline.run();
  }
}
