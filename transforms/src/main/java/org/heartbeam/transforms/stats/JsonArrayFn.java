package org.heartbeam.transforms.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * JSON objects (one per element, already serialized) to one JSON array, one object per line, sorted
 * so the same results give the same file. For small collections only (runs, studies): all of it is in
 * one accumulator.
 */
final class JsonArrayFn extends CollectingCombineFn<String, String> {

  @Override
  public String extractOutput(List<String> accumulator) {
    List<String> sorted = new ArrayList<>(accumulator);
    Collections.sort(sorted);
    return sorted.isEmpty() ? "[]" : "[\n" + String.join(",\n", sorted) + "\n]";
  }

  @Override
  public Coder<String> getDefaultOutputCoder(CoderRegistry registry, Coder<String> inputCoder) {
    return StringUtf8Coder.of();
  }
}
