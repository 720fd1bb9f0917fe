package org.heartbeam.transforms.stats;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.model.stats.MetricSummary;

/**
 * Per-patient or per-run summaries of the image statistics ({@link SummarizeMetricsFn}), one per
 * model version (a run comparing two models gets a summary for each). In a windowed stream each
 * window gets its own.
 */
public final class SummarizeStatistics extends PTransform<PCollection<ImageStatistics>, PCollection<MetricSummary>> {
  private final boolean perPatient;

  private SummarizeStatistics(boolean perPatient) {
    this.perPatient = perPatient;
  }

  /** One summary per model version and patient. */
  public static SummarizeStatistics perPatient() { return new SummarizeStatistics(true); }

  /** One summary per model version over all images. */
  public static SummarizeStatistics perRun() { return new SummarizeStatistics(false); }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("perPatient", perPatient).withLabel("Per patient (else per run)"));
  }

  @Override
  public PCollection<MetricSummary> expand(PCollection<ImageStatistics> images) {
    // Patient keys have a fixed length, so appending one to the model version is unambiguous.
    SerializableFunction<ImageStatistics, String> key = perPatient
        ? s -> s.modelVersion() + "/" + s.patientKey()
        : ImageStatistics::modelVersion;
    return images
        .apply("Key", WithKeys.of(key).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(ImageStatistics.class)))
        .apply("Summarize", Combine.perKey(perPatient ? SummarizeMetricsFn.perPatient() : SummarizeMetricsFn.perRun()))
        .apply("Summaries", Values.create())
        .setCoder(SerializableCoder.of(MetricSummary.class));
  }
}
