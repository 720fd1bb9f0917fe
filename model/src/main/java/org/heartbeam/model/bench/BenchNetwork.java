package org.heartbeam.model.bench;

import java.util.Objects;
import org.heartbeam.model.unet.UNetConfig;

/** A network the benchmark measures: a label for the table and its architecture. */
public final class BenchNetwork {
  private final String label;
  private final UNetConfig config;

  public BenchNetwork(String label, UNetConfig config) {
    this.label = Objects.requireNonNull(label, "label");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The reference network (the seed's architecture) at a square input size. */
  public static BenchNetwork reference(int inputSize) {
    return new BenchNetwork("reference", UNetConfig.reference().toBuilder().inputSize(inputSize, inputSize).build());
  }

  /** The reference with up-sampling + 3x3 conv in place of transposed convs, at a square input size. */
  public static BenchNetwork upsampleConv(int inputSize) {
    return new BenchNetwork("upsample-conv",
        UNetConfig.upsampleConvVariant().toBuilder().inputSize(inputSize, inputSize).build());
  }

  /** HeartBeam's default model at its own input size ({@link UNetConfig#defaultModel()}). */
  public static BenchNetwork defaultModel() { return new BenchNetwork("default", UNetConfig.defaultModel()); }

  public String label() { return label; }

  public UNetConfig config() { return config; }
}
