package org.heartbeam.pipelines.stream;

import java.io.Serializable;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.heartbeam.model.stats.SummaryStatistics;

/**
 * A window's {@link StreamedImage}s to its {@link WindowStatistics}. Latencies are kept exactly (8
 * bytes per image: a 60 s window of a few hundred images is a few KB), so p50 and p95 are exact.
 */
final class WindowStatisticsFn extends CombineFn<StreamedImage, WindowStatisticsFn.Accumulator, WindowStatistics> {
  private static final long serialVersionUID = 1L;

  static final class Accumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    final SummaryStatistics.Accumulator dice = new SummaryStatistics.Accumulator();
    final SummaryStatistics.Accumulator lvArea = new SummaryStatistics.Accumulator();
    final ArrayList<Double> latencies = new ArrayList<>();
    final TreeSet<String> versions = new TreeSet<>();
    long labelled;
  }

  @Override
  public Accumulator createAccumulator() { return new Accumulator(); }

  @Override
  public Accumulator addInput(Accumulator a, StreamedImage image) {
    if (image.statistics().labelled()) {
      a.labelled++;
      a.dice.add(image.statistics().dice());
    }
    a.lvArea.add(image.statistics().lvAreaMm2());
    a.latencies.add((double) image.latencyMillis());
    a.versions.add(image.statistics().modelVersion());
    return a;
  }

  @Override
  public Accumulator mergeAccumulators(Iterable<Accumulator> accumulators) {
    Accumulator merged = new Accumulator();
    for (Accumulator a : accumulators) {
      merged.dice.merge(a.dice);
      merged.lvArea.merge(a.lvArea);
      merged.latencies.addAll(a.latencies);
      merged.versions.addAll(a.versions);
      merged.labelled += a.labelled;
    }
    return merged;
  }

  @Override
  public WindowStatistics extractOutput(Accumulator a) {
    double[] sorted = a.latencies.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    return new WindowStatistics(n, a.labelled, a.dice.result().mean(), a.lvArea.result().mean(),
        SummaryStatistics.quantile(sorted, n, 0.5), SummaryStatistics.quantile(sorted, n, 0.95),
        n == 0 ? Double.NaN : sorted[n - 1], new ArrayList<>(a.versions));
  }

  @Override
  public Coder<Accumulator> getAccumulatorCoder(CoderRegistry registry, Coder<StreamedImage> inputCoder) {
    return SerializableCoder.of(Accumulator.class);
  }

  @Override
  public Coder<WindowStatistics> getDefaultOutputCoder(CoderRegistry registry, Coder<StreamedImage> inputCoder) {
    return SerializableCoder.of(WindowStatistics.class);
  }
}
