package org.heartbeam.transforms.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.model.stats.StudyVolumes;

/**
 * The images of one series (model version, study, series) to its {@link StudyVolumes}. Simpson's
 * summation needs every slice of a phase at once, so the accumulator holds the series' image
 * statistics (a few hundred small records, no pixels) and the arithmetic runs in extractOutput.
 */
public final class StudyVolumesFn extends CombineFn<ImageStatistics, List<ImageStatistics>, StudyVolumes> {
  @Override
  public List<ImageStatistics> createAccumulator() { return new ArrayList<>(); }

  @Override
  public List<ImageStatistics> addInput(List<ImageStatistics> accumulator, ImageStatistics input) {
    accumulator.add(input);
    return accumulator;
  }

  @Override
  public List<ImageStatistics> mergeAccumulators(Iterable<List<ImageStatistics>> accumulators) {
    List<ImageStatistics> merged = new ArrayList<>();
    for (List<ImageStatistics> a : accumulators) {
      merged.addAll(a);
    }
    return merged;
  }

  /** @throws IllegalArgumentException for an empty group, which Combine.perKey never makes */
  @Override
  public StudyVolumes extractOutput(List<ImageStatistics> accumulator) { return StudyVolumes.of(accumulator); }

  @Override
  public Coder<List<ImageStatistics>> getAccumulatorCoder(CoderRegistry registry, Coder<ImageStatistics> inputCoder) {
    return ListCoder.of(SerializableCoder.of(ImageStatistics.class));
  }

  @Override
  public Coder<StudyVolumes> getDefaultOutputCoder(CoderRegistry registry, Coder<ImageStatistics> inputCoder) {
    return SerializableCoder.of(StudyVolumes.class);
  }
}
