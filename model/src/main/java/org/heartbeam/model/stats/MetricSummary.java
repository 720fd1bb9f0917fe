package org.heartbeam.model.stats;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Summary statistics of every {@link ImageMetric} over a group of images of one model version: one
 * patient ({@code patientKey} set) or the whole run ({@code patientKey} empty).
 *
 * @param images images in the group
 * @param labelled of which had an expert label (the count the agreement metrics are over)
 */
public record MetricSummary(String modelVersion, String patientKey, long images, long labelled,
    Map<ImageMetric, SummaryStatistics> metrics) implements Serializable {

  public MetricSummary {
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(patientKey, "patientKey");
    metrics = Collections.unmodifiableMap(new EnumMap<>(metrics));
  }

  public SummaryStatistics get(ImageMetric metric) { return metrics.get(metric); }

  /**
   * Collects images of one group and merges with other partial groups: the accumulator of the
   * summarizing CombineFn. Not thread-safe.
   */
  public static final class Accumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    private final boolean perPatient;
    private String modelVersion;
    private String patientKey;
    private long images;
    private long labelled;
    private final EnumMap<ImageMetric, SummaryStatistics.Accumulator> values = new EnumMap<>(ImageMetric.class);

    /** @param perPatient whether the group is one patient (else a run: the patient key stays empty) */
    public Accumulator(boolean perPatient) {
      this.perPatient = perPatient;
      for (ImageMetric m : ImageMetric.values()) {
        values.put(m, new SummaryStatistics.Accumulator());
      }
    }

    public Accumulator add(ImageStatistics image) {
      modelVersion = same("model version", modelVersion, image.modelVersion());
      if (perPatient) {
        patientKey = same("patient key", patientKey, image.patientKey());
      }
      images++;
      labelled += image.labelled() ? 1 : 0;
      for (ImageMetric m : ImageMetric.values()) {
        values.get(m).add(m.of(image));
      }
      return this;
    }

    public Accumulator merge(Accumulator other) {
      if (other.images == 0) {
        return this;
      }
      modelVersion = same("model version", modelVersion, other.modelVersion);
      patientKey = same("patient key", patientKey, other.patientKey);
      images += other.images;
      labelled += other.labelled;
      for (ImageMetric m : ImageMetric.values()) {
        values.get(m).merge(other.values.get(m));
      }
      return this;
    }

    public MetricSummary result() {
      EnumMap<ImageMetric, SummaryStatistics> metrics = new EnumMap<>(ImageMetric.class);
      values.forEach((m, a) -> metrics.put(m, a.result()));
      return new MetricSummary(modelVersion == null ? "" : modelVersion, patientKey == null ? "" : patientKey,
          images, labelled, metrics);
    }

    /** Groups are keyed by these: a mismatch means the caller grouped wrongly, not bad input. */
    private static String same(String what, String current, String next) {
      if (current != null && next != null && !current.equals(next)) {
        throw new IllegalStateException("one summary mixes two values of " + what + ": " + current + ", " + next);
      }
      return current != null ? current : next;
    }
  }
}
