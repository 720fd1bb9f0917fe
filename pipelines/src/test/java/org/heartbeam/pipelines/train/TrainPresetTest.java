package org.heartbeam.pipelines.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainPresetTest {
  @Test
  void explicitOptionsWinOverThePreset() {
    String[] args = TrainPreset.named(new String[] {"--preset=synthetic", "--epochs=3"})
        .applyTo(new String[] {"--preset=synthetic", "--epochs=3"});
    List<String> list = List.of(args);
    assertTrue(list.contains("--epochs=3"));
    assertTrue(list.stream().noneMatch(a -> a.equals("--epochs=25")));
    assertTrue(list.contains("--inputSize=96"));
  }

  @Test
  void noPresetAddsNothingAndAnUnknownOneIsRefused() {
    assertEquals(0, TrainPreset.named(new String[0]).applyTo(new String[0]).length);
    assertThrows(IllegalArgumentException.class, () -> TrainPreset.parse("fast"));
  }
}
