package org.heartbeam.model.bench;

import org.heartbeam.model.unet.UNetConfig;

/** One benchmark row: a network, a batch size, a phase ("infer" or "train") and its median time. */
public final class BenchResult {
  private final String network;
  private final UNetConfig config;
  private final int batch;
  private final String phase;
  private final double medianMs;
  private final double gflops;

  BenchResult(String network, UNetConfig config, int batch, String phase, double medianMs, double gflops) {
    this.network = network;
    this.config = config;
    this.batch = batch;
    this.phase = phase;
    this.medianMs = medianMs;
    this.gflops = gflops;
  }

  public String network() { return network; }

  public UNetConfig config() { return config; }

  public int batch() { return batch; }

  public String phase() { return phase; }

  public double medianMs() { return medianMs; }

  public double imagesPerSecond() { return batch * 1000.0 / medianMs; }

  public double gflops() { return gflops; }
}
