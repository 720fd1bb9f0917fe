package org.heartbeam.pipelines.convert;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;

/**
 * Counts records and labelled records per key in one pass (inputs are 1 for a labelled record, 0 for
 * an unlabelled one); the result is "records,labelled".
 */
final class RecordTally extends Combine.CombineFn<Long, KV<Long, Long>, String> {
  private static final long serialVersionUID = 1L;

  @Override
  public KV<Long, Long> createAccumulator() {
    return KV.of(0L, 0L);
  }

  @Override
  public KV<Long, Long> addInput(KV<Long, Long> tally, Long labelled) {
    return KV.of(tally.getKey() + 1, tally.getValue() + labelled);
  }

  @Override
  public KV<Long, Long> mergeAccumulators(Iterable<KV<Long, Long>> tallies) {
    long records = 0;
    long labelled = 0;
    for (KV<Long, Long> t : tallies) {
      records += t.getKey();
      labelled += t.getValue();
    }
    return KV.of(records, labelled);
  }

  @Override
  public Coder<KV<Long, Long>> getAccumulatorCoder(CoderRegistry registry, Coder<Long> inputCoder) {
    return KvCoder.of(VarLongCoder.of(), VarLongCoder.of());
  }

  @Override
  public String extractOutput(KV<Long, Long> tally) {
    return tally.getKey() + "," + tally.getValue();
  }
}
