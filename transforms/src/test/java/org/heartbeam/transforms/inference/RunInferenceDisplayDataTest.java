package org.heartbeam.transforms.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.heartbeam.transforms.coders.SegmentedImageCoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RunInference shows its model, handler, replicas and batching; the handlers' builders check their values. */
class RunInferenceDisplayDataTest {
  private static Map<String, String> items(RunInference<?, ?> transform) {
    Map<String, String> items = new TreeMap<>();
    for (DisplayData.Item item : DisplayData.from(transform).items()) {
      items.put(item.getKey(), String.valueOf(item.getValue()));
    }
    return items;
  }

  @Test
  void showsTheModelAndHowItRuns(@TempDir Path dir) throws Exception {
    UNetModelHandler handler = UNetModelHandler.forFile(TinyUNet.save(dir, "tiny.hbm")).withModelVersion("lv-unet@3")
        .withBatching(BatchingHints.of(4, Duration.ofMillis(200))).withMaxReplicas(2);
    Map<String, String> items = items(RunInference.of(handler).withOutputCoder(SegmentedImageCoder.of()));
    assertEquals(handler.modelId(), items.get("model"));
    assertEquals(UNetModelHandler.class.getName(), items.get("modelHandler").replace("AutoValue_", ""));
    assertEquals("2", items.get("maxReplicas"));
    assertEquals("batches of <= 4, wait <= 200 ms", items.get("batching"));
    assertEquals(SegmentedImageCoder.class.getName(), items.get("outputCoder"));
    assertEquals(null, items(RunInference.of(handler)).get("outputCoder"), "no coder set: none shown");
  }

  @Test
  void buildersRefuseBadValuesAndZeroReplicasMeansOnePerCore(@TempDir Path dir) throws Exception {
    UNetModelHandler handler = UNetModelHandler.forFile(TinyUNet.save(dir, "tiny.hbm"));
    assertEquals(ModelReplicas.onePerCore(), handler.maxReplicas());
    assertEquals(ModelReplicas.onePerCore(), handler.withMaxReplicas(3).withMaxReplicas(0).maxReplicas());
    assertEquals("--modelReplicas must be >= 0 (0 = one per core), got -1",
        assertThrows(IllegalArgumentException.class, () -> handler.withMaxReplicas(-1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> handler.withModelVersion(""));
    assertEquals("--batchSize must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> BatchingHints.of(0, Duration.ZERO)).getMessage());
    // withX changes one field and keeps the others.
    UNetModelHandler versioned = handler.withMaxReplicas(2).withModelVersion("lv-unet@5");
    assertEquals(2, versioned.maxReplicas());
    assertEquals("lv-unet@5", versioned.modelVersion());
    assertEquals(handler.modelId(), versioned.modelId());
    assertEquals(handler.batching(), versioned.batching());
  }
}
