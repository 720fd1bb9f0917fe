package org.heartbeam.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's policy, with the latency a probe reports given as a value (no model is timed here). */
class PromotionGateTest {
  private static final Path MODEL = Path.of("/registry/lv-unet/v1/model.hbm");

  private static RegisteredModel version(Map<String, Double> metrics) {
    return new RegisteredModel("lv-unet", 1, "/registry/lv-unet/v1/", Instant.EPOCH, "/runs/1", "train",
        "fp", metrics, Map.of("model.hbm", "00"), false);
  }

  /** A probe that reports {@code msPerImage} and records what it was asked. */
  private static final class FixedProbe implements LatencyProbe {
    final double msPerImage;
    final List<String> calls = new ArrayList<>();

    FixedProbe(double msPerImage) {
      this.msPerImage = msPerImage;
    }

    @Override
    public LatencyMeasurement measure(Path modelFile, int batchSize, int warmUp, int runs) {
      calls.add(modelFile + " " + batchSize + "/" + warmUp + "/" + runs);
      return new LatencyMeasurement(msPerImage, batchSize, warmUp, runs, 1, "fake", 160, 160);
    }
  }

  @Test
  void aVersionThatMeetsBothThresholdsIsAdmittedWithWhatWasMeasured() throws Exception {
    FixedProbe probe = new FixedProbe(40);
    PromotionGate gate = PromotionGate.of(0.9, 50).withLatencyRuns(4, 1, 3);
    PromotionGate.Admission admitted = gate.admit(version(Map.of("val_dice_mean", 0.92)), List.of(), () -> MODEL,
        probe);
    assertEquals(0.92, admitted.validationDice());
    assertEquals(40, admitted.latency().msPerImage());
    assertEquals(List.of(MODEL + " 4/1/3"), probe.calls);
  }

  @Test
  void thresholdsAreInclusive() throws Exception {
    PromotionGate gate = PromotionGate.of(0.9, 50);
    PromotionGate.Admission admitted = gate.admit(version(Map.of("val_dice_mean", 0.9)), List.of(), () -> MODEL,
        new FixedProbe(50));
    assertEquals(50, admitted.latency().msPerImage());
  }

  @Test
  void lowDiceIsRefusedBeforeAnythingIsTimed() {
    FixedProbe probe = new FixedProbe(1);
    PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () -> PromotionGate.of(0.9, 50)
        .admit(version(Map.of("val_dice_mean", 0.5)), List.of(), () -> MODEL, probe));
    assertEquals("validation-dice", e.check());
    assertEquals("lv-unet@1 not promoted: validation Dice check failed: val_dice_mean 0.5000 < minimum 0.9000",
        e.getMessage());
    assertEquals(List.of(), probe.calls);
  }

  @Test
  void aRunWithoutValidationDiceIsRefused() {
    PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () -> PromotionGate.of(0.0, 50)
        .admit(version(Map.of("train_loss", 0.1)), List.of(), () -> MODEL, new FixedProbe(1)));
    assertEquals("validation-dice", e.check());
    assertEquals("lv-unet@1 not promoted: validation Dice check failed: run.json has no metrics.val_dice_mean",
        e.getMessage());
  }

  @Test
  void slowModelsAreRefusedWithTheMeasurement() {
    PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () -> PromotionGate.of(0.5, 50)
        .admit(version(Map.of("val_dice_mean", 0.95)), List.of(), () -> MODEL, new FixedProbe(50.5)));
    assertEquals("latency", e.check());
    assertEquals("lv-unet@1 not promoted: latency check failed: 50.500 ms/image (median of 5 runs, batch 1,"
        + " 160x160, 1 OpenMP thread, fake) > maximum 50.000 ms/image", e.getMessage());
  }

  @Test
  void integrityProblemsComeFirst() {
    FixedProbe probe = new FixedProbe(1);
    boolean[] fetched = {false};
    PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () -> PromotionGate.of(0.5, 50)
        .admit(version(Map.of("val_dice_mean", 0.1)), List.of("lv-unet@1 model.hbm is missing"), () -> {
          fetched[0] = true;
          return MODEL;
        }, probe));
    assertEquals("integrity", e.check());
    assertEquals("lv-unet@1 not promoted: integrity check failed: lv-unet@1 model.hbm is missing", e.getMessage());
    assertFalse(fetched[0]);
    assertEquals(List.of(), probe.calls);
  }

  @Test
  void badThresholdsAreRefusedWhenTheGateIsMade() {
    assertThrows(IllegalArgumentException.class, () -> PromotionGate.of(1.1, 50));
    assertThrows(IllegalArgumentException.class, () -> PromotionGate.of(0.5, 0));
    assertThrows(IllegalArgumentException.class, () -> PromotionGate.of(0.5, 50).withLatencyRuns(0, 0, 1));
  }
}
