package org.heartbeam.transforms.stats;

import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.model.stats.MetricSummary;

/**
 * Summary statistics of every metric over a group of images (a patient, a run, or a window in
 * streaming). Exact: the accumulator keeps the values, see {@link
 * org.heartbeam.model.stats.SummaryStatistics}.
 */
public final class SummarizeMetricsFn extends CombineFn<ImageStatistics, MetricSummary.Accumulator, MetricSummary> {
  private final boolean perPatient;

  private SummarizeMetricsFn(boolean perPatient) {
    this.perPatient = perPatient;
  }

  /** For groups of one patient's images: the summary carries the patient key. */
  public static SummarizeMetricsFn perPatient() { return new SummarizeMetricsFn(true); }

  /** For groups spanning patients: the summary's patient key is empty. */
  public static SummarizeMetricsFn perRun() { return new SummarizeMetricsFn(false); }

  @Override
  public MetricSummary.Accumulator createAccumulator() { return new MetricSummary.Accumulator(perPatient); }

  @Override
  public MetricSummary.Accumulator addInput(MetricSummary.Accumulator accumulator, ImageStatistics input) {
    return accumulator.add(input);
  }

  @Override
  public MetricSummary.Accumulator mergeAccumulators(Iterable<MetricSummary.Accumulator> accumulators) {
    MetricSummary.Accumulator merged = createAccumulator();
    for (MetricSummary.Accumulator a : accumulators) {
      merged.merge(a);
    }
    return merged;
  }

  @Override
  public MetricSummary extractOutput(MetricSummary.Accumulator accumulator) { return accumulator.result(); }

  @Override
  public Coder<MetricSummary.Accumulator> getAccumulatorCoder(CoderRegistry registry,
      Coder<ImageStatistics> inputCoder) throws CannotProvideCoderException {
    return SerializableCoder.of(MetricSummary.Accumulator.class);
  }

  @Override
  public Coder<MetricSummary> getDefaultOutputCoder(CoderRegistry registry, Coder<ImageStatistics> inputCoder) {
    return SerializableCoder.of(MetricSummary.class);
  }
}
