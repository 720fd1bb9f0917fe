package org.heartbeam.transforms.inference;

import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/** Inputs of one window waiting in a bundle for their batch to run, with their timestamps. */
final class PendingBatch<InputT> {
  private final List<InputT> inputs = new ArrayList<>();
  private final List<Instant> timestamps = new ArrayList<>();
  private final long startNanos = System.nanoTime();

  void add(InputT input, Instant timestamp) {
    inputs.add(input);
    timestamps.add(timestamp);
  }

  List<InputT> inputs() { return inputs; }

  Instant timestamp(int index) { return timestamps.get(index); }

  int size() { return inputs.size(); }

  boolean waitedAtLeast(java.time.Duration wait) { return System.nanoTime() - startNanos >= wait.toNanos(); }
}
