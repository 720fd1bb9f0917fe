package org.heartbeam.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a training run folder says about itself.
 *
 * @param summary run.json's scalar fields in file order, as text (nested objects such as "metrics"
 *     flattened to "metrics.val_dice_mean"; "options" kept apart)
 * @param options run.json's "options", as text
 * @param epochs epochs.csv in file order; empty when the file is missing
 */
public record TrainingRun(Map<String, String> summary, Map<String, String> options, List<EpochRow> epochs) {
  public TrainingRun {
    summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    epochs = List.copyOf(epochs);
  }
}
