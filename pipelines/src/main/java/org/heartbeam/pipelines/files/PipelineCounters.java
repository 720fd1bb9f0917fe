package org.heartbeam.pipelines.files;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * HeartBeam's own Beam counters of a finished run, by short name ("ReadDicomFiles.filesRead": the
 * namespace's simple class name, a dot, the counter), attempted values (what every runner reports),
 * summed over steps. Manifests reconcile their counts with these.
 */
public final class PipelineCounters {
  private PipelineCounters() {}

  /** The counters, or none when the runner answers no metrics (the files written still stand). */
  public static Map<String, Long> of(PipelineResult result) {
    Map<String, Long> counters = new TreeMap<>();
    try {
      for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder().build()).getCounters()) {
        String name = shortName(c.getName().getNamespace(), c.getName().getName());
        if (name != null) {
          counters.merge(name, c.getAttempted(), Long::sum);
        }
      }
    } catch (UnsupportedOperationException e) {
      // Some runners answer no metrics.
    }
    return counters;
  }

  /** "Namespace.name" for org.heartbeam metrics; null for anyone else's. */
  public static String shortName(String namespace, String name) {
    if (!namespace.startsWith("org.heartbeam")) {
      return null;
    }
    return namespace.substring(namespace.lastIndexOf('.') + 1) + "." + name;
  }
}
