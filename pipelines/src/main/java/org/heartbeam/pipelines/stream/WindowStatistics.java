package org.heartbeam.pipelines.stream;

import java.io.Serializable;
import java.util.List;

/**
 * Run statistics of one fixed window of the stream: how many images, their mean Dice (over the
 * labelled ones; NaN when none is), mean predicted LV area, and exact arrival-to-output latency
 * quantiles (R-7, as {@link org.heartbeam.model.stats.SummaryStatistics}).
 *
 * @param modelVersions the versions that made this window's outputs, sorted (two around a hot swap)
 */
public record WindowStatistics(long images, long labelled, double meanDice, double meanLvAreaMm2,
    double latencyP50Ms, double latencyP95Ms, double latencyMaxMs, List<String> modelVersions)
    implements Serializable {

  public WindowStatistics {
    modelVersions = List.copyOf(modelVersions);
  }
}
