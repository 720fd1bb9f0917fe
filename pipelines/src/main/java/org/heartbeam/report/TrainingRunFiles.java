package org.heartbeam.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heartbeam.model.file.RunFolder;

/**
 * Reads a training run folder (written by the train pipeline): run.json, one JSON object, and
 * epochs.csv with columns epoch, train_loss, val_loss, val_dice_mean, val_dice_median, learning_rate,
 * seconds (read by name; "NaN" or empty is a missing value).
 */
final class TrainingRunFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrainingRunFiles() {}

  /** A training run has epochs.csv, or a run.json object that counts epochs. */
  static boolean isTrainingRun(Path runDir) throws IOException {
    if (Files.isRegularFile(runDir.resolve(RunFolder.EPOCHS_CSV))) {
      return true;
    }
    JsonNode run = runJson(runDir);
    return run != null && run.isObject() && run.has("epochs_run");
  }

  static TrainingRun read(Path runDir) throws IOException {
    Map<String, String> summary = new LinkedHashMap<>();
    Map<String, String> options = new LinkedHashMap<>();
    JsonNode run = runJson(runDir);
    if (run != null && run.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = run.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> field = it.next();
        flatten(field.getKey(), field.getValue(), field.getKey().equals("options") ? options : summary,
            field.getKey().equals("options") ? "" : field.getKey());
      }
    }
    List<EpochRow> epochs = new ArrayList<>();
    Path csv = runDir.resolve(RunFolder.EPOCHS_CSV);
    if (Files.isRegularFile(csv)) {
      CsvTable table = CsvTable.read(csv);
      for (int i = 0; i < table.size(); i++) {
        double epoch = table.number(i, "epoch");
        if (Double.isNaN(epoch)) {
          continue; // a line cut short by a killed run
        }
        epochs.add(new EpochRow((int) epoch, table.number(i, "train_loss"), table.number(i, "val_loss"),
            table.number(i, "val_dice_mean"), table.number(i, "val_dice_median"), table.number(i, "learning_rate"),
            table.number(i, "seconds")));
      }
    }
    return new TrainingRun(summary, options, epochs);
  }

  private static void flatten(String key, JsonNode value, Map<String, String> into, String prefix) {
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> field = it.next();
        flatten(field.getKey(), field.getValue(), into,
            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey());
      }
    } else {
      into.put(prefix.isEmpty() ? key : prefix, value.isValueNode() ? value.asText() : value.toString());
    }
  }

  /** run.json parsed, or null when absent or not JSON (an inference run's run.json is an array). */
  private static JsonNode runJson(Path runDir) throws IOException {
    Path file = runDir.resolve(RunFolder.RUN_JSON);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }
}
