package org.heartbeam.pipelines.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One epoch's numbers: a row of epochs.csv and a line of epochs.jsonl. */
record EpochMetrics(int epoch, double trainLoss, double valLoss, double valDiceMean, double valDiceMedian,
    double learningRate, double seconds) {
  static final String CSV_HEADER = "epoch,train_loss,val_loss,val_dice_mean,val_dice_median,learning_rate,seconds";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Full precision (Double.toString), so two runs can be compared to the float. */
  String toCsv() {
    return epoch + "," + trainLoss + "," + valLoss + "," + valDiceMean + "," + valDiceMedian + "," + learningRate
        + "," + String.format(java.util.Locale.ROOT, "%.3f", seconds);
  }

  ObjectNode toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("epoch", epoch);
    node.put("train_loss", trainLoss);
    node.put("val_loss", valLoss);
    node.put("val_dice_mean", valDiceMean);
    node.put("val_dice_median", valDiceMedian);
    node.put("learning_rate", learningRate);
    node.put("seconds", Math.round(seconds * 1000) / 1000.0);
    return node;
  }
}
