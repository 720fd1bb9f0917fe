package org.heartbeam.transforms.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.apache.beam.sdk.util.SerializableUtils;
import org.heartbeam.testing.TrainingRunFolder;
import org.heartbeam.registry.ModelRegistry;
import org.heartbeam.registry.PromotionGate;
import org.heartbeam.registry.RegistryException;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following {@code name@production}: the handler names the promoted version after a promotion (with
 * refresh 0), keeps its version until the refresh interval passes, survives serialization (as in a
 * pipeline), and a ref that does not resolve is an error at construction.
 */
class RegistryFollowingHandlerTest {
  private static final PromotionGate GATE = PromotionGate.of(0.0, 600_000).withLatencyRuns(1, 0, 1);

  @Test
  void followsPromotions(@TempDir Path tmp) throws Exception {
    ModelRegistry registry = ModelRegistry.at(tmp.resolve("registry").toString());
    registry.register("lv-unet", TrainingRunFolder.write(tmp.resolve("run1"), 1, 0.8).toString());
    registry.register("lv-unet", TrainingRunFolder.write(tmp.resolve("run2"), 2, 0.9).toString());
    registry.promote("lv-unet@1", GATE);

    RegistryFollowingHandler eager = SerializableUtils.clone(
        RegistryFollowingHandler.of(tmp.resolve("registry").toString(), "lv-unet@production")
            .withRefresh(Duration.ZERO));
    RegistryFollowingHandler lazy = SerializableUtils.clone(
        RegistryFollowingHandler.of(tmp.resolve("registry").toString(), "lv-unet@production")
            .withRefresh(Duration.standardHours(1)));
    UNetModelHandler v1 = eager.current();
    assertEquals("lv-unet@1", v1.modelVersion());
    assertSame(v1, eager.current(), "nothing changed: the same handler, no re-hash");
    assertEquals("lv-unet@1", lazy.current().modelVersion());

    registry.promote("lv-unet@2", GATE);
    UNetModelHandler v2 = eager.current();
    assertEquals("lv-unet@2", v2.modelVersion());
    assertNotEquals(v1.modelId(), v2.modelId(), "the model cache keys versions apart");
    assertEquals("lv-unet@1", lazy.current().modelVersion(), "within its refresh interval");
  }

  @Test
  void unknownRefFailsAtConstruction(@TempDir Path tmp) {
    assertThrows(RegistryException.class,
        () -> RegistryFollowingHandler.of(tmp.resolve("registry").toString(), "lv-unet@production"));
  }
}
