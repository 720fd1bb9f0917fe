package org.heartbeam.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.nio.file.Path;
import java.util.Random;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.ComputationGraphUNet;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.SegmentationNet;
import org.heartbeam.model.unet.UNetConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedModelReplicaTest {
  private static final UNetConfig CONFIG = UNetConfig.builder().inputSize(32, 32).depth(2).baseFilters(4).build();

  @TempDir Path tmp;

  @Test
  void aReplicaIsAnotherNetThatPredictsExactlyTheSame() throws Exception {
    for (SegmentationNet saved : new SegmentationNet[] {new SameDiffUNet(CONFIG), new ComputationGraphUNet(CONFIG)}) {
      Path file = tmp.resolve(saved.engine() + ".hbmodel");
      ModelFile.save(file, saved, ModelProvenance.of(PreprocessOptions.defaults().withTargetSize(32, 32)));
      LoadedModel loaded = ModelFile.load(file);
      // Weights no freshly built net has (its initialisation is seeded), so the replica must copy them.
      loaded.net().weights().values().iterator().next().addi(0.25);
      LoadedModel replica = loaded.replica();
      assertNotSame(loaded.net(), replica.net());
      assertEquals(loaded.net().engine(), replica.net().engine());
      float[] images = new float[2 * 32 * 32];
      Random random = new Random(5);
      for (int i = 0; i < images.length; i++) {
        images[i] = (float) random.nextGaussian();
      }
      float[][] expected = loaded.net().predictProbabilities(images, 2);
      float[][] actual = replica.net().predictProbabilities(images, 2);
      for (int i = 0; i < 2; i++) {
        assertArrayEquals(expected[i], actual[i], saved.engine());
      }
      // A copy, not a view: changing the replica's weights leaves the loaded model alone.
      replica.net().weights().values().iterator().next().addi(1);
      assertArrayEquals(expected[0], loaded.net().predictProbabilities(images, 2)[0], saved.engine());
    }
  }
}
