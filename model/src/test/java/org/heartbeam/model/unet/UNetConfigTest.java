package org.heartbeam.model.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class UNetConfigTest {

  @Test
  void referenceNetworkCostsAndSizeMatchTheSeed() {
    UNetConfig reference = UNetConfig.reference();
    assertEquals(4, reference.depth());
    assertEquals(256, reference.filters(4));
    // Counted by hand per level in the issue: 3.01 GMAC, 6.03 GFLOP, 1.94 M parameters.
    assertEquals(3_014_656_000L, reference.forwardMacs());
    assertEquals(6_029_312_000L, reference.forwardFlops());
    assertEquals(1_940_834L, reference.parameterCount());
  }

  @Test
  void defaultModelIsTheReferenceArchitectureOnTheHeartRegion() {
    UNetConfig model = UNetConfig.defaultModel();
    assertEquals(UNetConfig.reference().toBuilder().inputSize(160, 160).build(), model);
    assertEquals(UNetConfig.reference().parameterCount(), model.parameterCount());
    // Convolution cost scales with pixels: (160 / 256)^2 of the reference's.
    assertEquals(UNetConfig.reference().forwardMacs() * 160L * 160 / (256L * 256), model.forwardMacs());
  }

  @Test
  void smallNetworkCountedByHand() {
    // 8x8, depth 1, 2 filters, up-sample + 3x3 conv, one sigmoid channel.
    UNetConfig c = UNetConfig.builder().inputSize(8, 8).depth(1).baseFilters(2)
        .upSampling(UpSampling.UPSAMPLE_CONV).outputMode(OutputMode.SIGMOID_1).build();
    long encoder = 64 * 9 * (1 * 2 + 2 * 2);
    long bottleneck = 16 * 9 * (2 * 4 + 4 * 4);
    long up = 64 * 9 * 4 * 2;
    long decoder = 64 * 9 * (4 * 2 + 2 * 2);
    long head = 64 * 2;
    assertEquals(encoder + bottleneck + up + decoder + head, c.forwardMacs());
    long params = (9 * 2 + 2) + (9 * 4 + 2) + (9 * 8 + 4) + (9 * 16 + 4) + (9 * 8 + 2) + (9 * 8 + 2) + (9 * 4 + 2)
        + (2 + 1);
    assertEquals(params, c.parameterCount());
  }

  @Test
  void batchNormDropsConvBiasAndAddsFourPerChannel() {
    UNetConfig plain = UNetConfig.builder().inputSize(16, 16).depth(1).baseFilters(2).build();
    UNetConfig bn = plain.toBuilder().batchNorm(true).build();
    // Six 3x3 convs with BN: 2+2 (enc) + 4+4 (bottleneck) + 2+2 (dec) = 16 channels, 3 extra each.
    assertEquals(plain.parameterCount() + 3 * 16, bn.parameterCount());
  }

  @Test
  void invalidConfigsAreRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UNetConfig.builder().inputSize(100, 256).build());
    assertTrue(e.getMessage().contains("multiple of 2^depth = 16"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> UNetConfig.builder().depth(0).build());
    assertThrows(IllegalArgumentException.class, () -> UNetConfig.builder().dropout(1.0).build());
    assertThrows(IllegalArgumentException.class, () -> UNetConfig.builder().baseFilters(512).depth(4).build());
    assertThrows(IllegalArgumentException.class, () -> UNetConfig.builder().learningRate(0).build());
  }

  @Test
  void serializesToAnEqualConfig() throws Exception {
    UNetConfig c = UNetConfig.upsampleConvVariant().toBuilder().dropout(0.25).batchNorm(true).seed(7).build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(c);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(c, in.readObject());
    }
  }
}
