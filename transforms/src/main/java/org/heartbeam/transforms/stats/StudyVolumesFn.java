package org.heartbeam.transforms.stats;

import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.model.stats.StudyVolumes;

/**
 * The images of one series (model version, study, series) to its {@link StudyVolumes}. Simpson's
 * summation needs every slice of a phase at once, so the accumulator holds the series' image
 * statistics (a few hundred small records, no pixels) and the arithmetic runs in extractOutput.
 */
public final class StudyVolumesFn extends CollectingCombineFn<ImageStatistics, StudyVolumes> {
  /** @throws IllegalArgumentException for an empty group, which Combine.perKey never makes */
  @Override
  public StudyVolumes extractOutput(List<ImageStatistics> accumulator) { return StudyVolumes.of(accumulator); }

  @Override
  public Coder<StudyVolumes> getDefaultOutputCoder(CoderRegistry registry, Coder<ImageStatistics> inputCoder) {
    return SerializableCoder.of(StudyVolumes.class);
  }
}
