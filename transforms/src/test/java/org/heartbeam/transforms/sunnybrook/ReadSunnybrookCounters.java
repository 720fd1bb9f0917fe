package org.heartbeam.transforms.sunnybrook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/** The ReadSunnybrook counters of a finished pipeline, and the reconciliation every test checks. */
final class ReadSunnybrookCounters {
  final long considered;
  final long labelled;
  final long unlabelled;
  final long dead;

  private ReadSunnybrookCounters(PipelineResult result) {
    considered = counter(result, ReadSunnybrook.ITEMS_CONSIDERED);
    labelled = counter(result, ReadSunnybrook.EMITTED_LABELLED);
    unlabelled = counter(result, ReadSunnybrook.EMITTED_UNLABELLED);
    dead = counter(result, ReadSunnybrook.DEAD_LETTERED);
  }

  /** Reads the counters and asserts items considered = emitted + dead-lettered. */
  static ReadSunnybrookCounters reconciled(PipelineResult result) {
    result.waitUntilFinish();
    ReadSunnybrookCounters c = new ReadSunnybrookCounters(result);
    assertEquals(c.considered, c.labelled + c.unlabelled + c.dead,
        "considered " + c.considered + " != labelled " + c.labelled + " + unlabelled " + c.unlabelled
            + " + dead " + c.dead);
    return c;
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(ReadSunnybrook.class, name)).build()).getCounters()) {
      total += counter.getAttempted();
    }
    return total;
  }
}
