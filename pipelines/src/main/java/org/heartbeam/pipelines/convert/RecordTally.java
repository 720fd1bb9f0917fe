package org.heartbeam.pipelines.convert;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Counts records and labelled records per key in one pass (inputs are 1 for a labelled record, 0 for
 * an unlabelled one); the result is "records,labelled".
 */
final class RecordTally extends Combine.CombineFn<Long, long[], String> {
  private static final long serialVersionUID = 1L;

  @Override
  public long[] createAccumulator() {
    return new long[2];
  }

  @Override
  public long[] addInput(long[] tally, Long labelled) {
    tally[0]++;
    tally[1] += labelled;
    return tally;
  }

  @Override
  public long[] mergeAccumulators(Iterable<long[]> tallies) {
    long[] merged = new long[2];
    for (long[] t : tallies) {
      merged[0] += t[0];
      merged[1] += t[1];
    }
    return merged;
  }

  @Override
  public Coder<long[]> getAccumulatorCoder(CoderRegistry registry, Coder<Long> inputCoder) {
    return SerializableCoder.of(long[].class);
  }

  @Override
  public String extractOutput(long[] tally) {
    return tally[0] + "," + tally[1];
  }
}
