package org.heartbeam.transforms.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;

/**
 * JSON objects (one per element, already serialized) to one JSON array, one object per line, sorted
 * so the same results give the same file. For small collections only (runs, studies): all of it is in
 * one accumulator.
 */
final class JsonArrayFn extends CombineFn<String, List<String>, String> {
  @Override
  public List<String> createAccumulator() { return new ArrayList<>(); }

  @Override
  public List<String> addInput(List<String> accumulator, String json) {
    accumulator.add(json);
    return accumulator;
  }

  @Override
  public List<String> mergeAccumulators(Iterable<List<String>> accumulators) {
    List<String> merged = new ArrayList<>();
    accumulators.forEach(merged::addAll);
    return merged;
  }

  @Override
  public String extractOutput(List<String> accumulator) {
    List<String> sorted = new ArrayList<>(accumulator);
    Collections.sort(sorted);
    return sorted.isEmpty() ? "[]" : "[\n" + String.join(",\n", sorted) + "\n]";
  }

  @Override
  public Coder<List<String>> getAccumulatorCoder(CoderRegistry registry, Coder<String> inputCoder) {
    return ListCoder.of(StringUtf8Coder.of());
  }

  @Override
  public Coder<String> getDefaultOutputCoder(CoderRegistry registry, Coder<String> inputCoder) {
    return StringUtf8Coder.of();
  }
}
