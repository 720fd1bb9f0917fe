package org.heartbeam.transforms.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;

/**
 * A CombineFn whose accumulator is every input of the group, for outputs that need the whole group
 * at once (Simpson's summation over a series, a sorted JSON array). Only for small groups: the group
 * is in memory. The accumulator is shuffled with the input's own coder.
 */
public abstract class CollectingCombineFn<InputT, OutputT> extends CombineFn<InputT, List<InputT>, OutputT> {
  @Override
  public final List<InputT> createAccumulator() { return new ArrayList<>(); }

  @Override
  public final List<InputT> addInput(List<InputT> accumulator, InputT input) {
    accumulator.add(input);
    return accumulator;
  }

  @Override
  public final List<InputT> mergeAccumulators(Iterable<List<InputT>> accumulators) {
    List<InputT> merged = new ArrayList<>();
    accumulators.forEach(merged::addAll);
    return merged;
  }

  @Override
  public final Coder<List<InputT>> getAccumulatorCoder(CoderRegistry registry, Coder<InputT> inputCoder) {
    return ListCoder.of(inputCoder);
  }
}
