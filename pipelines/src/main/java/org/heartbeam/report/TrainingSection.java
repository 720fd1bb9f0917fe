package org.heartbeam.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The training part of the report: run summary, options, curves, and the epoch table. */
final class TrainingSection {
  private TrainingSection() {}

  static String html(TrainingRun run) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("<section id=\"training-summary\"><h2>Training run</h2>\n");
    out.append(keyValues(run.summary()));
    if (!run.options().isEmpty()) {
      out.append("<details><summary>Options</summary>\n").append(keyValues(run.options())).append("</details>\n");
    }
    out.append("</section>\n");
    if (run.epochs().isEmpty()) {
      return out.toString();
    }
    int best = bestEpoch(run);
    out.append("<section id=\"training-curves\"><h2>Training curves</h2>\n")
        .append(Html.pngImage(TrainingCurvesChart.png(run.epochs(), best), "training curves: loss and Dice by epoch",
            TrainingCurvesChart.WIDTH, TrainingCurvesChart.HEIGHT))
        .append("</section>\n");
    List<List<Object>> rows = new ArrayList<>();
    for (EpochRow e : run.epochs()) {
      rows.add(List.of(e.epoch() == best ? Html.raw("<strong>" + e.epoch() + " (best)</strong>", "num")
              : Html.raw(Integer.toString(e.epoch()), "num"),
          Format.number(e.trainLoss(), 4), Format.number(e.valLoss(), 4), Format.number(e.valDiceMean(), 4),
          Format.number(e.valDiceMedian(), 4), Format.number(e.learningRate(), 6), Format.number(e.seconds(), 1)));
    }
    out.append("<section id=\"epochs\"><h2>Epochs</h2>\n")
        .append(Html.table("numbers", List.of("epoch", "train loss", "validation loss", "validation Dice mean",
            "validation Dice median", "learning rate", "seconds"), rows))
        .append("</section>\n");
    return out.toString();
  }

  /** run.json's best_epoch, or -1 when it is absent or not a number. */
  private static int bestEpoch(TrainingRun run) {
    try {
      return Integer.parseInt(run.summary().getOrDefault("best_epoch", "-1").trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String keyValues(Map<String, String> values) {
    List<List<Object>> rows = new ArrayList<>();
    values.forEach((k, v) -> rows.add(List.of(k, v)));
    return Html.table("summary", List.of("field", "value"), rows);
  }
}
