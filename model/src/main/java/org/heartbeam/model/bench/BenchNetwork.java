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

  /** The reference network (transposed-conv up-sampling) and the CPU default, at a square input size. */
  public static BenchNetwork[] standard(int inputSize) {
    return new BenchNetwork[] {
        new BenchNetwork("reference", UNetConfig.reference().toBuilder().inputSize(inputSize, inputSize).build()),
        new BenchNetwork("default", UNetConfig.cpuDefault().toBuilder().inputSize(inputSize, inputSize).build())};
  }

  public String label() { return label; }

  public UNetConfig config() { return config; }
}
