package org.heartbeam.transforms.inference;

import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/** RunInference's metrics as a finished pipeline reports them (attempted: every runner here has them). */
final class InferenceMetrics {
  private InferenceMetrics() {}

  static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(filter(name)).getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }

  static DistributionResult distribution(PipelineResult result, String name) {
    DistributionResult total = DistributionResult.IDENTITY_ELEMENT;
    for (MetricResult<DistributionResult> d : result.metrics().queryMetrics(filter(name)).getDistributions()) {
      DistributionResult x = d.getAttempted();
      total = DistributionResult.create(total.getSum() + x.getSum(), total.getCount() + x.getCount(),
          Math.min(total.getMin(), x.getMin()), Math.max(total.getMax(), x.getMax()));
    }
    return total;
  }

  private static MetricsFilter filter(String name) {
    return MetricsFilter.builder().addNameFilter(MetricNameFilter.named(RunInference.class, name)).build();
  }
}
