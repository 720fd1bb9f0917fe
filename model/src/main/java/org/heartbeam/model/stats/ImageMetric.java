package org.heartbeam.model.stats;

import java.util.function.ToDoubleFunction;

/** The per-image numbers that summaries describe, with the column name they go by in outputs. */
public enum ImageMetric {
  LV_AREA_MM2("lv_area_mm2", ImageStatistics::lvAreaMm2),
  LABEL_AREA_MM2("label_area_mm2", ImageStatistics::labelAreaMm2),
  DICE("dice", ImageStatistics::dice),
  SMOOTHED_DICE("smoothed_dice", ImageStatistics::smoothedDice),
  IOU("iou", ImageStatistics::iou),
  PRECISION("precision", ImageStatistics::precision),
  RECALL("recall", ImageStatistics::recall),
  HD95_MM("hd95_mm", ImageStatistics::hd95Mm),
  ASSD_MM("assd_mm", ImageStatistics::assdMm);

  private final String columnName;
  private final ToDoubleFunction<ImageStatistics> value;

  ImageMetric(String columnName, ToDoubleFunction<ImageStatistics> value) {
    this.columnName = columnName;
    this.value = value;
  }

  public String columnName() { return columnName; }

  /** This metric's value for one image; NaN when undefined there (e.g. Dice without a label). */
  public double of(ImageStatistics image) { return value.applyAsDouble(image); }
}
